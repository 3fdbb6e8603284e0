import { OPT_OUT_MISSING, hasOptOutNotice } from '../rules/conduct/us-05/opt-out-notice.ts';
import { limitedContentProblems } from '../rules/conduct/us-07/limited-content.ts';
import type { Channel, Content, PackId, Purpose, Situation } from '../situation.ts';
import { ELECTRONIC_CHANNELS } from '../situation.ts';
import { COMPILED_CONTENT_PATTERNS } from './content-patterns.ts';
import type { PatternReason } from './content-pattern.ts';
import { CONTENT_CORPUS, isHeldOut } from './corpus/content-corpus.ts';
import { trainExemplarModel } from './exemplar-model.ts';
import { findPatternMatches } from './find-pattern-matches.ts';
import { findPhrases, type PhraseHit } from './find-phrases.ts';
import { compactForm, normalizeText, type NormalizedText } from './normalize-text.ts';
import { AMOUNT_LABELS, DEBT_WORDS } from './phrase-lists.ts';
import { CONTENT_SCANS_KEPT_MAX } from '../../config/limits.ts';

/**
 * The content guard's scanner: what is wrong with a text, as findings with a reason code and the
 * offending span quoted from the text. It knows nothing of rules; each pack maps a reason to the
 * rule that cites the law (see check-content.ts), and the engine's content rules pick their own.
 *
 * What a sentence does is judged by the content rules' own patterns (content-patterns.ts): threats,
 * insults, false criminal or legal claims, posing as an authority, urging the borrower to borrow to
 * repay, a threat of suit on a time-barred debt; each finding names the pattern behind it. What is
 * a matter of words stays word lists: to a third party, any word that reveals a debt; to the
 * borrower, the institution's name, a verification reference (R12) and, in a collection message,
 * itemised amounts. US electronic messages need an opt-out statement (US-05) and a US voicemail
 * must be a limited-content message (US-07); those checks live in their rules' folders.
 */
export type ContentReason =
  | PatternReason | 'discloses_debt_to_third_party' | 'missing_institution_identity'
  | 'missing_verification_reference' | 'amounts_not_itemised' | 'missing_opt_out_notice'
  | 'voicemail_not_limited_content';

export type ContentFinding = {
  readonly reason: ContentReason;
  /** The offending phrase as written, or what is missing. */
  readonly phrase: string;
  /** Offset of the phrase in the text; -1 for something missing. */
  readonly at: number;
  /** The pattern that matched, for a finding about what a sentence does. */
  readonly pattern?: string;
  /** `warn`: a low-confidence match for a person to review; a finding blocks otherwise. */
  readonly level?: 'warn';
};

export type ContentScope = {
  readonly pack: PackId;
  /** The borrower, a third party (contact person), or another liable or representing person. */
  readonly audience: 'borrower' | 'third_party' | 'other';
  readonly channel: Channel | null;
  readonly purpose: Purpose;
  readonly voicemail: boolean;
  readonly timeBarred: boolean;
};

/** The statistical layer, trained once on the corpus's training part (never on the held-out part). */
const exemplarModel = trainExemplarModel(CONTENT_CORPUS.filter((item) => !isHeldOut(item)));

const PLACEHOLDER = {
  institution: /\{\{\s*institution\s*\}\}/,
  verification: /\{\{\s*verification_ref(erence)?\s*\}\}/,
};
/** A `{{principal}}`-style placeholder per itemised component, compiled once. */
const AMOUNT_PLACEHOLDER: Readonly<Record<keyof typeof AMOUNT_LABELS, RegExp>> = {
  principal: /\{\{\s*principal\s*\}\}/, interest: /\{\{\s*interest\s*\}\}/,
  penalty: /\{\{\s*penalty\s*\}\}/, fees: /\{\{\s*fees\s*\}\}/,
};
const CURRENCY_AMOUNT = /[¥￥$]\s?\d|\d\s?(元|块钱|yuan|rmb|dollars?)\b/iu;

export function scanContent(situation: Situation): ContentFinding[] {
  const content = situation.content;
  if (content === undefined) return [];
  const role = situation.target?.role;
  return scanText(content, {
    pack: situation.pack,
    audience: role === 'contact_person' ? 'third_party' : role === undefined
      || role === 'borrower' ? 'borrower' : 'other',
    channel: situation.action === 'contact' ? situation.channel ?? null : null,
    purpose: situation.purpose ?? 'collect',
    voicemail: situation.voicemail === true,
    timeBarred: situation.debt?.timeBarred === true,
  });
}

const kept = new Map<string, readonly ContentFinding[]>();

export function scanText(content: Content, scope: ContentScope): ContentFinding[] {
  // The text goes last, after a JSON array that ends where it ends, so the key names one input; the
  // text itself is appended as it is rather than escaped, since a rendered letter runs to hundreds of
  // characters.
  const key = JSON.stringify([content.locale, content.templateId, content.institution,
    content.verificationRef, content.amounts, scope.pack, scope.audience, scope.channel, scope.purpose,
    scope.voicemail, scope.timeBarred]) + content.text;
  let findings = kept.get(key);
  if (findings === undefined) {
    findings = scanUnkept(content, scope);
    if (kept.size >= CONTENT_SCANS_KEPT_MAX) kept.delete(kept.keys().next().value!);
  } else {
    // Moved to the back, so a template used all day outlives the one-off texts rendered meanwhile.
    kept.delete(key);
  }
  kept.set(key, findings);
  return [...findings];
}

