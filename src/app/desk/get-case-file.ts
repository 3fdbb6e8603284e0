import { CASE_TIMELINE_EVENTS_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { BUSINESS_TIME_ZONE } from '../calendar/business-date.ts';
import { getAccount, type AccountDetail } from '../portfolio/get-account.ts';
import type { DataScope } from '../scope/load-scope.ts';
import { caseInScopeSql } from '../scope/scope-filters.ts';
import type { PackedDecision } from '../gate/stored-decision.ts';

/**
 * A case's file as the desk shows it: the case, the borrower's accounts in the scope (each with its
 * instalments, payments and their allocations, and the masked contact points: get-account.ts), and
 * the timeline of what happened, newest first: contact attempts and their outcomes, the gate's
 * Decisions with the rules that denied, notes, payments, holds, promises and agreements (callbacks,
 * stated times). A case outside the scope is answered as an unknown one, like every read model.
 *
 * A payment is placed on the timeline at the start of its value date in the lender's zone (when
 * the borrower paid, not when the feed reported it).
 *
 * The timeline's payments and holds are those of the accounts the scope shows: an agency does not
 * learn of payments on accounts not placed with it. Attempts, Decisions and agreements are the
 * borrower's, the whole history the gate itself judges on.
 */
export type CaseFile = {
  caseId: string; borrowerId: bigint; borrowerName: string; timeZone: string; status: string;
  stage: string; maxDpd: number; overdueMinor: bigint; currency: string; ownerTeam: string | null;
  /** The lender's id of the account the case is worked on (its most delinquent), when in the scope. */
  accountId: string | null;
  accounts: AccountDetail[];
  timeline: TimelineEvent[];
};

export type TimelineEvent = {
  at: Date;
  kind: 'attempt' | 'decision' | 'note' | 'payment' | 'hold' | 'promise' | 'agreement';
  /** The outcome, allowed/denied, status or kind, as its code. */
  code: string | null;
  channel: string | null;
  actor: string | null;
  amountMinor: bigint | null;
  currency: string | null;
  /** A note's text, a recording reference, a decision id, a promise's date, a payment channel. */
  detail: string | null;
  /** The record's own id (an attempt's, a decision's). */
  ref: string;
  /** A callback's time, a hold's end, a denying Decision's next allowed instant. */
  moment: Date | null;
  /** A denying Decision's rules and reasons. */
  denials: { ruleId: string; reason: string }[];
};

type CaseRow = {
  id: bigint; borrower_id: bigint; full_name: string; time_zone: string; status: string; stage: string;
  max_dpd: number; overdue_minor: bigint; currency: string; owner_team: string | null; account: string | null;
};

type TimelineRow = {
  at: Date; kind: TimelineEvent['kind']; code: string | null; channel: string | null; actor: string | null;
  amount_minor: bigint | null; currency: string | null; detail: string | null; moment: Date | null;
  packed: PackedDecision | null; ref: string;
};

const TIMELINE_SQL = `SELECT * FROM (
    (SELECT started_at AS at, 'attempt' AS kind, outcome AS code, channel, actor_id AS actor,
      NULL::bigint AS amount_minor, NULL::text AS currency, recording_ref AS detail,
      NULL::timestamptz AS moment, NULL::json AS packed, id::text AS ref
    FROM contact_attempt WHERE borrower_id = $1 ORDER BY started_at DESC LIMIT $3)
  UNION ALL
    (SELECT decided_at, 'decision', CASE WHEN allowed THEN 'allowed' ELSE 'denied' END, channel, action,
      NULL, NULL, id, next_allowed_at, CASE WHEN allowed THEN NULL ELSE decision END, id
    FROM decision WHERE borrower_id = $1 ORDER BY decided_at DESC LIMIT $3)
  UNION ALL
    (SELECT recorded_at, 'note', NULL, NULL, recorded_by, NULL, NULL, body, NULL, NULL, id::text
    FROM case_note WHERE borrower_id = $1 ORDER BY recorded_at DESC LIMIT $3)
  UNION ALL
    (SELECT p.value_date::timestamp AT TIME ZONE $4, 'payment', p.status, NULL, NULL, p.amount_minor,
      p.currency, p.channel,
      NULL, NULL, p.id::text
    FROM payment p JOIN account a ON a.id = p.account_id
    WHERE p.borrower_id = $1 AND a.external_id = ANY($2::text[])
    ORDER BY p.value_date DESC, p.id DESC LIMIT $3)
  UNION ALL
    (SELECT h.started_at, 'hold', h.kind, NULL, h.recorded_by, NULL, NULL, NULL, h.ended_at, NULL, h.id::text
    FROM hold h LEFT JOIN account a ON a.id = h.account_id
    WHERE h.borrower_id = $1 AND (a.id IS NULL OR a.external_id = ANY($2::text[]))
    ORDER BY h.started_at DESC LIMIT $3)
  UNION ALL
    (SELECT recorded_at, 'promise', status, NULL, recorded_by, amount_minor, currency, due_on::text,
      NULL, NULL, id::text
    FROM promise_to_pay WHERE borrower_id = $1 ORDER BY recorded_at DESC LIMIT $3)
  UNION ALL
    (SELECT recorded_at, 'agreement', kind, channel, recorded_by, NULL, NULL, NULL, starts_at, NULL, id::text
    FROM agreement WHERE borrower_id = $1 ORDER BY recorded_at DESC LIMIT $3)
  ) events ORDER BY at DESC, kind LIMIT $3`;

export async function getCaseFile(
  db: Db, caseId: string, scope: DataScope,
): Promise<{ ok: true; file: CaseFile } | { ok: false; reason: 'unknown_case'; field: 'id' }> {
  const unknown = { ok: false, reason: 'unknown_case', field: 'id' } as const;
  if (!/^[1-9]\d{0,17}$/.test(caseId)) return unknown;
  const params: unknown[] = [caseId];
  const inScope = caseInScopeSql(scope, 'c', params);
  const [row] = await db.query<CaseRow>(`SELECT c.id, c.borrower_id, b.full_name, b.time_zone, c.status,
      c.stage, c.max_dpd, c.overdue_minor, c.currency, c.owner_team, a.external_id AS account
    FROM collection_case c JOIN party b ON b.id = c.borrower_id LEFT JOIN account a ON a.id = c.account_id
    WHERE c.id = $1 AND ${inScope}`, params);
  if (row === undefined) return unknown;
  const ids = await db.query<{ external_id: string }>(
    'SELECT external_id FROM account WHERE borrower_id = $1 ORDER BY id', [row.borrower_id]);
  const accounts: AccountDetail[] = [];
  for (const { external_id: externalId } of ids) {
    const found = await getAccount(db, externalId, scope);
    if (found.ok) accounts.push(found.account);
  }
  const shown = accounts.map((account) => account.externalId);
  const events = await db.query<TimelineRow>(TIMELINE_SQL,
    [row.borrower_id, shown, CASE_TIMELINE_EVENTS_MAX, BUSINESS_TIME_ZONE]);
  return {
    ok: true,
    file: {
      caseId: String(row.id), borrowerId: row.borrower_id, borrowerName: row.full_name,
      timeZone: row.time_zone,
      status: row.status, stage: row.stage, maxDpd: row.max_dpd, overdueMinor: BigInt(row.overdue_minor),
      currency: row.currency, ownerTeam: row.owner_team,
      accountId: row.account !== null && shown.includes(row.account) ? row.account : shown[0] ?? null,
      accounts, timeline: events.map(toEvent),
    },
  };
}

function toEvent(row: TimelineRow): TimelineEvent {
  const denials = (row.packed?.outcomes ?? []).filter(([, result]) => result === 'deny')
    .map(([ruleId, , reason]) => ({ ruleId, reason }));
  return {
    at: row.at, kind: row.kind, code: row.code, channel: row.channel, actor: row.actor,
    amountMinor: row.amount_minor === null ? null : BigInt(row.amount_minor), currency: row.currency,
    detail: row.detail, moment: row.moment, ref: row.ref, denials,
  };
}
