import type { Channel, PackId } from '../../situation.ts';
import type { ContentReason } from '../scan-content.ts';

/**
 * One labelled text of the content guard's corpus: a message a collector might send, in the pack
 * and channel it would go out on, to the borrower or to a third party, labelled `deny` (unlawful:
 * the reasons say why) or `allow` (lawful, however firm). Texts are written from the rule texts
 * and from how collectors really talk; the lawful ones include the hard cases (true civil
 * remedies, credit reporting, anti-fraud warnings, negated threats, a judgment really entered).
 */
export type CorpusItem = {
  readonly id: string;
  readonly text: string;
  readonly pack: PackId;
  readonly channel: Channel;
  readonly audience: 'borrower' | 'third_party';
  readonly label: 'deny' | 'allow';
  readonly reasons: readonly ContentReason[];
  readonly voicemail?: boolean;
  readonly timeBarred?: boolean;
};

type Extra = Pick<CorpusItem, 'voicemail' | 'timeBarred'>;

/** One-letter codes for the reasons, so a corpus file reads as a table of texts. */
const REASON_CODES: Readonly<Record<string, ContentReason>> = {
  T: 'threat_or_intimidation', I: 'insult', F: 'false_legal_claim', A: 'impersonates_authority',
  U: 'urges_borrowing_to_repay', D: 'discloses_debt_to_third_party', S: 'threatens_suit_on_time_barred_debt',
  V: 'voicemail_not_limited_content',
};

/** A corpus item; `reasons` is a string of reason codes ("TF": a threat and a false legal claim). */
export function item(
  pack: PackId, id: string, label: 'deny' | 'allow', reasons: string, channel: Channel,
  audience: 'b' | 't', text: string, extra: Extra = {},
): CorpusItem {
  return {
    id, text, pack, channel, audience: audience === 'b' ? 'borrower' : 'third_party', label,
    reasons: [...reasons].map((code) => REASON_CODES[code]!), ...extra,
  };
}
