import type { Facts } from '../../../engine/facts.ts';
import { defineRule, type Verdict, type Verdicts } from '../../../rule.ts';

type Reason = 'not_an_agency_action' | 'account_placed_with_agency' | 'single_agency_placement'
  | 'account_not_placed_with_agency' | 'debt_placed_with_another_agency';

/** An agency works only the accounts placed with it, and a debt is placed with one agency at a time. */
export const rule = defineRule({
  id: 'CN-NIFA23-03',
  title: 'Agencies: only accounts placed with them; one agency per debt at a time',
  category: 'agency',
  jurisdiction: 'CN',
  kind: 'law',
  citation: {
    source: 'NIFA 《互联网金融贷后催收业务指引》 (2023)', section: 'outsourcing clause', grade: 'C',
    requirements: ['R9', 'R13'],
  },
  effective: { from: '2023-05-15' },
  summary: 'An agency may contact a borrower only about an account that is currently placed with it. A debt '
    + 'may not be placed with a second agency while a placement is active. (For a placement, '
      + '`actor.agencyId` '
    + 'names the agency receiving it.)',
  rationale: 'Placing one debt with several agencies at once multiplies contact and breaks the pooled caps\' '
    + 'accountability; an agency working accounts it was never given has no lawful basis for the data (PIPL '
    + 'art. 21 entrusted processing).',
  reasons: {
    not_an_agency_action: 'Neither an agency contact nor a placement.',
    account_placed_with_agency: 'The account is placed with this agency now.',
    single_agency_placement: 'No other agency holds an active placement of this debt.',
    account_not_placed_with_agency: 'The account is not placed with this agency (or no account was named).',
    debt_placed_with_another_agency: 'Another agency holds an active placement of this debt.',
  },
  parameters: [],
  // Placements in force now only.
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => checkPlacement(facts, verdicts);
  },
});

function checkPlacement(facts: Facts, verdicts: Verdicts<Reason>): Verdict {
  const { action, actor, accountId } = facts.situation;
  const agencyContact = action === 'contact' && actor.kind === 'agency';
  if (!agencyContact && action !== 'placement') return verdicts.notApplicable('not_an_agency_action');
  if (accountId === undefined) return verdicts.deny('account_not_placed_with_agency');
  // A placement not yet naming its agency (the ladder's placement review) is asked whether the
  // debt is free to place at all; an agency contact must name its agency.
  if (actor.agencyId === undefined && action !== 'placement') {
    return verdicts.deny('account_not_placed_with_agency');
  }
  const active = (facts.situation.placements ?? []).filter((placement) => placement.accountId === accountId &&
    Date.parse(placement.placedAt) <= facts.nowMs &&
    (placement.recalledAt === undefined || facts.nowMs < Date.parse(placement.recalledAt)));
  const others = active.filter((placement) => placement.agencyId !== actor.agencyId);
  if (others.length > 0) {
    return verdicts.deny('debt_placed_with_another_agency', { detail: { agencyId: others[0]!.agencyId } });
  }
  if (action === 'placement') return verdicts.allow('single_agency_placement');
  return active.length > 0 ? verdicts.allow('account_placed_with_agency')
    : verdicts.deny('account_not_placed_with_agency');
}
