import type { FastifyRequest } from 'fastify';
import { BUSINESS_TIME_ZONE, businessDate } from '../../app/calendar/business-date.ts';
import { checkCaseGate, type GateLight } from '../../app/desk/check-case-gate.ts';
import type { CaseFile, TimelineEvent } from '../../app/desk/get-case-file.ts';
import { DESK_OUTCOMES } from '../../app/desk/record-call-outcome.ts';
import { resolveActor } from '../../app/identity/resolve-actor.ts';
import type { AccountDetail } from '../../app/portfolio/get-account.ts';
import { principalName } from '../../domain/people/principal.ts';
import { assert } from '../../stdx/assert.ts';
import { principalOf } from '../auth/principal-of.ts';
import { formatLocalTime } from '../i18n/format-local-time.ts';
import { formatAmount } from '../i18n/format-amount.ts';
import type { PageText } from '../i18n/localise-request.ts';
import { caseInScope, type CaseState } from './desk-actions.ts';
import { factsModel, shownParties } from './desk-facts-model.ts';
import { listBorrowerFacts } from '../../app/facts/list-borrower-facts.ts';
import { noticeText, skippedRows } from './desk-queue-model.ts';
import type { DeskContext } from './desk-routes.ts';
import { denialText, openingText, rejectionText } from './desk-text.ts';
import { outcomeLabels, timelineText } from './desk-timeline-text.ts';

/**
 * The case page's model: the file in the reader's words, the gate per number, and the call's state.
 * When a contact opens is shown on the desk's own clock (the lender's zone), like every time on the
 * desk; the borrower's zone is named at the top, and a callback is typed in it.
 */
type CaseModelOptions = DeskContext & {
  request: FastifyRequest; text: PageText; caseId: string; state: CaseState;
  query: { skipped?: string; notice?: string };
};

export async function caseModel(options: CaseModelOptions) {
  const { db, request, text, state } = options;
  const now = options.clock.now();
  const file = await caseInScope(request, options, options.caseId);
  const principal = principalOf(request);
  const actor = await resolveActor({ db, principal, agent: undefined, dialledFrom: undefined });
  assert(actor.ok, 'a principal acting as themself always resolves');
  const points = file.accounts.find((account) => account.externalId === file.accountId)?.contactPoints ?? [];
  const lights = file.accountId === null ? [] : await checkCaseGate({
    db, gate: options.gate, borrowerId: file.borrowerId, accountId: file.accountId, contactPoints: points,
    actor: actor.actor, now,
  });
  const me = principalName(principal);
  const open = file.timeline.find((event) =>
    event.kind === 'attempt' && event.code === 'reserved' && event.actor === me);
  const reservedId = state.kind === 'reserved' ? state.attemptId : open?.ref ?? null;
  const money = (minor: bigint | string, currency: string) =>
    formatAmount(BigInt(minor), currency, text.locale);
  return {
    caseId: file.caseId, borrowerName: file.borrowerName, timeZone: file.timeZone, stage: file.stage,
    status: file.status, dpd: file.maxDpd, overdue: money(file.overdueMinor, file.currency),
    currency: file.currency,
    notice: noticeText(text, options.query.notice),
    skipped: await skippedRows(db, request, text, now, options.query.skipped),
    refusal: state.kind === 'refused' ? refusalModel(text, state, now, BUSINESS_TIME_ZONE) : null,
    reserved: reservedId === null ? null : {
      attemptId: reservedId,
      dialValue: state.kind === 'reserved' ? state.dialValue : null,
    },
    points: points.map((point) => ({
      id: point.id, party: point.partyName, partyRole: point.partyRole, relationship: point.relationship,
      kind: point.kind, masked: point.maskedValue, status: point.status,
      channels: lights.filter((light) => light.contactPointId === point.id)
        .map((light) => lightModel(text, light, now, BUSINESS_TIME_ZONE)),
    })),
    accounts: file.accounts.map((account) => accountModel(account, money, componentWords(text))),
    timeline: file.timeline.map((event) => eventModel(text, event, money)),
    outcomes: outcomeLabels(text).filter((row) => (DESK_OUTCOMES as readonly string[]).includes(row.value)),
    today: businessDate(now),
    facts: factsModel(text, file, await listBorrowerFacts(db, file.borrowerId, shownParties(file))),
  };
}

