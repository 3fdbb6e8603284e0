import type { Db } from '../../db/database.ts';
import type { Decision } from '../../policy/index.ts';
import { buildSituation, type BuiltSituation, type GateRejection } from './build-situation.ts';
import type { ContactRequest } from './contact-request.ts';
import { loadBorrowerFiles } from './load-borrower-files.ts';
import type { PolicyGate } from './policy-gate.ts';
import { storeDecisions } from './store-decisions.ts';

/**
 * "May I?" for one action: loads the borrower's whole file, evaluates the request under the pack of
 * the debt's jurisdiction at `now`, and stores the Decision before returning it. Pass a
 * transaction holding the borrower's lock when the answer will be acted on (reserve-contact.ts).
 */
export type DecideResult =
  | { ok: true; decision: Decision; built: BuiltSituation }
  | { ok: false; rejection: GateRejection | { reason: 'unknown_agency'; field: 'actor.agencyId' } };

async function findAccountBorrower(db: Db, accountExternalId: string): Promise<bigint | null> {
  const [row] = await db.query<{ borrower_id: bigint }>(
    'SELECT borrower_id FROM account WHERE external_id = $1',
    [accountExternalId],
  );
  return row?.borrower_id ?? null;
}

export async function decideContact(
  db: Db,
  gate: PolicyGate,
  request: ContactRequest,
  now: Date,
  borrowerId?: bigint,
): Promise<DecideResult> {
  const borrower = borrowerId ?? (await findAccountBorrower(db, request.accountId));
  if (borrower === null) return { ok: false, rejection: { reason: 'unknown_account', field: 'accountId' } };
  let registered: string[] | null = null;
  if (request.actor.agencyId !== undefined) {
    const [agency] = await db.query('SELECT 1 FROM agency WHERE id = $1', [request.actor.agencyId]);
    if (agency === undefined)
      return { ok: false, rejection: { reason: 'unknown_agency', field: 'actor.agencyId' } };
    registered = (
      await db.query<{ phone: string }>(
        'SELECT phone FROM agency_number WHERE agency_id = $1 ORDER BY phone',
        [request.actor.agencyId],
      )
    ).map((row) => row.phone);
  }
  const file = (await loadBorrowerFiles(db, [borrower], now)).get(borrower)!;
  const built = buildSituation(file, request, registered);
  if (!built.ok) return built;
  const decision = gate.evaluators[built.built.situation.pack].evaluate(built.built.situation, now);
  await storeDecisions(db, gate, [{ decision, situation: built.built.situation, borrowerId: borrower }]);
  return { ok: true, decision, built: built.built };
}
