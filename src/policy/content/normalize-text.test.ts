// What the content guard reads: traditional characters (OpenCC's tables, beyond any hand map),
// full-width forms, characters split by spaces or punctuation, leetspeak, spaced-out letters,
// homophones and pinyin abbreviations all come out as the plain word, and every offset still
// points into the original text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeUncached } from './normalize-text.ts';

test('traditional characters become simplified, including ones no hand map listed', () => {
  assert.equal(normalizeUncached('爆你通訊錄，讓你親戚鄰居都知道').compact, '爆你通讯录让你亲戚邻居都知道');
  assert.equal(normalizeUncached('等著吃牢飯吧').compact, '等着吃牢饭吧');
});

test('spacing, punctuation and full-width forms between characters are read through', () => {
  assert.equal(normalizeUncached('坐 牢，拘-留．ＦＣ－７Ｑ２Ｋ').compact, '坐牢拘留fc7q2k');
});

test('homophones and pinyin abbreviations of insults are read as the word meant, at the same length', () => {
  const text = normalizeUncached('你个煞笔，sb，nmsl，坐劳');
  assert.equal(text.compact, '你个傻逼傻逼你妈死了坐牢');
  assert.equal(text.compact.length, text.compactIndex.length);
  // "jobs" holds no standalone "sb"; a Latin abbreviation is rewritten only as a whole run.
  assert.equal(normalizeUncached('jobs工作').compact, 'jobs工作');
});

test('leetspeak and spaced-out letters are read as words; ordinals and amounts are left alone', () => {
  assert.equal(normalizeUncached('Pay or go to j@il, l0ser').words, ' pay or go to jail loser ');
  assert.equal(normalizeUncached('You will be A R R E S T E D').words, ' you will be arrested ');
  assert.equal(normalizeUncached('Due on the 1st: $500').words, ' due on the 1st 500 ');
});

test('sentences shorter than four characters join their neighbours; real sentences stay apart', () => {
  const split = normalizeUncached('诈。骗。');
  assert.deepEqual(split.compactSentences, [0]);
  const two = normalizeUncached('我们不会报警。请联系您的家人核实地址。');
  assert.deepEqual(two.compactSentences, [0, 6]);
});

test('a span in the compact form maps back to the text as written', () => {
  const text = normalizeUncached('你 这 个 老 賴');
  const at = text.compact.indexOf('老赖');
  assert.equal(text.original.slice(text.compactIndex[at]!, text.compactIndex[at + 1]! + 1), '老 賴');
});
