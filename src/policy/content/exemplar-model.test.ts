// The statistical layer: it blocks only where cross-validation on the training part says it
// rarely blocks a lawful text, sends less certain texts for review, never blocks a warning about
// impostors, and gives the same answers on every run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTENT_CORPUS, isHeldOut } from './corpus/content-corpus.ts';
import { item } from './corpus/corpus-item.ts';
import { EXEMPLAR_THRESHOLDS, trainExemplarModel } from './exemplar-model.ts';
import { normalizeUncached } from './normalize-text.ts';

/** Five folds of the training part by a hash of the id (not the held-out hash). */
function foldOf(id: string): number {
  let hash = 0x1234567;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash % 5;
}

test('cross-validated, the block thresholds hold: few lawful texts blocked, most unlawful caught', () => {
  const training = CONTENT_CORPUS.filter((entry) => !isHeldOut(entry));
  const blocked = new Set<string>();
  for (let fold = 0; fold < 5; fold += 1) {
    const model = trainExemplarModel(training.filter((entry) => foldOf(entry.id) !== fold));
    for (const entry of training.filter((other) => foldOf(other.id) === fold)) {
      if (model(normalizeUncached(entry.text), entry.pack)?.level === 'deny') blocked.add(entry.id);
    }
  }
  const floors = { CN: 0.8, US: 0.45 } as const;
  for (const pack of ['CN', 'US'] as const) {
    const own = training.filter((entry) => entry.pack === pack);
    const lawful = own.filter((entry) => entry.label === 'allow');
    const unlawful = own.filter((entry) => entry.label === 'deny');
    const falseBlocks = lawful.filter((entry) => blocked.has(entry.id)).length / lawful.length;
    const caught = unlawful.filter((entry) => blocked.has(entry.id)).length / unlawful.length;
    assert.ok(falseBlocks <= 0.01, `${pack}: ${falseBlocks} of lawful texts blocked`);
    assert.ok(caught >= floors[pack], `${pack}: ${caught} of unlawful texts blocked`);
  }
});

const tiny = [
  item('CN', 'x-d1', 'deny', 'F', 'sms', 'b', '公安马上来抓你坐牢'),
  item('CN', 'x-d2', 'deny', 'F', 'sms', 'b', '警察会来抓你'),
  item('CN', 'x-d3', 'deny', 'T', 'sms', 'b', '我们去你家找你'),
  item('CN', 'x-a1', 'allow', '', 'sms', 'b', '请按时还款'),
  item('CN', 'x-a2', 'allow', '', 'sms', 'b', '可以申请分期还款'),
  item('CN', 'x-a3', 'allow', '', 'sms', 'b', '欢迎联系客服'),
];

test('the model blocks above its block threshold, reviews between, and names the nearest exemplar', () => {
  const model = trainExemplarModel(tiny, { CN: { block: 0.6, review: 0.5 }, US: EXEMPLAR_THRESHOLDS.US });
  const hit = model(normalizeUncached('公安来抓你'), 'CN');
  assert.equal(hit?.level, 'deny');
  assert.equal(hit?.reason, 'false_legal_claim');
  assert.match(hit?.exemplarId ?? '', /^x-d[12]$/);
  assert.equal(model(normalizeUncached('请按时还款'), 'CN'), null);
  const reviewOnly = trainExemplarModel(tiny, { CN: { block: 1, review: 0.5 }, US: EXEMPLAR_THRESHOLDS.US });
  assert.equal(reviewOnly(normalizeUncached('公安来抓你'), 'CN')?.level, 'warn');
});

test('a warning about impostors is sent for review at most, never blocked by the model', () => {
  const model = trainExemplarModel(tiny, { CN: { block: 0.6, review: 0.5 }, US: EXEMPLAR_THRESHOLDS.US });
  assert.equal(model(normalizeUncached('谨防冒充公安来抓你'), 'CN')?.level, 'warn');
});

test('training is deterministic', () => {
  const first = trainExemplarModel(tiny);
  const second = trainExemplarModel(tiny);
  for (const text of ['公安来抓你', '我们去你家', '请按时还款']) {
    assert.deepEqual(first(normalizeUncached(text), 'CN'), second(normalizeUncached(text), 'CN'));
  }
});
