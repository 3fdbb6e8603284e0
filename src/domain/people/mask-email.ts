/**
 * An email address as staff see it by default: the first character of the mailbox, then always
 * three stars whatever its length (so the mask does not tell the name's length), then the domain,
 * which names only the provider: `zhang.wei@example.com` → `z***@example.com`. The address is split
 * at its last `@`; a value without one is not an address and keeps only its first character.
 */
export function maskEmail(value: string): string {
  if (value === '') return '';
  const at = value.lastIndexOf('@');
  const mailbox = at === -1 ? value : value.slice(0, at);
  const domain = at === -1 ? '' : value.slice(at);
  // Spread by code point, so a first character outside the BMP is not cut in half.
  const first = [...mailbox][0] ?? '';
  return `${first}***${domain}`;
}
