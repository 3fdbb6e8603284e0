/**
 * A PostgreSQL URL fit for a message or a log: the password is replaced by `***`. A URL that cannot
 * be parsed is not shown at all, since where its password lies is unknown.
 */
export function maskDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    if (error instanceof TypeError) return '(DATABASE_URL, not shown: it is not a valid URL)';
    throw error;
  }
  if (parsed.password !== '') parsed.password = '***';
  // Query parameters may carry a password too (?password=…); keep only their names.
  for (const key of [...parsed.searchParams.keys()]) {
    if (key.toLowerCase().includes('password')) parsed.searchParams.set(key, '***');
  }
  return parsed.toString().replace('%2A%2A%2A', '***');
}

/** The passwords a URL holds, decoded, so that an error message that repeats one can be cleaned. */
export function passwordsOf(url: string): string[] {
  try {
    const parsed = new URL(url);
    const fromQuery = [...parsed.searchParams.entries()]
      .filter(([key]) => key.toLowerCase().includes('password')).map(([, value]) => value);
    return [parsed.password, decodeLeniently(parsed.password), ...fromQuery]
      .filter((password) => password !== '');
  } catch (error) {
    if (error instanceof TypeError) return [];
    throw error;
  }
}

function decodeLeniently(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    if (error instanceof URIError) return text; // a stray % : the driver reads it as it is
    throw error;
  }
}
