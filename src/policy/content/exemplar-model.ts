import type { PackId } from '../situation.ts';
import type { PatternReason } from './content-pattern.ts';
import type { CorpusItem } from './corpus/corpus-item.ts';
import { normalizeText, type NormalizedText } from './normalize-text.ts';
import { expandFamilies } from './vocabulary.ts';

/**
 * The statistical layer, for what the patterns miss: a logistic regression over character
 * n-grams (Chinese: bigrams and trigrams of the compact form) or words and word pairs
 * (English), trained on the training part of the labelled corpus, one model per pack. Features
 * after a negation cue in the same clause are kept apart, so "we will never call your employer"
 * does not weigh like "we will call your employer". (Character 4-grams and letter 4-grams inside
 * English words were tried: both caught fewer unlawful texts at the low false-block rates the layer
 * runs at, and cost time.)
 *
 * When no pattern fired, a probability of unlawfulness at or above the pack's block threshold
 * (EXEMPLAR_THRESHOLDS) blocks the text and one at or above its review threshold sends it for
 * human review (`warn`). Either names the nearest unlawful exemplar of the corpus (the one sharing
 * the most weight of evidence with the text), whose first reason it carries, and quotes the n-gram
 * that weighed most. Training visits the texts in a fixed order with a fixed schedule, so the model and
 * its answers are the same on every run.
 */
export type ExemplarHit = {
  readonly reason: PatternReason;
  readonly exemplarId: string;
  readonly probability: number;
  readonly level: 'deny' | 'warn';
  readonly phrase: string;
  readonly at: number;
};

/**
 * Probability thresholds per pack, chosen by five-fold cross-validation on the training part (see
 * ARCHITECTURE.md): blocking where about one lawful text in a hundred crosses it, review where
 * about one in twenty does. The packs' models are trained apart, so their scales differ.
 */
export const EXEMPLAR_THRESHOLDS: Readonly<Record<PackId, ExemplarThresholds>> = {
  CN: { block: 0.6, review: 0.5 },
  US: { block: 0.78, review: 0.66 },
};

/** Training schedule: passes over the texts, step size and L2 shrinkage per step. */
const EXEMPLAR_TRAINING = { epochs: 40, rate: 0.5, l2: 1e-4 } as const;

/** Weights live in a hashed table of 2^18 slots per pack: collisions are rare at this corpus size. */
const SLOTS = 1 << 18;

type Exemplar = {
  readonly id: string; readonly reason: PatternReason; readonly features: ReadonlySet<Feature>;
};
type PackModel = {
  /** Single precision: half the memory to touch per lookup, far finer than the thresholds. */
  readonly weights: Float32Array;
  readonly bias: number;
  readonly exemplars: readonly Exemplar[];
  /** For each feature, the indexes of the unlawful exemplars holding it. */
  readonly holders: ReadonlyMap<Feature, readonly number[]>;
};

const PATTERN_REASONS: ReadonlySet<string> = new Set([
  'threat_or_intimidation', 'insult', 'false_legal_claim', 'impersonates_authority',
  'urges_borrowing_to_repay',
]);

export type ExemplarModel = (text: NormalizedText, pack: PackId) => ExemplarHit | null;

type ExemplarThresholds = { readonly block: number; readonly review: number };

export function trainExemplarModel(
  items: readonly CorpusItem[],
  thresholds: Readonly<Record<PackId, ExemplarThresholds>> = EXEMPLAR_THRESHOLDS,
): ExemplarModel {
  const models = new Map<PackId, PackModel>();
  for (const pack of [...new Set(items.map((entry) => entry.pack))].sort()) {
    models.set(pack, trainPack(items.filter((entry) => entry.pack === pack)));
  }
  return (text, pack) => {
    const model = models.get(pack);
    return model === undefined ? null : judge(model, text, thresholds[pack]);
  };
}

function trainPack(items: readonly CorpusItem[]): PackModel {
  const rows = items.map((entry) => {
    distinctSlots(normalizeText(entry.text));
    return { slots: [...found.subarray(0, foundCount)], target: entry.label === 'deny' ? 1 : 0 };
  });
  const weights = new Float64Array(SLOTS);
  let bias = 0;
  const { epochs, rate, l2 } = EXEMPLAR_TRAINING;
  let shrink = 1;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    const step = rate / Math.sqrt(epoch + 1);
    for (const row of rows) {
      // Binary features scaled to unit length, so a long letter weighs no more than a short SMS.
      const value = 1 / Math.sqrt(Math.max(1, row.slots.length));
      let sum = bias;
      for (const slot of row.slots) sum += weights[slot]! * shrink * value;
      const error = row.target - sigmoid(sum);
      shrink *= 1 - step * l2;
      for (const slot of row.slots) weights[slot]! += (step * error * value) / shrink;
      bias += step * error;
    }
  }
  for (let slot = 0; slot < SLOTS; slot += 1) weights[slot]! *= shrink;
  const exemplars: Exemplar[] = [];
  for (const entry of items) {
    const reason = entry.reasons.find((item) => PATTERN_REASONS.has(item)) as PatternReason | undefined;
    if (entry.label === 'deny' && reason !== undefined) {
      exemplars.push({ id: entry.id, reason, features: new Set(featuresOf(normalizeText(entry.text)).keys) });
    }
  }
  const holders = new Map<Feature, number[]>();
  exemplars.forEach((exemplar, index) => {
    for (const feature of exemplar.features) {
      const list = holders.get(feature);
      if (list === undefined) holders.set(feature, [index]);
      else list.push(index);
    }
  });
  return { weights: Float32Array.from(weights), bias, exemplars, holders };
}

