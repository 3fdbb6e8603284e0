import { contentRuleOf, type Pack } from '../pack.ts';
import { formatCitation } from '../rule.ts';
import type { Content } from '../situation.ts';
import { scanText, type ContentReason, type ContentScope } from './scan-content.ts';

/**
 * The content guard as a service: every template and every ad-hoc text is checked before use,
 * and each problem names the offending phrase (or what is missing), its reason code and the
 * citation of the rule of the pack that forbids it. evaluate() runs the same scanner when a
 * situation carries content, so a text that passes here passes the gate's content rules.
 */
export type ContentProblem = {
  readonly reason: ContentReason;
  readonly phrase: string;
  readonly at: number;
  readonly ruleId: string;
  readonly citation: string;
  /** The content pattern that matched, when the problem is what a sentence does. */
  readonly pattern?: string;
  /** `warn`: a low-confidence finding for a person to review; it does not make the text fail. */
  readonly level?: 'warn';
};

export type ContentCheck = { readonly ok: boolean; readonly problems: readonly ContentProblem[] };

export type ContentCheckOptions = Partial<Omit<ContentScope, 'pack'>>;

export function checkContent(pack: Pack, content: Content, options: ContentCheckOptions = {}): ContentCheck {
  const scope: ContentScope = {
    pack: pack.id, audience: options.audience ?? 'borrower', channel: options.channel ?? null,
    purpose: options.purpose ?? 'collect', voicemail: options.voicemail
      ?? false, timeBarred: options.timeBarred ?? false,
  };
  const problems: ContentProblem[] = [];
  for (const finding of scanText(content, scope)) {
    const rule = contentRuleOf(pack, finding.reason);
    // A reason no rule of this pack enforces (e.g. itemisation of a US collection email) is not a problem
    // here.
    if (rule === null) continue;
    problems.push({ ...finding, ruleId: rule.id, citation: formatCitation(rule.citation) });
  }
  return { ok: problems.every((problem) => problem.level === 'warn'), problems };
}
