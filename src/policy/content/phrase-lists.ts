import type { PhraseList } from './find-phrases.ts';

/** Words that reveal a debt: refused in a message to a third party and in a limited-content voicemail. */
export const DEBT_WORDS: PhraseList = {
  zh: [
    '欠', '欠款', '欠钱', '没结', '没还', '未结', '的账',
    '欠债', '欠费', '拖欠', '逾期', '债务', '还款', '还钱', '催收', '借款', '贷款', '账单', '应还',
    '未还', '违约', '老赖', '结清', '本金', '利息', '罚息',
  ],
  en: [
    'debt*', 'owe', 'owes', 'owed', 'owing', 'overdue', 'past due', 'loan*', 'collect*', 'balance*',
    'arrear*', 'repay*', 'payment*', 'delinquen*', 'default*',
  ],
};

/** Labels of the itemised components (CN-RATE-04, US-10). */
export const AMOUNT_LABELS = {
  principal: { zh: ['本金'], en: ['principal'] },
  interest: { zh: ['利息'], en: ['interest'] },
  penalty: { zh: ['罚息', '违约金', '逾期利息'], en: ['penalty', 'late fee*', 'late charge*'] },
  fees: { zh: ['费用', '服务费', '手续费'], en: ['fee*', 'charge*'] },
} as const satisfies Record<string, PhraseList>;