/**
 * The distinct slots of the current text, in the order first met (so the sum over them is added
 * up in one fixed order), in one reused buffer. Which slots were met is kept in a small
 * open-addressed table of the text's own size rather than a mark per slot of the whole weight
 * table: a text has hundreds of features, and a table of a few kilobytes stays in the processor's
 * cache where one of 2^18 marks does not.
 */
let found = new Int32Array(1024);
let foundCount = 0;
/** slot + 1 per entry, 0 for an empty one; the size is a power of two at least twice foundCount. */
const MET_INITIAL_BITS = 10;
let met = new Int32Array(1 << MET_INITIAL_BITS);
let metBits = MET_INITIAL_BITS;

function metIndex(slot: number): number {
  return Math.imul(slot, 0x9e3779b1) >>> (32 - metBits);
}

function collectSlot(key: Feature): void {
  const slot = slotOf(key);
  const mask = met.length - 1;
  let at = metIndex(slot);
  for (let entry = met[at]!; entry !== 0; entry = met[at]!) {
    if (entry === slot + 1) return;
    at = (at + 1) & mask;
  }
  met[at] = slot + 1;
  if (foundCount === found.length) {
    const grown = new Int32Array(found.length * 2);
    grown.set(found);
    found = grown;
  }
  found[foundCount] = slot;
  foundCount += 1;
  if (foundCount * 2 > met.length) growMet();
}

function growMet(): void {
  metBits += 1;
  met = new Int32Array(1 << metBits);
  const mask = met.length - 1;
  for (let index = 0; index < foundCount; index += 1) {
    const slot = found[index]!;
    let at = metIndex(slot);
    while (met[at] !== 0) at = (at + 1) & mask;
    met[at] = slot + 1;
  }
}

/** Fills `found[0 … foundCount)` with the text's distinct slots. */
function distinctSlots(text: NormalizedText): void {
  // A table grown for one long letter is not cleared again for every short message after it.
  if (metBits > MET_INITIAL_BITS) {
    metBits = MET_INITIAL_BITS;
    met = new Int32Array(1 << MET_INITIAL_BITS);
  } else {
    met.fill(0);
  }
  foundCount = 0;
  visitFeatures(text, collectSlot);
}

function probability(model: PackModel, text: NormalizedText): number {
  distinctSlots(text);
  let sum = 0;
  for (let index = 0; index < foundCount; index += 1) sum += model.weights[found[index]!]!;
  return sigmoid(model.bias + sum / Math.sqrt(Math.max(1, foundCount)));
}

function judge(model: PackModel, text: NormalizedText, thresholds: ExemplarThresholds): ExemplarHit | null {
  const p = probability(model, text);
  if (p < thresholds.review) return null;
  const features = featuresOf(text);
  // The nearest exemplar: the most evidence for unlawfulness shared with the text.
  const shared = new Array<number>(model.exemplars.length).fill(0);
  let strongest = -1;
  let strongestWeight = -Infinity;
  features.keys.forEach((feature, index) => {
    const weight = model.weights[slotOf(feature)]!;
    if (weight > strongestWeight) {
      strongest = index;
      strongestWeight = weight;
    }
    if (weight <= 0) return;
    for (const holder of model.holders.get(feature) ?? []) shared[holder]! += weight;
  });
  let best = -1;
  for (let index = 0; index < shared.length; index += 1) {
    if (shared[index]! > 0 && (best === -1 || shared[index]! > shared[best]!)) best = index;
  }
  if (best === -1) return null;
  const nearest = model.exemplars[best]!;
  const from = features.starts[strongest]!;
  const to = features.ends[strongest]!;
  return {
    reason: nearest.reason, exemplarId: nearest.id, probability: p,
    level: p >= thresholds.block && !warnsAboutFraud(text) ? 'deny' : 'warn',
    phrase: text.original.slice(from, to), at: from,
  };
}

/**
 * The model reads words, not framing: a text that warns about impostors names the police, courts
 * and arrest the way an unlawful one does. The patterns see the framing; here it only caps the
 * model's finding at review.
 */
const ANTI_FRAUD = {
  zh: new RegExp(expandFamilies('{ZH_ANTI_FRAUD}').replace(/~(\d+)/g, '.{0,$1}?')),
  en: new RegExp(`(?<= )${expandFamilies('{EN_ANTI_FRAUD}')}(?= )`),
};

