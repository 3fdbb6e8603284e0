// The content guard on whole texts, in both packs: each problem names the phrase as written, the
// reason code and the rule's citation; trivial evasion (full-width letters, spaces or punctuation
// between Chinese characters, traditional characters, case, spaced-out letters) does not hide a phrase.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkContent, CN_PACK, US_PACK } from '../index.ts';

const zh = (text: string) => ({ text, locale: 'zh-CN' as const, institution: '安心消费金融',
  verificationRef: 'FC-7Q2K' });
const en = (text: string) => ({ text, locale: 'en' as const, institution: 'Harbor Recovery',
  verificationRef: 'FC-7Q2K' });
const found = (check: ReturnType<typeof checkContent>) => check.problems.map((item) => [item.reason,
  item.phrase, item.ruleId]);

test('the seed\'s false claims are refused with the phrase, reason and rule', () => {
  const check = checkContent(CN_PACK, zh('安心消费金融：欠款超过2000元就是诈骗，要坐牢，公安已介入！本金1000元利息20元，核验码FC-7Q2K'));
  assert.equal(check.ok, false);
  assert.deepEqual(found(check), [
    ['false_legal_claim', '诈骗', 'CN-CRIM-01'], ['false_legal_claim', '坐牢', 'CN-CRIM-01'],
    ['false_legal_claim', '公安已介入', 'CN-CRIM-01'],
  ]);
  assert.equal(check.problems[0]!.citation,
    '刑法 (Criminal Law) arts 196, 266 with the 2011 and 2018 SPC/SPP interpretations; CBA 2026 '
      + 'misleading legal consequences (grade A)');
});

test('evasion by spaces, punctuation, full-width and traditional characters does not work', () => {
  const texts = ['诈 骗', '诈-骗', '诈．骗', '詐騙', '拘　留', '以 贷 养 贷'];
  for (const text of texts) {
    const check = checkContent(CN_PACK, zh(`安心消费金融：${text}。本金1000元利息20元，核验码FC-7Q2K`));
    assert.equal(check.problems.length, 1, text);
    assert.equal(check.problems[0]!.phrase, text);
  }
  const english = checkContent(US_PACK,
    en('Harbor Recovery ref FC-7Q2K: You will be A R R E S T E D, ＡＲＲＥＳＴ, Arrest.'));
  assert.deepEqual(found(english).map(([reason, phrase]) => [reason, phrase]), [
    ['false_legal_claim', 'A R R E S T E D'], ['false_legal_claim', 'ＡＲＲＥＳＴ'], ['false_legal_claim',
      'Arrest'],
  ]);
});

test('a clean reminder passes; missing identity, reference and itemisation are named', () => {
  assert.deepEqual(found(checkContent(CN_PACK, zh('安心消费金融提醒：本金1000元，利息20元已逾期。核验码FC-7Q2K'))), []);
  assert.deepEqual(found(checkContent(CN_PACK, { text: '您共欠1020元，请尽快还款。', locale: 'zh-CN' })), [
    ['amounts_not_itemised', 'principal', 'CN-RATE-04'],
    ['amounts_not_itemised', 'interest', 'CN-RATE-04'],
    ['missing_institution_identity', 'the institution\'s name', 'CN-CBA-04'],
    ['missing_verification_reference', 'a verification reference', 'CN-CBA-04'],
  ]);
});

test('a message to a third party may not reveal the debt, in either language', () => {
  const cn = checkContent(CN_PACK, zh('请转告张三尽快处理欠款'), { audience: 'third_party' });
  assert.deepEqual(found(cn), [['discloses_debt_to_third_party', '欠款', 'CN-CBA-03']]);
  const us = checkContent(US_PACK, en('Please ask John to call about his Loan. Reply STOP to opt out.'),
    { audience: 'third_party', channel: 'sms' });
  assert.deepEqual(found(us), [['discloses_debt_to_third_party', 'Loan', 'US-08']]);
});

test('posing as an authority and urging new borrowing are refused', () => {
  assert.deepEqual(found(checkContent(CN_PACK, zh('【法院传票】安心消费金融，本金1000元利息20元，核验码FC-7Q2K'))), [
    ['impersonates_authority', '法院传票', 'CN-CBA-04'],
  ]);
  assert.deepEqual(found(checkContent(US_PACK,
    en('Harbor Recovery ref FC-7Q2K: take out another loan to pay us.'))),
    []);
  assert.deepEqual(found(checkContent(CN_PACK, zh('安心消费金融：以贷养贷也要还，本金1000元利息20元，核验码FC-7Q2K'))),
    [['urges_borrowing_to_repay', '以贷养贷', 'CN-CBA-05']]);
});

test('US electronic messages need an opt-out statement; US voicemails must be limited-content messages',
  () => {
  assert.deepEqual(found(checkContent(US_PACK, en('Harbor Recovery ref FC-7Q2K: please call us.'),
    { channel: 'email' })),
    [['missing_opt_out_notice', 'a simple way to opt out (e.g. "Reply STOP")', 'US-05']]);
  assert.equal(checkContent(US_PACK, en('Harbor Recovery ref FC-7Q2K. To unsubscribe reply STOP.'),
    { channel: 'sms' }).ok, true);
  const voicemail = checkContent(US_PACK, { text: 'This is Jane at Harbor Services about a debt.',
    locale: 'en' },
    { voicemail: true, channel: 'voice' });
  assert.deepEqual(found(voicemail), [
    ['voicemail_not_limited_content', 'a callback number', 'US-07'], ['voicemail_not_limited_content',
      'a request to reply', 'US-07'],
    ['voicemail_not_limited_content', 'debt', 'US-07'],
  ]);
});
