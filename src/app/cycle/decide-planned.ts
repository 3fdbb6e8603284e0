import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import { Temporal } from 'temporal-polyfill';
import { CYCLE_DECISION_BATCH_BORROWERS } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import type { Decision } from '../../policy/index.ts';
import type { Action, Channel, Purpose, Situation } from '../../policy/situation.ts';
import { findMessageTemplate } from '../../policy/templates/message-templates.ts';
import { assert } from '../../stdx/assert.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { buildSituation } from '../gate/build-situation.ts';
import type { ContactRequest } from '../gate/contact-request.ts';
import { loadBorrowerFiles, type BorrowerFile } from '../gate/load-borrower-files.ts';
import { packFor, type PolicyGate } from '../gate/policy-gate.ts';
import type { DecisionRecord } from '../gate/store-decisions.ts';

/**
 * Puts actions the strategy planned for a day through the compliance gate. The question asked is
 * "may this happen today?", at the start of the borrower's working day (PLANNED_LOCAL_TIME in their
 * home zone): an allowed action stays planned; a denied one that waiting would help is deferred to
 * the Decision's nextAllowedAt; any other is dropped with the first denying rule's reason. Whoever
 * carries a planned action out still reserves it at that moment (reserve-contact.ts), with the real
 * agent, number and text.
 *
 * Borrowers are handled in batches with a fixed number of queries each, and the caller writes each
 * batch's Decisions and dispositions. Decisions are deterministic (their id hashes the situation and
 * instant), so a rerun after a crash writes the same rows.
 */
export const PLANNED_LOCAL_TIME = '09:00';

/** A proposal; its `strategy_version`, the one that planned it, is recorded on its Decision. */
export type PlannedActionRow = Pick<Row<'planned_action'>,
  'borrower_id' | 'action' | 'channel' | 'template' | 'strategy_version'> & {
  /** The account the action is decided on: the case's (update-cases.ts). */
  account: string | null;
};
/**
 * What becomes of a planned action: kept (`planned`), deferred to `next`, or dropped for `reason`,
 * with the Decision behind it. Not a rule's Verdict (policy/rule.ts), which is one rule's answer.
 * `policyVersion` is the version of the gate's evaluator for the borrower's pack, also when the
 * action was dropped before any rule ran; null only when the account has no pack to name.
 */
export type Disposition = {
  decision: string | null;
  policyVersion: string | null;
  status: 'planned' | 'deferred' | 'dropped';
  next: string | null;
  reason: string | null;
};
export type DecideCounts = { allowed: number; deferred: number; dropped: number };
export type WriteDecided<T> = (records: DecisionRecord[], decided: [T, Disposition][]) => Promise<void>;

/** Strategy channels that are not contacts, and the action the gate judges for them. */
const NON_CONTACT: Readonly<Record<string, Action>> = {
  agency: 'placement',
  bureau: 'credit_report',
  legal: 'legal_action',
};
const PURPOSE_OF_ACTION: Readonly<Record<string, Purpose>> = { bureau_pre_notice: 'adverse_credit_notice' };
/**
 * A planned visit is judged as the lender's standard team would make it: two staff who show
 * identification and the lender's authorisation. The visit's own reservation re-decides with the
 * real team.
 */
const PLANNED_VISIT = { staff: 2, identityConfirmed: true, authorisationConfirmed: true };
const CYCLE_ACTOR = { kind: 'system' as const, id: 'daily-cycle' };

/** Why a planned message whose template this version does not know is dropped undecided. */
export const UNKNOWN_TEMPLATE = 'unknown_template';

/** Rows evaluated between two yields to the event loop (a few milliseconds of policy work). */
const DECIDE_YIELD_ROWS = 64;

