import { defineRule } from '../../../rule.ts';

/** Visitors show their ID and the institution's written authorisation. */
export const rule = defineRule({
  id: 'CN-VISIT-04',
  title: 'Field visits: identity and written authorisation confirmed before the visit',
  category: 'visit',
  jurisdiction: 'CN',
  kind: 'law',
  citation: {
    source: 'CBA 《金融机构个人消费类贷款催收工作指引（试行）》 (2026-01-30)', section: 'identification article',
    grade: 'B', requirements: ['R11', 'R12'],
  },
  effective: { from: '2026-01-30' },
  summary: 'Before a visit starts, each visitor\'s identity document and the institution\'s '
    + 'authorisation letter '
    + 'are confirmed, so the borrower can check who is at the door and for whom they act.',
  rationale: 'Stating the institution and one\'s own identity, and never posing as an official, is '
    + 'required on '
    + 'first contact; at the door this means an ID badge and the authorisation document (R11, R12).',
  reasons: {
    identity_and_authorisation_confirmed: 'Identity and authorisation were confirmed.',
    identity_not_confirmed: 'The visitors\' identity was not confirmed.',
    authorisation_not_confirmed: 'The written authorisation was not confirmed.',
  },
  parameters: [],
  lookBackDays: 0,
  build(_params, verdicts) {
    return (facts) => {
      const visit = facts.situation.visit;
      if (facts.channel !== 'visit'
        || visit === undefined) return verdicts.notApplicable('channel_not_covered');
      if (!visit.identityConfirmed) return verdicts.deny('identity_not_confirmed');
      if (!visit.authorisationConfirmed) return verdicts.deny('authorisation_not_confirmed');
      return verdicts.allow('identity_and_authorisation_confirmed');
    };
  },
});
