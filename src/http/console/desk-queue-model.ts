import { businessDate, BUSINESS_TIME_ZONE } from '../../app/calendar/business-date.ts';
import { listQueue } from '../../app/desk/list-queue.ts';
import { loadSkippedCases } from '../../app/desk/load-skipped-cases.ts';
import { listCases } from '../../app/portfolio/list-cases.ts';
import { PAGE_ROWS_DEFAULT } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/principal-of.ts';
import { formatAmount } from '../i18n/format-amount.ts';
import type { PageText } from '../i18n/localise-request.ts';
import { scopeOf } from '../scope-of.ts';
import { denialText, openingText } from './desk-text.ts';

/**
 * The queue page's model. A collector sees their own queue (the cases assigned to them that the
 * cycle planned a call for today, in the strategy's order); a supervisor or an admin on a team the
 * team's. An agency collector has no team queue: they see the open cases placed with their agency.
 * A collector not on a team is told so.
 */
type QueueModelOptions = {
  db: Db; request: FastifyRequest; text: PageText; now: Date;
  query: { skipped?: string; notice?: string };
};

const OWN_QUEUE_ROLES = new Set(['collector', 'field_collector']);

export async function queueModel(options: QueueModelOptions) {
  const { db, request, text, now } = options;
  const principal = principalOf(request);
  const scope = scopeOf(request);
  const money = (minor: bigint | string, currency: string) =>
    formatAmount(BigInt(minor), currency, text.locale);
  const skipped = await skippedRows(db, request, text, now, options.query.skipped);
  const notice = noticeText(text, options.query.notice);
  if (principal.agencyId !== null) {
    const cases = await listCases(db, { scope, limit: PAGE_ROWS_DEFAULT, status: 'open' });
    return {
      mode: 'agency', notice, skipped, rows: cases.map((row) => ({
        caseId: row.id, account: row.borrowerExternalId, stage: row.stage, dpd: row.maxDpd,
        overdue: money(row.overdueMinor, row.currency), note: '',
      })),
    };
  }
  if (principal.teamId === null) return { mode: 'no_team', notice, skipped, rows: [] };
  const queue = await listQueue({
    db, teamId: principal.teamId, asOf: businessDate(now), now,
    ...(principal.kind === 'user' && OWN_QUEUE_ROLES.has(principal.role) ? { userId: principal.userId } : {}),
  });
  return {
    mode: 'team', notice, skipped, rows: queue.map((entry) => ({
      caseId: String(entry.caseId), account: entry.accountId ?? '—', stage: entry.stage, dpd: entry.maxDpd,
      overdue: money(entry.overdueMinor, entry.currency),
      note: entry.callbackDueAt !== null ? text.t('desk.queue.callbackDue')
        : entry.brokenPromiseOn !== null
          ? text.t('desk.queue.brokenPromise', { date: entry.brokenPromiseOn }) : '',
    })),
  };
}

/** The cases "next case" skipped, with when each opens and why, for the page it redirected to. */
export async function skippedRows(
  db: Db, request: FastifyRequest, text: PageText, now: Date, skipped: string | undefined,
) {
  if (skipped === undefined) return [];
  const pairs = skipped.split(',').map((pair) => {
    const [caseId, decisionId] = pair.split('.');
    return { caseId: caseId!, decisionId: decisionId! };
  });
  const views = await loadSkippedCases(db, scopeOf(request), pairs);
  return views.map((view) => ({
    caseId: view.caseId,
    opening: view.nextAllowedAt === null ? null
      : openingText(text, view.nextAllowedAt, now, BUSINESS_TIME_ZONE),
    reasons: view.denials.map((denial) => denialText(text, denial)),
  }));
}

export function noticeText(text: PageText, notice: string | undefined): string | null {
  switch (notice) {
    case 'not_in_team': return text.t('desk.notice.notInTeam');
    case 'none_allowed': return text.t('desk.notice.noneAllowed');
    case 'recorded': return text.t('desk.notice.recorded');
    case 'note_added': return text.t('desk.notice.noteAdded');
    case 'fact_recorded': return text.t('desk.facts.recorded');
    default: return null;
  }
}