/** Decides `rows` (ordered by borrower) and hands each batch to `write`. */
export async function decidePlanned<T extends PlannedActionRow>(
  tx: Db, asOf: CivilDate, gate: PolicyGate, rows: readonly T[], write: WriteDecided<T>,
): Promise<DecideCounts> {
  const counts: DecideCounts = { allowed: 0, deferred: 0, dropped: 0 };
  const startOfDay = new Map<string, Date>();
  const batches = [...borrowerBatches(rows)];
  const load = (batch: readonly T[]) => settled(loadBorrowerFiles(
    tx, [...new Set(batch.map((row) => row.borrower_id))], new Date(`${asOf}T00:00:00Z`)));
  // A pipeline on the one connection of the transaction: the next batch's files are asked for, and
  // this batch's writes sent, before this process evaluates the next batch, so the server reads and
  // writes while the policy runs here. Evaluation yields now and then to let the driver keep the
  // connection busy. Nothing a batch writes (decisions, planned actions) is read by a later batch.
  const writes: Promise<unknown>[] = [];
  try {
    let files = batches.length === 0 ? null : load(batches[0]!);
    for (let index = 0; index < batches.length; index += 1) {
      const batch = batches[index]!;
      const loaded = await files!;
      files = index + 1 < batches.length ? load(batches[index + 1]!) : null;
      const records: DecisionRecord[] = [];
      const decided: [T, Disposition][] = [];
      for (let row = 0; row < batch.length; row += 1) {
        if (row % DECIDE_YIELD_ROWS === DECIDE_YIELD_ROWS - 1) await setImmediatePromise();
        const { record, disposition } = decideRow(batch[row]!, loaded, asOf, gate, startOfDay);
        if (record !== null) records.push(record);
        decided.push([batch[row]!, disposition]);
        counts[disposition.status === 'planned' ? 'allowed' : disposition.status] += 1;
      }
      writes.push(settled(write(records, decided)));
    }
  } finally {
    // A failed write aborts the transaction, and every later query fails for that reason alone:
    // the write's own error is the one worth reporting.
    const failed = (await Promise.allSettled(writes)).find((result) => result.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
  }
  return counts;
}

function decideRow(
  row: PlannedActionRow, files: Map<bigint, BorrowerFile>, asOf: CivilDate, gate: PolicyGate,
  startOfDay: Map<string, Date>,
): { record: DecisionRecord | null; disposition: Disposition } {
  const file = files.get(row.borrower_id);
  assert(file !== undefined, 'every borrower of a batch has a file');
  const home = file.parties.find((party) => party.id === row.borrower_id);
  assert(home !== undefined, 'a borrower is a party of their own file');
  // The number is chosen when the action is reserved; planning judges the busiest one.
  const built = buildSituation(file, requestFor(row), null, 'leave_open');
  if (!built.ok) {
    return { record: null, disposition: undecided(packVersion(file, row, gate), built.rejection.reason) };
  }
  const situation = withTemplate(built.built.situation, row.template, gate);
  if (situation === null) {
    const policyVersion = gate.evaluators[built.built.situation.pack].version;
    return { record: null, disposition: undecided(policyVersion, UNKNOWN_TEMPLATE) };
  }
  const now = plannedInstant(startOfDay, home.time_zone, asOf);
  const decision = gate.evaluators[situation.pack].evaluate(situation, now);
  return {
    record: { decision, situation, borrowerId: row.borrower_id, strategyVersion: row.strategy_version },
    disposition: dispositionOf(decision),
  };
}

/** Dropped before any rule ran, for `reason`. */
function undecided(policyVersion: string | null, reason: string): Disposition {
  return { decision: null, policyVersion, status: 'dropped', next: null, reason };
}

/** The version of the gate's evaluator for the pack of the row's account, if it has one. */
function packVersion(file: BorrowerFile, row: PlannedActionRow, gate: PolicyGate): string | null {
  const account = file.accounts.find((candidate) => candidate.external_id === row.account);
  const pack = account === undefined ? null : packFor(account.jurisdiction);
  return pack === null ? null : gate.evaluators[pack].version;
}

/**
 * The promise, marked as handled: it is awaited later, after other awaits, and a rejection in
 * between must not be reported as unhandled (which would stop the process).
 */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Consecutive rows of at most CYCLE_DECISION_BATCH_BORROWERS borrowers (rows arrive by borrower). */
function* borrowerBatches<T extends PlannedActionRow>(planned: readonly T[]): Generator<T[]> {
  for (let from = 0; from < planned.length; ) {
    let to = from;
    let borrowers = 0;
    while (to < planned.length && borrowers < CYCLE_DECISION_BATCH_BORROWERS) {
      const borrower = planned[to]!.borrower_id;
      borrowers += 1;
      while (to < planned.length && planned[to]!.borrower_id === borrower) to += 1;
    }
    assert(to === planned.length || planned[to]!.borrower_id > planned[to - 1]!.borrower_id,
      'planned actions arrive ordered by borrower');
    yield planned.slice(from, to);
    from = to;
  }
}

/** Allowed stays planned; a denial waiting would lift is deferred; any other is dropped. */
function dispositionOf(decision: Decision): Disposition {
  const denial = decision.outcomes.find((outcome) => outcome.result === 'deny');
  const status = decision.allowed ? 'planned' : decision.nextAllowedAt !== null ? 'deferred' : 'dropped';
  return { decision: decision.id, policyVersion: decision.policyVersion, status, next: decision.nextAllowedAt,
    reason: denial === undefined ? null : `${denial.ruleId}: ${denial.reason}` };
}

function requestFor(row: PlannedActionRow): ContactRequest {
  const action = NON_CONTACT[row.channel] ?? 'contact';
  const purpose = PURPOSE_OF_ACTION[row.action];
  return {
    accountId: row.account ?? '',
    action,
    ...(action === 'contact' ? { channel: row.channel as Channel } : {}),
    ...(purpose === undefined ? {} : { purpose }),
    ...(row.channel === 'visit' ? { visit: PLANNED_VISIT } : {}),
    actor: CYCLE_ACTOR,
  };
}

/**
 * A message is decided on its template as written (placeholders stand for the borrower's figures,
 * which the content guard accepts), in the locale of the pack; the send re-checks the rendered text.
 * A template this version does not know has no text to check, so the action is refused before any
 * rule is asked: deciding it without its text would let it past the content rules unread.
 */
function withTemplate(situation: Situation, templateId: string | null, gate: PolicyGate): Situation | null {
  if (templateId === null) return situation;
  const template = findMessageTemplate(templateId);
  if (template === null) return null;
  const locale = gate.evaluators[situation.pack].pack.locale;
  return { ...situation, content: { text: template.texts[locale], locale, templateId } };
}

/** PLANNED_LOCAL_TIME on the cycle date in the borrower's home zone, cached per zone. */
function plannedInstant(cache: Map<string, Date>, zone: string, asOf: CivilDate): Date {
  let instant = cache.get(zone);
  if (instant === undefined) {
    const local = Temporal.PlainDateTime.from(`${asOf}T${PLANNED_LOCAL_TIME}`);
    instant = new Date(local.toZonedDateTime(zone).epochMilliseconds);
    cache.set(zone, instant);
  }
  return instant;
}
