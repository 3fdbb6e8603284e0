/**
 * What `serve` and `demo` print once the server listens: the address it is really bound to (not
 * a friendlier name for it), and a warning when that address is reachable from other machines.
 * The API has no sign-in yet, so a server bound beyond the loopback interface lets anyone who
 * can reach the port read borrowers' personal data and record contacts and payments.
 */
export type BoundAddress = { address: string; port: number };

export type ListeningNotice = {
  /** `http://host:port`, with an IPv6 host in brackets. */
  origin: string;
  /** The start-up line, for stdout. */
  line: string;
  /** The warning for stderr when the address is not a loopback address; null otherwise. */
  warning: string | null;
};

export function describeListening(bound: BoundAddress): ListeningNotice {
  const host = bound.address.includes(':') ? `[${bound.address}]` : bound.address;
  const origin = `http://${host}:${bound.port}`;
  const everywhere = isWildcardAddress(bound.address) ? ' on every network interface' : '';
  const line = `FairCollect is serving ${origin}/console${everywhere} `
    + `(API ${origin}/api/v1, OpenAPI ${origin}/api/openapi.json)`;
  if (isLoopbackAddress(bound.address)) return { origin, line, warning: null };
  const warning = `faircollect: warning: listening on ${bound.address} port ${bound.port}, which other `
    + 'machines can reach. The API has no sign-in yet: anyone who can reach this port can read '
    + "borrowers' personal data and record contacts and payments. Keep HOST=127.0.0.1 (the default) "
    + 'unless a firewall or an authenticating proxy guards the port.';
  return { origin, line, warning };
}

/** 127.0.0.0/8, ::1 and IPv4-mapped 127.x.y.z: only this machine can connect. */
export function isLoopbackAddress(address: string): boolean {
  const lower = address.toLowerCase();
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(lower) || lower === '::1'
    || /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(lower);
}

function isWildcardAddress(address: string): boolean {
  return address === '0.0.0.0' || address === '::';
}
