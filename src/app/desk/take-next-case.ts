import { NEXT_CASE_CANDIDATES_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { principalName, type Principal } from '../../domain/people/principal.ts';
import { grants } from '../../domain/people/roles.ts';
import type { Decision } from '../../policy/decision.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { buildSituation } from '../gate/build-situation.ts';
import type { ContactRequest } from '../gate/contact-request.ts';
import { loadBorrowerFiles, type BorrowerFile } from '../gate/load-borrower-files.ts';
import type { PolicyGate } from '../gate/policy-gate.ts';
import { storeDecisions, type DecisionRecord } from '../gate/store-decisions.ts';
import { listQueue, type QueueEntry } from './list-queue.ts';

/**
 * "Next case" for a collector: walks their own queue in the strategy's order and returns the first
 * case whose borrower the gate allows a call to now, with that check's Decision; every case above it
 * the gate refuses now is returned as skipped, with when it opens and the rule that says so.
 *
 * Each case tried is a check, and a check is stored like any other Decision, so the desk can show
 * why a case was passed over and a reviewer can replay it. It reserves nothing: the call still
 * needs a reservation, which decides again under the borrower's lock on the number dialled. The check
 * leaves the number open (the rules judge the borrower's busiest number), so a case is offered only
 * when at least that number may be called. At most NEXT_CASE_CANDIDATES_MAX cases are tried.
 */
type TakeNextCaseOptions = {
  db: Db;
  gate: PolicyGate;
  principal: Principal;
  /** The business date whose planned calls form the queue. */
  asOf: CivilDate;
  now: Date;
};

type SkippedCase = {
  caseId: bigint;
  /** When the gate will allow a call, if waiting helps; null when it does not. */
  nextAllowedAt: string | null;
  /** The rule that refused, or null when the case could not be put to the gate at all. */
  ruleId: string | null;
  reason: string;
  decisionId: string | null;
};

type TakeNextCaseResult =
  | { ok: true; next: { entry: QueueEntry; decision: Decision } | null; skipped: SkippedCase[] }
  | { ok: false; reason: 'not_permitted' | 'not_in_team' };

export async function takeNextCase(options: TakeNextCaseOptions): Promise<TakeNextCaseResult> {
  const { db, principal } = options;
  if (principal.kind !== 'user' || !grants(principal.role, 'desk:work')) {
    return { ok: false, reason: 'not_permitted' };
  }
  if (principal.teamId === null) return { ok: false, reason: 'not_in_team' };
  const queue = await listQueue({
    db, teamId: principal.teamId, userId: principal.userId, asOf: options.asOf, now: options.now,
    limit: NEXT_CASE_CANDIDATES_MAX,
  });
  const files = await loadBorrowerFiles(db, [...new Set(queue.map((entry) => entry.borrowerId))],
    options.now);
  const registered = principal.agencyId === null ? null : (await db.query<{ phone: string }>(
    'SELECT phone FROM agency_number WHERE agency_id = $1 ORDER BY phone', [principal.agencyId],
  )).map((row) => row.phone);
  const records: DecisionRecord[] = [];
  const skipped: SkippedCase[] = [];
  let next: { entry: QueueEntry; decision: Decision } | null = null;
  for (const entry of queue) {
    const tried = tryCase(options, entry, files.get(entry.borrowerId)!, registered);
    if (tried.record !== null) records.push(tried.record);
    if (tried.record?.decision.allowed === true) {
      next = { entry, decision: tried.record.decision };
      break;
    }
    skipped.push(tried.skipped!);
  }
  await storeDecisions(db, options.gate, records);
  return { ok: true, next, skipped };
}

function tryCase(
  options: TakeNextCaseOptions, entry: QueueEntry, file: BorrowerFile, registered: string[] | null,
): { record: DecisionRecord | null; skipped: SkippedCase | null } {
  const { principal } = options;
  const unasked = (reason: string) => ({
    record: null, skipped: { caseId: entry.caseId, nextAllowedAt: null, ruleId: null, reason,
      decisionId: null },
  });
  if (entry.accountId === null) return unasked('no_account');
  const request: ContactRequest = {
    accountId: entry.accountId, action: 'contact', channel: 'voice',
    actor: {
      kind: principal.agencyId === null ? 'agent' : 'agency', id: principalName(principal),
      ...(principal.agencyId === null ? {} : { agencyId: principal.agencyId }),
    },
  };
  const built = buildSituation(file, request, registered, 'leave_open');
  if (!built.ok) return unasked(built.rejection.reason);
  const situation = built.built.situation;
  const decision = options.gate.evaluators[situation.pack].evaluate(situation, options.now);
  const record = { decision, situation, borrowerId: entry.borrowerId };
  if (decision.allowed) return { record, skipped: null };
  const denials = decision.outcomes.filter((outcome) => outcome.result === 'deny');
  const deciding = denials.find((outcome) => outcome.nextAllowedAt === decision.nextAllowedAt) ?? denials[0];
  return {
    record,
    skipped: {
      caseId: entry.caseId, nextAllowedAt: decision.nextAllowedAt, ruleId: deciding?.ruleId ?? null,
      reason: deciding?.reason ?? 'denied', decisionId: decision.id,
    },
  };
}
