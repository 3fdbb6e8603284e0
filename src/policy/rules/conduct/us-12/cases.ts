import { usSituation, type RuleCase } from '../../rule-case.ts';

const now = '2026-03-10T15:00:00Z';
const barred = { timeBarred: true };
const letter = (text: string) => usSituation({ channel: 'letter', debt: barred, content: { text, locale: 'en',
  institution: 'Harbor Recovery', verificationRef: 'FC-7Q2K' } });

export const cases: RuleCase[] = [
  {
    name: 'filing suit on a time-barred debt',
    now, situation: usSituation({ action: 'legal_action', debt: barred }),
    expect: { result: 'deny', reason: 'time_barred_debt', detail: null },
  },
  {
    name: 'a letter saying "we may take you to court"',
    now, situation: letter('Harbor Recovery, ref FC-7Q2K: if you do not pay, we may take you to court.'),
    expect: { result: 'deny', reason: 'threatens_suit_on_time_barred_debt',
      detail: { phrase: 'court', at: 68, pattern: 'en-suit-threat' } },
  },
  {
    name: 'a letter offering a settlement without any threat',
    boundary: 'the debt is time-barred; a letter without any mention of suit still passes',
    now, situation: letter('Harbor Recovery, ref FC-7Q2K: we can offer a reduced settlement. Call '
      + '800-555-0100.'),
    expect: { result: 'allow', reason: 'no_suit_threat', detail: null },
  },
  {
    name: 'a lawsuit on a debt within the limitation period',
    now, situation: usSituation({ action: 'legal_action' }),
    expect: { result: 'allow', reason: 'debt_not_time_barred', detail: null },
  },
  {
    name: 'the CFPB time-barred disclosure',
    boundary: 'suit named only to say it will not happen (Regulation F model disclosure)',
    now, situation: letter('Harbor Recovery, ref FC-7Q2K: The law limits how long you can be sued on a debt. '
      + 'Because of the age of your debt, we will not sue you for it.'),
    expect: { result: 'allow', reason: 'no_suit_threat', detail: null },
  },
];