function scanUnkept(content: Content, scope: ContentScope): ContentFinding[] {
  const text = normalizeText(content.text);
  const matches = findPatternMatches(text, COMPILED_CONTENT_PATTERNS, scope);
  const findings: ContentFinding[] = matches.map((match) => ({
    reason: match.reason, phrase: match.phrase, at: match.at, pattern: match.patternId,
    ...(match.level === 'warn' ? { level: 'warn' as const } : {}),
  }));
  const disclosed = scope.audience === 'third_party'
    ? as('discloses_debt_to_third_party', disclosures(text)) : [];
  if (findings.length === 0 && disclosed.length === 0) {
    // Nothing the patterns or the word lists recognise: the model may still block a text that reads
    // like the corpus's unlawful texts, or send a less certain one for review.
    const hit = exemplarModel(text, scope.pack);
    if (hit !== null) {
      const pattern = `exemplar ${hit.exemplarId}`;
      findings.push({ reason: hit.reason, phrase: hit.phrase, at: hit.at, pattern,
        ...(hit.level === 'warn' ? { level: 'warn' as const } : {}) });
    }
  }
  const lcm = scope.pack === 'US' && scope.voicemail;
  findings.push(...disclosed);
  if (lcm) {
    findings.push(...as('voicemail_not_limited_content', limitedContentProblems(text, disclosures(text))));
  }
  if (scope.audience === 'borrower' && !lcm) findings.push(...missingIdentity(content, text));
  if (scope.audience === 'borrower' && !lcm
    && needsItemisation(scope)) findings.push(...missingAmounts(content, text));
  if (scope.pack === 'US' && scope.channel !== null && ELECTRONIC_CHANNELS.has(scope.channel)
    && !hasOptOutNotice(text)) {
    findings.push({ reason: 'missing_opt_out_notice', phrase: OPT_OUT_MISSING, at: -1 });
  }
  return dedupe(findings);
}

function as(reason: ContentReason, hits: readonly PhraseHit[]): ContentFinding[] {
  return hits.map((hit) => ({ reason, phrase: hit.phrase, at: hit.at }));
}

function needsItemisation(scope: ContentScope): boolean {
  return scope.pack === 'CN' ? scope.purpose === 'collect' : scope.purpose === 'validation_notice';
}

function disclosures(text: NormalizedText): PhraseHit[] {
  // The longest word at each place: "欠款", not also its "欠".
  const longest = new Map<number, PhraseHit>();
  for (const hit of findPhrases(text, DEBT_WORDS)) {
    if ((longest.get(hit.at)?.phrase.length ?? -1) < hit.phrase.length) longest.set(hit.at, hit);
  }
  const found = [...longest.values()];
  const amount = CURRENCY_AMOUNT.exec(text.original.normalize('NFKC'));
  if (amount !== null) found.push({ phrase: amount[0], at: amount.index });
  return found;
}

function missingIdentity(content: Content, text: NormalizedText): ContentFinding[] {
  const found: ContentFinding[] = [];
  const institution = content.institution;
  const named = PLACEHOLDER.institution.test(content.text) ||
    (institution !== undefined && text.compact.includes(compactForm(institution)));
  if (!named) {
    const phrase = institution === undefined ? 'the institution\'s name'
      : `the institution's name "${institution}"`;
    found.push({ reason: 'missing_institution_identity', phrase, at: -1 });
  }
  const reference = content.verificationRef;
  const referenced = PLACEHOLDER.verification.test(content.text) ||
    (reference !== undefined && text.compact.includes(compactForm(reference)));
  if (!referenced) {
    const phrase = reference === undefined ? 'a verification reference'
      : `the verification reference "${reference}"`;
    found.push({ reason: 'missing_verification_reference', phrase, at: -1 });
  }
  return found;
}

function missingAmounts(content: Content, text: NormalizedText): ContentFinding[] {
  const found: ContentFinding[] = [];
  const amounts = content.amounts;
  const digits = text.original.normalize('NFKC').replace(/(\d),(?=\d{3})/g, '$1');
  const components = amounts === undefined
    ? (['principal', 'interest'] as const).map((name) => [name, undefined] as const)
    : (Object.entries(amounts) as Array<[keyof typeof AMOUNT_LABELS, string]>)
      .filter(([, value]) => value !== undefined && !/^0+(\.0+)?$/.test(value));
  for (const [name, value] of components) {
    const placeholder = AMOUNT_PLACEHOLDER[name].test(content.text);
    const labelled = placeholder || findPhrases(text, AMOUNT_LABELS[name]).length > 0;
    const stated = value === undefined || placeholder || digits.includes(value);
    if (!labelled || !stated) {
      found.push({ reason: 'amounts_not_itemised', phrase: value === undefined ? name : `${name} ${value}`,
        at: -1 });
    }
  }
  return found;
}

function dedupe(findings: ContentFinding[]): ContentFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.reason}|${finding.at}|${finding.phrase}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).sort((left, right) => (left.at - right.at) || byCodeUnits(left.reason, right.reason));
}

/** Reason codes are ASCII: code-unit order is their order, without the cost of a locale. */
function byCodeUnits(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
