import type { Pack } from '../../pack.ts';
import { CN_PACK } from '../../packs/cn-pack.ts';
import { US_PACK } from '../../packs/us-pack.ts';
import type { PackId } from '../../situation.ts';
import { checkContent, type ContentProblem } from '../check-content.ts';
import type { ContentReason } from '../scan-content.ts';
import type { CorpusItem } from './corpus-item.ts';

/**
 * The content guard's quality on labelled texts: precision and recall of the deny class and the
 * rate of lawful texts blocked, per pack. Only what a text says is measured; the form checks
 * (institution named, reference, itemised amounts, opt-out line) are left out because the
 * corpus texts are excerpts, not whole messages.
 */
export type PackQuality = {
  readonly pack: PackId;
  readonly texts: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** Lawful texts neither blocked nor sent for review. */
  readonly trueNegatives: number;
  /** Lawful texts sent for review (a low-confidence finding), not blocked. */
  readonly reviewed: number;
  readonly precision: number;
  readonly recall: number;
  /** Unlawful texts blocked or sent for review. */
  readonly flagRecall: number;
  readonly falseBlockRate: number;
  /** Lawful texts blocked or sent for review. */
  readonly falseFlagRate: number;
};

export type Judged = { readonly item: CorpusItem; readonly verdict: 'deny' | 'warn' | 'allow';
  readonly problems: readonly ContentProblem[] };

const FORM_REASONS: ReadonlySet<ContentReason> = new Set([
  'missing_institution_identity', 'missing_verification_reference', 'amounts_not_itemised',
  'missing_opt_out_notice',
]);
const PACKS: Readonly<Record<PackId, Pack>> = { CN: CN_PACK, US: US_PACK };

export function judgeItem(item: CorpusItem): Judged {
  const pack = PACKS[item.pack];
  const check = checkContent(pack, { text: item.text, locale: pack.locale }, {
    audience: item.audience, channel: item.channel, voicemail: item.voicemail ?? false,
    timeBarred: item.timeBarred ?? false,
  });
  const problems = check.problems.filter((problem) => !FORM_REASONS.has(problem.reason));
  const verdict = problems.some((problem) => problem.level !== 'warn') ? 'deny'
    : problems.length > 0 ? 'warn' : 'allow';
  return { item, verdict, problems };
}

export function measureQuality(pack: PackId, judged: readonly Judged[]): PackQuality {
  const own = judged.filter((entry) => entry.item.pack === pack);
  const count = (label: 'deny' | 'allow', verdict: Judged['verdict']) =>
    own.filter((entry) => entry.item.label === label && entry.verdict === verdict).length;
  const truePositives = count('deny', 'deny');
  const falsePositives = count('allow', 'deny');
  const falseNegatives = count('deny', 'allow') + count('deny', 'warn');
  const reviewed = count('allow', 'warn');
  const trueNegatives = count('allow', 'allow');
  const lawful = falsePositives + reviewed + trueNegatives;
  return {
    pack, texts: own.length, truePositives, falsePositives, falseNegatives, trueNegatives, reviewed,
    precision: truePositives / Math.max(1, truePositives + falsePositives),
    recall: truePositives / Math.max(1, truePositives + falseNegatives),
    flagRecall: (truePositives + count('deny', 'warn')) / Math.max(1, truePositives + falseNegatives),
    falseBlockRate: falsePositives / Math.max(1, lawful),
    falseFlagRate: (falsePositives + reviewed) / Math.max(1, lawful),
  };
}