function warnsAboutFraud(text: NormalizedText): boolean {
  return text.hasCjk ? ANTI_FRAUD.zh.test(text.compact) : ANTI_FRAUD.en.test(text.words);
}

function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

/**
 * A feature is a number: a Chinese character n-gram of the compact form, or an English word or
 * word pair, hashed (FNV-1a, 30 bits, so it stays a small integer; kinds are salted
 * apart). Each comes with where its first occurrence lies in the original text, to quote the one
 * that weighed most.
 */
type Feature = number;
type Features = { readonly keys: Feature[]; readonly starts: number[]; readonly ends: number[] };

const NEGATION_WORDS: ReadonlySet<string> = new Set([
  'not', 'never', 'no', 'nobody', 'nothing', 'cannot', 't', 'without', 'neither', 'nor',
]);

const ZH_NEGATION = /不会|不要|绝不|决不|从不|从未|没有|不得|请勿|切勿|无需|不再|不予|禁止|严禁|并非|不是/g;

function slotOf(feature: Feature): number {
  return feature & (SLOTS - 1);
}

function featuresOf(text: NormalizedText): Features {
  const features: Features = { keys: [], starts: [], ends: [] };
  const seen = new Set<Feature>();
  visitFeatures(text, (key, start, end) => {
    if (seen.has(key)) return;
    seen.add(key);
    features.keys.push(key);
    features.starts.push(start);
    features.ends.push(end);
  });
  return features;
}

type Visit = (key: Feature, start: number, end: number) => void;

/** Calls `visit` with every feature of the text and its span in the original (repeats included). */
function visitFeatures(text: NormalizedText, visit: Visit): void {
  if (text.hasCjk) {
    visitChinese(text, visit);
    return;
  }
  const { words, wordsIndex, wordsClauses } = text;
  // Words after a negation cue, up to the end of its clause, are features of their own: "never
  // contact your employer" must not weigh like "contact your employer".
  let negatedUntil = -1;
  let clause = 0;
  let start = words.indexOf(' ') + 1;
  while (start > 0 && start < words.length) {
    const end = words.indexOf(' ', start);
    if (end === -1) break;
    if (end === start) {
      start += 1;
      continue;
    }
    while (clause < wordsClauses.length && wordsClauses[clause]! <= start) clause += 1;
    const negated = start < negatedUntil;
    if (NEGATION_WORDS.has(words.slice(start, end))) negatedUntil = wordsClauses[clause] ?? words.length;
    let hash = OFFSET;
    for (let at = start; at < end; at += 1) hash = step(hash, words.charCodeAt(at));
    visit(finish(hash, negated ? 9 : 1), wordsIndex[start]!, wordsIndex[end - 1]! + 1);
    const next = end + 1;
    const pairEnd = words.indexOf(' ', next);
    if (pairEnd > next) {
      let pair = step(hash, 32);
      for (let at = next; at < pairEnd; at += 1) pair = step(pair, words.charCodeAt(at));
      visit(finish(pair, 2), wordsIndex[start]!, wordsIndex[pairEnd - 1]! + 1);
    }
    start = next;
  }
}

/** Character bigrams and trigrams of the compact form, each pair and its trigram hashed in one pass. */
function visitChinese(text: NormalizedText, visit: Visit): void {
  const { compact, compactIndex, compactClauses } = text;
  // As in English, n-grams after a negation cue in the same clause are features of their own.
  let negatedUntil = -1;
  const cues: number[] = [];
  ZH_NEGATION.lastIndex = 0;
  for (let cue = ZH_NEGATION.exec(compact); cue !== null; cue = ZH_NEGATION.exec(compact)) {
    cues.push(cue.index + cue[0].length);
  }
  let nextCue = 0;
  for (let at = 0; at + 1 < compact.length; at += 1) {
    while (nextCue < cues.length && cues[nextCue]! <= at) {
      const cueEnd = cues[nextCue]!;
      const clauseEnd = compactClauses.find((boundary) => boundary >= cueEnd) ?? compact.length;
      negatedUntil = Math.max(negatedUntil, clauseEnd);
      nextCue += 1;
    }
    const salt = at < negatedUntil ? 8 : 0;
    let hash = step(OFFSET, compact.charCodeAt(at));
    for (let length = 2; length <= 3 && at + length <= compact.length; length += 1) {
      hash = step(hash, compact.charCodeAt(at + length - 1));
      visit(finish(hash, length + salt), compactIndex[at]!, compactIndex[at + length - 1]! + 1);
    }
  }
}

/** FNV-1a, one UTF-16 unit at a time; the kind of feature is mixed in at the end. */
const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;

function step(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, PRIME);
}

/** Mixes in the kind and keeps 30 bits, so a feature stays a small integer. */
function finish(hash: number, kind: number): Feature {
  return (Math.imul(hash ^ (kind * 0x9e3779b1), PRIME) >>> 2) & 0x3fffffff;
}
