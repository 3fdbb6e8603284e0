import type { PackId } from '../situation.ts';
import type { PatternReason } from './content-pattern.ts';
import type { CorpusItem } from './corpus/corpus-item.ts';
import { normalizeText, type NormalizedText } from './normalize-text.ts';

/**
 * The statistical layer, for what the patterns miss: a naive Bayes model over character n-grams
 * (Chinese: bigrams and trigrams of the compact form) or words and word pairs (English), trained
 * on the training part of the labelled corpus, one model per pack. It never blocks. When no
 * pattern fired and the log-odds that a text is unlawful exceed EXEMPLAR_REVIEW_LOG_ODDS, the text
 * is sent for human review (`warn`) with the nearest unlawful exemplar of the corpus (most shared
 * features), whose first reason it carries, and the feature that weighed most, found in the text.
 * Counting is exact and ordered, so the model and its answers are the same on every run.
 */
export type ExemplarHit = {
  readonly reason: PatternReason;
  readonly exemplarId: string;
  readonly logOdds: number;
  readonly phrase: string;
  readonly at: number;
};

/** Chosen by five-fold cross-validation on the training part (see ARCHITECTURE.md). */
export const EXEMPLAR_REVIEW_LOG_ODDS = 3;

type Exemplar = {
  readonly id: string; readonly reason: PatternReason; readonly features: ReadonlySet<Feature>;
};
type PackModel = {
  readonly weights: ReadonlyMap<Feature, number>;
  readonly unseen: number;
  readonly prior: number;
  readonly exemplars: readonly Exemplar[];
  /** For each feature, the indexes of the unlawful exemplars holding it. */
  readonly holders: ReadonlyMap<Feature, readonly number[]>;
};

const PATTERN_REASONS: ReadonlySet<string> = new Set([
  'threat_or_intimidation', 'insult', 'false_legal_claim', 'impersonates_authority',
  'urges_borrowing_to_repay',
]);

export type ExemplarModel = (text: NormalizedText, pack: PackId) => ExemplarHit | null;

export function trainExemplarModel(items: readonly CorpusItem[]): ExemplarModel {
  const models = new Map<PackId, PackModel>();
  for (const pack of new Set(items.map((entry) => entry.pack))) {
    models.set(pack, trainPack(items.filter((entry) => entry.pack === pack)));
  }
  return (text, pack) => {
    const model = models.get(pack);
    return model === undefined ? null : judge(model, text);
  };
}

function trainPack(items: readonly CorpusItem[]): PackModel {
  const counts = { deny: new Map<Feature, number>(), allow: new Map<Feature, number>() };
  const totals = { deny: 0, allow: 0 };
  const documents = { deny: 0, allow: 0 };
  const exemplars: Exemplar[] = [];
  for (const entry of items) {
    const features = new Set(featuresOf(normalizeText(entry.text)).keys);
    documents[entry.label] += 1;
    for (const feature of features) {
      counts[entry.label].set(feature, (counts[entry.label].get(feature) ?? 0) + 1);
      totals[entry.label] += 1;
    }
    const reason = entry.reasons.find((item) => PATTERN_REASONS.has(item)) as PatternReason | undefined;
    if (entry.label === 'deny' && reason !== undefined) exemplars.push({ id: entry.id, reason, features });
  }
  const vocabulary = new Set([...counts.deny.keys(), ...counts.allow.keys()]).size;
  const weight = (deny: number, allow: number) =>
    Math.log((deny + 1) / (totals.deny + vocabulary)) - Math.log((allow + 1) / (totals.allow + vocabulary));
  const weights = new Map<Feature, number>();
  for (const feature of [...counts.deny.keys(), ...counts.allow.keys()]) {
    weights.set(feature, weight(counts.deny.get(feature) ?? 0, counts.allow.get(feature) ?? 0));
  }
  const holders = new Map<Feature, number[]>();
  exemplars.forEach((exemplar, index) => {
    for (const feature of exemplar.features) {
      const list = holders.get(feature);
      if (list === undefined) holders.set(feature, [index]);
      else list.push(index);
    }
  });
  return {
    weights, unseen: weight(0, 0),
    prior: Math.log(Math.max(1, documents.deny) / Math.max(1, documents.allow)),
    exemplars, holders,
  };
}