function refusalModel(
  text: PageText, state: Extract<CaseState, { kind: 'refused' }>, now: Date, zone: string,
) {
  return {
    message: state.reason === 'denied_by_gate' ? text.t('desk.reserve.denied')
      : text.t('desk.error', { reason: state.reason.replaceAll('_', ' '), field: state.field ?? '—' }),
    field: state.field,
    reasons: state.denials.map((denial) => denialText(text, denial)),
    opening: state.nextAllowedAt === null ? null
      : openingText(text, new Date(state.nextAllowedAt), now, zone),
  };
}

function lightModel(text: PageText, light: GateLight, now: Date, zone: string) {
  return {
    channel: light.channel, allowed: light.allowed, canReserve: light.allowed && light.channel === 'voice',
    reasons: light.rejection !== null ? [rejectionText(text, light.rejection)]
      : light.denials.map((denial) => denialText(text, denial)),
    opening: light.nextAllowedAt === null ? null
      : openingText(text, new Date(light.nextAllowedAt), now, zone),
  };
}

type Money = (minor: bigint | string, currency: string) => string;

/** What a payment was allocated to, in words; a component the desk does not name stays its code. */
function componentWords(text: PageText): Readonly<Record<string, string>> {
  return {
    principal: text.t('desk.debt.principal'), interest: text.t('desk.debt.interest'),
    penalty: text.t('desk.debt.penalty'), fee: text.t('desk.debt.fee'), credit: text.t('desk.debt.credit'),
  };
}

function accountModel(account: AccountDetail, money: Money, words: Readonly<Record<string, string>>) {
  const cur = account.currency;
  const d = account.delinquency;
  return {
    id: account.externalId, product: account.productId, status: account.status,
    dpd: d?.dpd ?? 0, bucket: d?.bucket ?? '—',
    overduePrincipal: money(d?.overduePrincipalMinor ?? '0', cur),
    overdueInterest: money(d?.overdueInterestMinor ?? '0', cur),
    overduePenalty: money(d?.overduePenaltyMinor ?? '0', cur),
    overdueFee: money(d?.overdueFeeMinor ?? '0', cur),
    outstanding: money(d?.outstandingMinor ?? '0', cur),
    installments: account.installments.map((row) => ({
      seq: row.seq, dueDate: row.dueDate, principal: money(row.principalDueMinor, cur),
      interest: money(row.interestDueMinor, cur), penalty: money(row.penaltyAccruedMinor, cur),
      fee: money(row.feeDueMinor, cur),
      paid: money(BigInt(row.principalPaidMinor) + BigInt(row.interestPaidMinor)
        + BigInt(row.penaltyPaidMinor) + BigInt(row.feePaidMinor), cur),
      remaining: money(row.remainingMinor, cur), paidOffOn: row.paidOffOn ?? '—',
    })),
    payments: account.payments.map((payment) => ({
      valueDate: payment.valueDate, amount: money(payment.amountMinor, cur), channel: payment.channel,
      status: payment.status,
      allocations: payment.allocations.map((line) => ({
        seq: line.installmentSeq ?? '—', component: words[line.component] ?? line.component,
        amount: money(line.amountMinor, cur),
      })),
    })),
  };
}

function eventModel(text: PageText, event: TimelineEvent, money: Money) {
  return {
    at: formatLocalTime(event.at, BUSINESS_TIME_ZONE), kind: event.kind,
    ...timelineText(text, event, money),
  };
}
