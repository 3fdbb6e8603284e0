import type { Db } from '../../db/database.ts';
import { findAccountInScope } from '../scope/find-account-in-scope.ts';
import type { DataScope } from '../scope/load-scope.ts';
import type { ContactRequest } from './contact-request.ts';
import { decideContact, type DecideResult } from './decide-contact.ts';
import type { PolicyGate } from './policy-gate.ts';

/**
 * "May I?" asked by a principal: the gate's answer (decide-contact.ts) on an account in the
 * principal's scope, about a person the scope shows (find-account-in-scope.ts). Outside them
 * nothing is decided or stored.
 */
export async function checkContact(
  db: Db, gate: PolicyGate, request: ContactRequest, now: Date, scope: DataScope,
): Promise<DecideResult> {
  const account = await findAccountInScope(db, scope, request);
  return account.ok ? decideContact(db, gate, request, now, account.borrowerId) : account;
}
