import { DEFAULT_BUCKETS } from '../../domain/delinquency/bucket-scheme.ts';
import type { StrategyDocument } from './strategy-document.ts';

/**
 * The ladder that ships with the product (R2), drawn from how Chinese consumer lenders describe
 * their own process (seeds S0, S3): automated gentle reminders in the first week; phone collection
 * to learn the reason and negotiate; firm, truthful notice of real consequences after a month;
 * a field visit or agency placement after two months for larger balances; notice before
 * credit-bureau reporting after three months; legal review after three months for balances worth
 * suing over (S3: litigation may start after 3 months overdue).
 */
export const DEFAULT_STRATEGY: StrategyDocument = {
  name: 'default-ladder',
  description:
    'Gentle reminders, phone collection, firm notice, visit or agency, bureau notice, legal review.',
  buckets: DEFAULT_BUCKETS.map((bucket) => ({ ...bucket })),
  stages: [
    { stage: 'gentle_reminder', minDpd: 1 },
    { stage: 'phone_collection', minDpd: 8 },
    { stage: 'firm_notice', minDpd: 31 },
    { stage: 'field_visit_or_agency', minDpd: 61, minOverdue: { CNY: '3000.00', USD: '500.00' } },
    { stage: 'credit_bureau_notice', minDpd: 91 },
    { stage: 'legal_review', minDpd: 91, minOverdue: { CNY: '10000.00', USD: '2500.00' } },
  ],
  treatments: [
    {
      stage: 'gentle_reminder', action: 'reminder_sms', channel: 'sms', template: 'gentle-reminder',
      startDay: 0, everyDays: 3,
    },
    {
      stage: 'gentle_reminder', action: 'reminder_push', channel: 'app_push', template: 'gentle-reminder',
      startDay: 1, everyDays: 3,
    },
    { stage: 'phone_collection', action: 'collector_call', channel: 'voice', startDay: 0, everyDays: 1 },
    {
      stage: 'phone_collection', action: 'reminder_sms', channel: 'sms', template: 'payment-options',
      startDay: 2, everyDays: 7,
    },
    {
      stage: 'firm_notice', action: 'firm_notice_letter', channel: 'letter', template: 'firm-notice',
      startDay: 0,
    },
    { stage: 'firm_notice', action: 'collector_call', channel: 'voice', startDay: 1, everyDays: 2 },
    { stage: 'field_visit_or_agency', action: 'visit_request', channel: 'visit', startDay: 0 },
    { stage: 'field_visit_or_agency', action: 'agency_placement_review', channel: 'agency', startDay: 14 },
    { stage: 'field_visit_or_agency', action: 'collector_call', channel: 'voice', startDay: 1, everyDays: 3 },
    {
      stage: 'credit_bureau_notice', action: 'bureau_pre_notice', channel: 'letter',
      template: 'bureau-pre-notice', startDay: 0,
    },
    { stage: 'credit_bureau_notice', action: 'bureau_report', channel: 'bureau', startDay: 30 },
    { stage: 'credit_bureau_notice', action: 'collector_call', channel: 'voice', startDay: 1, everyDays: 3 },
    { stage: 'legal_review', action: 'legal_referral', channel: 'legal', startDay: 0 },
    { stage: 'legal_review', action: 'collector_call', channel: 'voice', startDay: 1, everyDays: 7 },
  ],
  // Whoever asked to be called back at a time is called first; then those who broke their word;
  // then the most money furthest behind. Teams are the lender's own, so every stage is a shared pool.
  queues: {
    order: ['callback_due', 'broken_promise', 'amount_x_dpd'], promiseGraceDays: 3, keptPromiseQuietDays: 14,
  },
};
