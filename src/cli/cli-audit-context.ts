import { userInfo } from 'node:os';
import type { AuditContext } from '../app/audit/audit-context.ts';

/** A command run on the server's own machine: recorded as the operating-system user who ran it. */
export function cliAuditContext(): AuditContext {
  let account = 'unknown';
  try {
    account = userInfo().username;
  } catch (error) {
    // A container without a passwd entry for its uid has no user name; the command is still recorded.
    account = `uid-${process.getuid?.() ?? 'unknown'}:${(error as Error).name}`;
  }
  return { actorKind: 'system', actor: `cli:${account}`, sourceIp: null, requestId: null };
}
