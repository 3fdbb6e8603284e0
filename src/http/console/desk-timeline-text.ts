import type { TimelineEvent } from '../../app/desk/get-case-file.ts';
import { BUSINESS_TIME_ZONE } from '../../app/calendar/business-date.ts';
import { formatLocalTime } from '../i18n/format-local-time.ts';
import type { PageText } from '../i18n/localise-request.ts';
import { denialText } from './desk-text.ts';

/**
 * The desk's words for what happened on a case: the outcomes a collector can record (each with its
 * key on the keyboard, 1–9 then 0) and each timeline event as a kind and a one-line summary.
 */
export function outcomeLabels(text: PageText): { value: string; label: string; key: string }[] {
  const labels: [string, string][] = [
    ['connected', text.t('desk.outcome.connected')], ['no_answer', text.t('desk.outcome.no_answer')],
    ['busy', text.t('desk.outcome.busy')], ['invalid_number', text.t('desk.outcome.invalid_number')],
    ['refused', text.t('desk.outcome.refused')], ['wrong_party', text.t('desk.outcome.wrong_party')],
    ['callback_requested', text.t('desk.outcome.callback_requested')],
    ['promise_to_pay', text.t('desk.outcome.promise_to_pay')],
    ['dispute_raised', text.t('desk.outcome.dispute_raised')],
    ['hardship_stated', text.t('desk.outcome.hardship_stated')],
  ];
  return labels.map(([value, label], index) => ({ value, label, key: String((index + 1) % 10) }));
}

type Money = (minor: bigint | string, currency: string) => string;

/** A timeline code in words where the desk has them (outcomes, statuses, hold kinds), else as it is. */
function codeText(text: PageText, code: string): string {
  const words: Readonly<Record<string, string>> = {
    ...Object.fromEntries(outcomeLabels(text).map((row) => [row.value, row.label])),
    reserved: text.t('desk.code.reserved'), cancelled: text.t('desk.code.cancelled'),
    open: text.t('desk.code.open'), kept: text.t('desk.code.kept'), broken: text.t('desk.code.broken'),
    dispute: text.t('desk.code.dispute'), hardship: text.t('desk.code.hardship'),
    callback: text.t('desk.code.callback'),
  };
  return words[code] ?? code;
}

export function timelineText(
  text: PageText, event: TimelineEvent, money: Money,
): { label: string; summary: string } {
  const code = event.code ?? '';
  const who = event.actor ?? '';
  switch (event.kind) {
    case 'attempt':
      return { label: text.t('desk.timeline.attempt'), summary: text.t('desk.timeline.attemptSummary', {
        channel: event.channel ?? '', outcome: codeText(text, code), who,
      }) + (event.detail === null ? '' : ` · ${text.t('desk.timeline.recording', { ref: event.detail })}`) };
    case 'decision':
      return { label: text.t('desk.timeline.decision'), summary: code === 'allowed'
        ? text.t('desk.timeline.allowed', { channel: event.channel ?? '', action: who })
        : [text.t('desk.timeline.denied', { channel: event.channel ?? '', action: who }),
          ...event.denials.map((denial) => denialText(text, denial))].join(text.t('list.separator')) };
    case 'note':
      return { label: text.t('desk.timeline.note'), summary: `${who}: ${event.detail ?? ''}` };
    case 'payment':
      return { label: text.t('desk.timeline.payment'), summary: text.t('desk.timeline.paymentSummary', {
        amount: money(event.amountMinor ?? 0n, event.currency ?? 'CNY'), channel: event.detail ?? '',
        status: code,
      }) };
    case 'hold':
      return { label: text.t('desk.timeline.hold'), summary: text.t('desk.timeline.holdSummary', {
        kind: codeText(text, code), who, until: event.moment === null ? text.t('desk.timeline.open')
          : formatLocalTime(event.moment, BUSINESS_TIME_ZONE),
      }) };
    case 'promise':
      return { label: text.t('desk.timeline.promise'), summary: text.t('desk.timeline.promiseSummary', {
        amount: money(event.amountMinor ?? 0n, event.currency ?? 'CNY'), date: event.detail ?? '',
        status: codeText(text, code), who,
      }) };
    case 'agreement':
      return { label: text.t('desk.timeline.agreement'), summary: text.t('desk.timeline.agreementSummary', {
        kind: codeText(text, code), who,
        at: event.moment === null ? '—' : formatLocalTime(event.moment, BUSINESS_TIME_ZONE),
      }) };
  }
}