function judge(model: PackModel, text: NormalizedText): ExemplarHit | null {
  const features = featuresOf(text);
  let logOdds = model.prior;
  let strongest = -1;
  let strongestWeight = -Infinity;
  features.keys.forEach((feature, index) => {
    const weight = model.weights.get(feature) ?? model.unseen;
    logOdds += weight;
    if (weight > strongestWeight) {
      strongest = index;
      strongestWeight = weight;
    }
  });
  if (logOdds <= EXEMPLAR_REVIEW_LOG_ODDS) return null;
  const shared = new Array<number>(model.exemplars.length).fill(0);
  for (const feature of features.keys) {
    for (const index of model.holders.get(feature) ?? []) shared[index]! += 1;
  }
  let best = -1;
  for (let index = 0; index < shared.length; index += 1) {
    if (shared[index]! > 0 && (best === -1 || shared[index]! > shared[best]!)) best = index;
  }
  if (best === -1) return null;
  const nearest = model.exemplars[best]!;
  const from = features.starts[strongest]!;
  const to = features.ends[strongest]!;
  const phrase = text.original.slice(from, to);
  return { reason: nearest.reason, exemplarId: nearest.id, logOdds, phrase, at: from };
}

/**
 * A feature is a number: a Chinese character bigram or trigram of the compact form, or an English
 * word or word pair, hashed (FNV-1a, 30 bits, so it stays a small integer). Each comes with where
 * its first occurrence lies in the original text, to quote the one that weighed most.
 */
type Feature = number;
type Features = { readonly keys: Feature[]; readonly starts: number[]; readonly ends: number[] };

function featuresOf(text: NormalizedText): Features {
  const features: Features = { keys: [], starts: [], ends: [] };
  const seen = new Set<Feature>();
  const add = (key: Feature, start: number, end: number) => {
    if (seen.has(key)) return;
    seen.add(key);
    features.keys.push(key);
    features.starts.push(start);
    features.ends.push(end);
  };
  if (text.hasCjk) {
    const { compact, compactIndex } = text;
    for (let at = 0; at + 1 < compact.length; at += 1) {
      const pair = hashUnits(compact, at, 2);
      add(pair, compactIndex[at]!, compactIndex[at + 1]! + 1);
      if (at + 2 < compact.length) {
        add(hashUnits(compact, at, 3), compactIndex[at]!, compactIndex[at + 2]! + 1);
      }
    }
    return features;
  }
  const { words, wordsIndex } = text;
  const starts: number[] = [];
  for (let at = 1; at < words.length; at += 1) {
    if (words[at - 1] === ' ' && words[at] !== ' ') starts.push(at);
  }
  for (let index = 0; index < starts.length; index += 1) {
    const start = starts[index]!;
    const end = words.indexOf(' ', start);
    add(hashUnits(words, start, end - start), wordsIndex[start]!, wordsIndex[end - 1]! + 1);
    const next = starts[index + 1];
    if (next !== undefined) {
      const pairEnd = words.indexOf(' ', next);
      add(hashUnits(words, start, pairEnd - start), wordsIndex[start]!, wordsIndex[pairEnd - 1]! + 1);
    }
  }
  return features;
}

/** FNV-1a over `length` UTF-16 units of `text` from `from`, kept to 30 bits. */
function hashUnits(text: string, from: number, length: number): number {
  let hash = 0x811c9dc5;
  for (let at = from; at < from + length; at += 1) {
    hash ^= text.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 2) & 0x3fffffff;
}
