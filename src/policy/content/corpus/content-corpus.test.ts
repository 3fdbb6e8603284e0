// The content guard's measured quality: precision and recall of the deny class and the rate of
// lawful texts blocked, per pack, on the held-out part of the labelled corpus (never used to tune
// a pattern) and on the training part. Fails below floors set from the measurement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PackId } from '../../situation.ts';
import { CONTENT_CORPUS, isHeldOut, isTuningText } from './content-corpus.ts';
import { judgeItem, measureQuality, type PackQuality } from './measure-corpus.ts';

/**
 * Floors for the held-out part, per pack, set a little under the measured figures. Measured (152
 * CN and 107 US held-out texts): CN recall 95.6 % (98.9 % counting texts sent for review),
 * precision 98.9 %, false blocks 1.6 %; US recall 96.8 % (98.4 %), precision 100 %, false blocks
 * 0 %.
 */
type Floor = { recall: number; flagRecall: number; precision: number; falseBlockRate: number };
const HELD_OUT_FLOOR: Readonly<Record<PackId, Floor>> = {
  CN: { recall: 0.95, flagRecall: 0.98, precision: 0.98, falseBlockRate: 0.02 },
  US: { recall: 0.96, flagRecall: 0.98, precision: 0.99, falseBlockRate: 0.01 },
};
const TRAIN_FLOOR = { recall: 0.98, precision: 0.98, falseBlockRate: 0.02 };

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const row = (part: string, quality: PackQuality) => `${part} ${quality.pack}: ${quality.texts} texts, `
  + `precision ${percent(quality.precision)}, recall ${percent(quality.recall)}, `
  + `false blocks ${percent(quality.falseBlockRate)} (${quality.falsePositives}), `
  + `missed ${quality.falseNegatives}; with review: recall ${percent(quality.flagRecall)}, `
  + `lawful flagged ${percent(quality.falseFlagRate)}`;

test('the corpus: at least 400 labelled texts, about half unlawful, both packs, every item explained', () => {
  assert.ok(CONTENT_CORPUS.length >= 400, `${CONTENT_CORPUS.length} texts`);
  const ids = new Set(CONTENT_CORPUS.map((item) => item.id));
  assert.equal(ids.size, CONTENT_CORPUS.length, 'ids are unique');
  const unlawful = CONTENT_CORPUS.filter((item) => item.label === 'deny').length / CONTENT_CORPUS.length;
  assert.ok(unlawful > 0.4 && unlawful < 0.6, `unlawful share ${unlawful}`);
  for (const item of CONTENT_CORPUS) {
    assert.equal(item.reasons.length > 0, item.label === 'deny', `${item.id}: reasons iff deny`);
  }
  const traditional = CONTENT_CORPUS.filter((item) => /[們還說國會錢對這]/.test(item.text)).length;
  assert.ok(traditional >= 15, `${traditional} traditional-character texts`);
  for (const audience of ['borrower', 'third_party'] as const) {
    for (const pack of ['CN', 'US'] as const) {
      const present = CONTENT_CORPUS.some((item) => item.audience === audience && item.pack === pack);
      assert.ok(present, `${pack} ${audience}`);
    }
  }
});

test('the split is deterministic and holds out about a third of each pack and label', () => {
  // Texts written while tuning are training-only by design; the hash decides for all the others.
  const split = CONTENT_CORPUS.filter((item) => !isTuningText(item));
  for (const pack of ['CN', 'US'] as const) {
    for (const label of ['deny', 'allow'] as const) {
      const part = split.filter((item) => item.pack === pack && item.label === label);
      const held = part.filter(isHeldOut).length / part.length;
      assert.ok(held > 0.15 && held < 0.45, `${pack} ${label} held out ${held}`);
    }
  }
  assert.deepEqual(CONTENT_CORPUS.map(isHeldOut), CONTENT_CORPUS.map(isHeldOut));
});

test('held-out quality per pack is above its floor', (context) => {
  const judged = CONTENT_CORPUS.filter(isHeldOut).map(judgeItem);
  const qualities = (['CN', 'US'] as const).map((pack) => measureQuality(pack, judged));
  for (const quality of qualities) context.diagnostic(row('held-out', quality));
  for (const quality of qualities) {
    const pack = quality.pack;
    const floor = HELD_OUT_FLOOR[pack];
    assert.ok(quality.recall >= floor.recall, row('held-out', quality));
    assert.ok(quality.flagRecall >= floor.flagRecall, row('held-out', quality));
    assert.ok(quality.precision >= floor.precision, row('held-out', quality));
    assert.ok(quality.falseBlockRate <= floor.falseBlockRate, row('held-out', quality));
  }
});

test('training quality per pack is above its floor', (context) => {
  const judged = CONTENT_CORPUS.filter((item) => !isHeldOut(item)).map(judgeItem);
  for (const pack of ['CN', 'US'] as const) {
    const quality = measureQuality(pack, judged);
    context.diagnostic(row('train', quality));
    assert.ok(quality.recall >= TRAIN_FLOOR.recall, row('train', quality));
    assert.ok(quality.precision >= TRAIN_FLOOR.precision, row('train', quality));
    assert.ok(quality.falseBlockRate <= TRAIN_FLOOR.falseBlockRate, row('train', quality));
  }
});

test('a deny names its reason, the span as written and the pattern behind it', () => {
  const denied = CONTENT_CORPUS.filter((item) => item.label === 'deny').map(judgeItem)
    .filter((judged) => judged.verdict === 'deny');
  for (const { item, problems } of denied) {
    for (const problem of problems.filter((entry) => entry.at >= 0)) {
      assert.equal(item.text.slice(problem.at, problem.at + problem.phrase.length), problem.phrase, item.id);
    }
    const explained = (problem: (typeof problems)[number]) => problem.pattern !== undefined
      || problem.reason.startsWith('discloses') || problem.reason.startsWith('voicemail');
    assert.ok(problems.some(explained), item.id);
  }
});
