import type { Channel, Content, PackId, Purpose, Situation } from '../situation.ts';
import { ELECTRONIC_CHANNELS } from '../situation.ts';
import { compactForm, findCompact, findWords, normalizeText, type NormalizedText } from './normalize-text.ts';
import {
  AMOUNT_LABELS, BANNED_PHRASES, DEBT_WORDS, OPT_OUT_WORDS, REPLY_WORDS, SUIT_WORDS, type PhraseList,
  type PhraseReason,
} from './phrase-lists.ts';

/**
 * The content guard's scanner: what is wrong with a text, as findings with a reason code and the
 * offending phrase quoted from the text. It knows nothing of rules; each pack maps a reason to the
 * rule that cites the law (see check-content.ts), and the engine's content rules pick their own.
 *
 * Refused anywhere: threats, insults, false criminal or legal claims, posing as an authority,
 * urging the borrower to borrow to repay. Refused to a third party: any word that reveals a debt.
 * Required to the borrower: the institution's name, a verification reference the borrower can
 * check (R12) and, in a collection message, itemised amounts. Required on US electronic
 * messages: an opt-out statement. A US voicemail must be a limited-content message.
 */
export type ContentReason =
  | PhraseReason | 'missing_institution_identity' | 'missing_verification_reference' | 'amounts_not_itemised'
  | 'missing_opt_out_notice' | 'voicemail_not_limited_content';

export type ContentFinding = {
  readonly reason: ContentReason;
  /** The offending phrase as written, or what is missing. */
  readonly phrase: string;
  /** Offset of the phrase in the text; -1 for something missing. */
  readonly at: number;
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

const PLACEHOLDER = {
  institution: /\{\{\s*institution\s*\}\}/,
  verification: /\{\{\s*verification_ref(erence)?\s*\}\}/,
};
const CURRENCY_AMOUNT = /[¥￥$]\s?\d|\d\s?(元|块钱|yuan|rmb|dollars?)\b/iu;
const PHONE_NUMBER = /(\+?\d[\d\s\-().]{6,}\d)/;

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

/**
 * Scans kept, keyed by everything a scan reads: the daily cycle decides the same few templates tens
 * of thousands of times a day, and scanning is a pure function of text and scope. Bounded; the
 * oldest scan goes first.
 */
export const CONTENT_SCANS_KEPT_MAX = 512;
const kept = new Map<string, readonly ContentFinding[]>();

export function scanText(content: Content, scope: ContentScope): ContentFinding[] {
  const key = JSON.stringify([content, scope.pack, scope.audience, scope.channel, scope.purpose,
    scope.voicemail, scope.timeBarred]);
  let findings = kept.get(key);
  if (findings === undefined) {
    findings = scanUnkept(content, scope);
    if (kept.size >= CONTENT_SCANS_KEPT_MAX) kept.delete(kept.keys().next().value!);
    kept.set(key, findings);
  }
  return [...findings];
}

function scanUnkept(content: Content, scope: ContentScope): ContentFinding[] {
  const text = normalizeText(content.text);
  const findings: ContentFinding[] = [];
  for (const [reason, list] of Object.entries(BANNED_PHRASES)) {
    findings.push(...matches(text, list, reason as PhraseReason));
  }
  const lcm = scope.pack === 'US' && scope.voicemail;
  if (scope.audience === 'third_party') findings.push(...disclosures(text, 'discloses_debt_to_third_party'));
  if (lcm) findings.push(...limitedContentProblems(text));
  if (scope.pack === 'US' && scope.timeBarred) {
    findings.push(...matches(text, SUIT_WORDS, 'threatens_suit_on_time_barred_debt'));
  }
  if (scope.audience === 'borrower' && !lcm) findings.push(...missingIdentity(content, text));
  if (scope.audience === 'borrower' && !lcm
    && needsItemisation(scope)) findings.push(...missingAmounts(content, text));
  if (scope.pack === 'US' && scope.channel !== null && ELECTRONIC_CHANNELS.has(scope.channel) &&
    matches(text, OPT_OUT_WORDS, 'missing_opt_out_notice').length === 0) {
    findings.push({ reason: 'missing_opt_out_notice',
      phrase: 'a simple way to opt out (e.g. "Reply STOP")', at: -1 });
  }
  return dedupe(findings);
}

function needsItemisation(scope: ContentScope): boolean {
  return scope.pack === 'CN' ? scope.purpose === 'collect' : scope.purpose === 'validation_notice';
}

function matches(text: NormalizedText, list: PhraseList, reason: ContentReason): ContentFinding[] {
  const found: ContentFinding[] = [];
  const add = ([start, end]: readonly [number, number]) =>
    found.push({ reason, phrase: text.original.slice(start, end), at: start });
  for (const phrase of list.zh) findCompact(text, phrase).forEach(add);
  for (const phrase of list.en) findWords(text, phrase).forEach(add);
  return found;
}

function disclosures(text: NormalizedText, reason: ContentReason): ContentFinding[] {
  const found = matches(text, DEBT_WORDS, reason);
  const amount = CURRENCY_AMOUNT.exec(text.original.normalize('NFKC'));
  if (amount !== null) found.push({ reason, phrase: amount[0], at: amount.index });
  return found;
}

function limitedContentProblems(text: NormalizedText): ContentFinding[] {
  const reason = 'voicemail_not_limited_content';
  const found = disclosures(text, reason);
  if (!PHONE_NUMBER.test(text.original.normalize('NFKC'))) found.push({ reason,
    phrase: 'a callback number', at: -1 });
  if (matches(text, REPLY_WORDS, reason).length === 0) found.push({ reason, phrase: 'a request to reply',
    at: -1 });
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
    const labelled = matches(text, AMOUNT_LABELS[name], 'amounts_not_itemised').length > 0 ||
      new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`).test(content.text);
    const stated = value === undefined || digits.includes(value) || new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`)
      .test(content.text);
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
  }).sort((left, right) => (left.at - right.at) || left.reason.localeCompare(right.reason));
}
