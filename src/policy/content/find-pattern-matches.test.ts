// The guard judges what a sentence does: a family of paraphrases per pattern, a negation whose
// scope reaches the act, a condition that makes a negation its own, framing that turns a
// harmful word into a warning, and a deny that names its pattern and the span as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPILED_CONTENT_PATTERNS } from './content-patterns.ts';
import { findPatternMatches } from './find-pattern-matches.ts';
import { normalizeUncached } from './normalize-text.ts';

const found = (text: string, timeBarred = false) => findPatternMatches(normalizeUncached(text),
  COMPILED_CONTENT_PATTERNS, { timeBarred }).filter((match) => match.level === 'deny')
  .map((match) => [match.reason, match.phrase]);

test('one pattern covers the actors, acts and targets of a threat to tell others', () => {
  for (const text of ['我们会通知你的家人', '明天打电话给你们领导', '马上发到你们村的微信群里', '逐个联系你的通讯录']) {
    assert.equal(found(text)[0]?.[0], 'threat_or_intimidation', text);
  }
  const english = ['we will call your boss', 'we are going to text all your contacts', 'let your wife know'];
  for (const text of english) {
    assert.equal(found(text)[0]?.[0], 'threat_or_intimidation', text);
  }
});

test('a negation whose scope reaches the act denies it; a condition before it does not', () => {
  assert.deepEqual(found('我们不会联系您的家人或单位'), []);
  assert.deepEqual(found('您不会因此被拘留'), []);
  assert.deepEqual(found('you will not be arrested or jailed'), []);
  assert.deepEqual(found('we will never contact your employer'), []);
  assert.deepEqual(found('if you do not pay we will call your employer'), [['threat_or_intimidation',
    'call your employer']]);
  assert.deepEqual(found('不还钱就通知你家人'), [['threat_or_intimidation', '通知你家人']]);
});

test('a rhetorical question asserts what its negation seems to deny', () => {
  assert.equal(found('你就不能问你同事借一下吗？')[0]?.[0], 'urges_borrowing_to_repay');
});

test('an anti-fraud warning names crimes and authorities without claiming them', () => {
  assert.deepEqual(found('谨防诈骗：凡自称公安、法院要求转账的均为诈骗'), []);
  assert.deepEqual(found('Beware of scammers who threaten arrest.'), []);
  assert.equal(found('你这是诈骗，我们马上报警')[0]?.[0], 'false_legal_claim');
});

test('enforcement after a judgment is a true statement; before one it is a false claim', () => {
  assert.deepEqual(found('判决生效后，我司将依法申请强制执行'), []);
  assert.equal(found('明天就强制执行，查封你的房子')[0]?.[0], 'false_legal_claim');
  assert.deepEqual(found('If we obtain a judgment, the court may order garnishment of wages.'), []);
  assert.equal(found('We will garnish your wages next week.')[0]?.[0], 'false_legal_claim');
});

test('a threat of suit counts only on a time-barred debt, and the CFPB disclosure never', () => {
  assert.deepEqual(found('We may sue you.').filter(([reason]) => reason?.startsWith('threatens')), []);
  assert.equal(found('We may sue you.', true)[0]?.[0], 'threatens_suit_on_time_barred_debt');
  const disclosure = 'The law limits how long you can be sued on a debt. '
    + 'Because of the age of your debt, we will not sue you for it.';
  assert.deepEqual(found(disclosure, true), []);
});

test('two patterns of one reason on one span make one finding, the wider', () => {
  assert.deepEqual(found('【法院传票】请到庭'), [['impersonates_authority', '法院传票']]);
});

test('framing in the sentence before counts: a judgment entered, then the garnishment it allows', () => {
  const entered = 'A judgment was entered against you on March 3. '
    + 'The court has ordered garnishment of your wages.';
  assert.deepEqual(found(entered), []);
  const unentered = 'Please call us today. We will garnish your wages next week.';
  assert.equal(found(unentered)[0]?.[0], 'false_legal_claim');
});

test('a negated act as the subject of a claim does not negate the claim', () => {
  assert.equal(found('Not paying this is a criminal offense.')[0]?.[0], 'false_legal_claim');
  assert.deepEqual(found('Nobody is going to jail over this.'), []);
  assert.deepEqual(found('Nothing in this letter means that you have done anything criminal.'), []);
});

test('the borrower\'s own request and ordinary account upkeep are not threats to tell others', () => {
  assert.deepEqual(found('If you want us to stop calling your workplace, just tell us.'), []);
  assert.equal(found('We will keep calling your workplace.')[0]?.[0], 'threat_or_intimidation');
  assert.deepEqual(found('请核实并更新您的紧急联系人电话，以便我们及时与您联系。'), []);
  assert.equal(found('你紧急联系人的电话我们已经拿到了。')[0]?.[0], 'threat_or_intimidation');
});

test('a warning that whoever urges new borrowing is not the lender is not urging it', () => {
  assert.deepEqual(found('任何要求您通过其他网贷平台借款还款的都不是我司行为。'), []);
  assert.equal(found('你去其他网贷平台借款还我们。')[0]?.[0], 'urges_borrowing_to_repay');
});
