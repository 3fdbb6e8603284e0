import { usSituation, type RuleCase } from '../../rule-case.ts';

const now = '2026-03-10T15:00:00Z';
const email = (text: string) => usSituation({ channel: 'email', content: { text, locale: 'en',
  institution: 'Harbor Recovery', verificationRef: 'FC-7Q2K' } });
const footer = ' Reply STOP to opt out of emails.';

export const cases: RuleCase[] = [
  {
    name: '"you will be arrested" with full-width letters',
    now, situation: email(`Harbor Recovery: pay today or you will be ａｒｒｅｓｔｅｄ. Ref FC-7Q2K.${footer}`),
    expect: { result: 'deny', reason: 'false_legal_claim',
      detail: { phrase: 'ａｒｒｅｓｔｅｄ', at: 42, pattern: 'en-crime' } },
  },
  {
    name: 'calling the consumer a deadbeat',
    now, situation: email(`Harbor Recovery: stop being a DEADBEAT. Ref FC-7Q2K.${footer}`),
    expect: { result: 'deny', reason: 'insult',
      detail: { phrase: 'DEADBEAT', at: 30, pattern: 'en-insult' } },
  },
  {
    name: 'a threat to tell the employer',
    now, situation: email(`Harbor Recovery: we will tell your employer. Ref FC-7Q2K.${footer}`),
    expect: { result: 'deny', reason: 'threat_or_intimidation',
      detail: { phrase: 'tell your employer', at: 25, pattern: 'en-tell-third-party' } },
  },
  {
    name: 'posing as the sheriff',
    now, situation: email(`Harbor Recovery for the Sheriff's office. Ref FC-7Q2K.${footer}`),
    expect: { result: 'deny', reason: 'impersonates_authority',
      detail: { phrase: 'for the Sheriff', at: 16, pattern: 'en-authority' } },
  },
  {
    name: 'an identified, verifiable, neutral email',
    boundary: 'the collector\'s identity and a verification reference, and no prohibited phrase',
    now,
    situation: email(`Harbor Recovery is a debt collector. Check this message with ref FC-7Q2K.${footer}`),
    expect: { result: 'allow', reason: 'identified_and_fair', detail: null },
  },
  {
    name: 'an email that does not name the collector',
    now, situation: usSituation({ channel: 'email', content: { locale: 'en', institution: 'Harbor Recovery',
      verificationRef: 'FC-7Q2K', text: 'Please call us about your account. Ref FC-7Q2K. Reply STOP '
        + 'to opt out.' } }),
    expect: { result: 'deny', reason: 'missing_institution_identity',
      detail: { missing: 'the institution\'s name "Harbor Recovery"' } },
  },
  {
    name: 'an email without a verification reference',
    now, situation: usSituation({ channel: 'email', content: { locale: 'en', institution: 'Harbor Recovery',
      text: 'Harbor Recovery: please call us about your account. Reply STOP to opt out.' } }),
    expect: { result: 'deny', reason: 'missing_verification_reference',
      detail: { missing: 'a verification reference' } },
  },
  {
    name: 'a letter whose text was not supplied',
    now, situation: usSituation({ channel: 'letter' }),
    expect: { result: 'deny', reason: 'content_required', detail: null },
  },
  {
    name: 'a statement that the consumer will not be arrested',
    boundary: 'arrest named only under a negation',
    now, situation: email('Harbor Recovery, ref FC-7Q2K: you will not be arrested; this is a civil matter.'
      + footer),
    expect: { result: 'allow', reason: 'identified_and_fair', detail: null },
  },
  {
    name: 'a threat to tell the employer, after a condition',
    now, situation: email(`Harbor Recovery, ref FC-7Q2K: if you do not pay, we will call your boss.${footer}`
      .trim()),
    expect: { result: 'deny', reason: 'threat_or_intimidation',
      detail: { phrase: 'call your boss', at: 57, pattern: 'en-tell-third-party' } },
  },
  {
    name: 'jail spelled in leetspeak',
    now, situation: email(`Harbor Recovery, ref FC-7Q2K: pay or go to j@il.${footer}`),
    expect: { result: 'deny', reason: 'false_legal_claim',
      detail: { phrase: 'j@il', at: 43, pattern: 'en-crime' } },
  },
];
