/**
 * How the shipped packs answer the rule catalogue (docs/research/regulations.md, a copy of the
 * research note): for every id of grade A or B of a shipped jurisdiction, the rules that decide it and
 * the situation fields that express it, or why it is not a gate rule. A gate rule decides one proposed
 * action on its situation; a duty of process (training, contracts, reviews), of record-keeping, or of a
 * document's wording before it is used is kept elsewhere, and an id that restates another is covered by
 * that one. `catalogue-coverage.test.ts` fails when a graded id of a shipped pack has no entry here.
 */
export type CoverageKind = 'rule' | 'covered_by' | 'process' | 'record_keeping' | 'outside_gate';

export type CoverageEntry = {
  readonly id: string;
  readonly kind: CoverageKind;
  /** The rules of the pack that decide it (for `rule`) or the ids that cover it (for `covered_by`). */
  readonly rules: readonly string[];
  /** The situation fields the rules read; empty when the id is not a gate rule. */
  readonly fields: string;
  /** What is decided, or why the id is not a gate rule. */
  readonly note: string;
};

const rule = (id: string, rules: readonly string[], fields: string, note = ''): CoverageEntry =>
  ({ id, kind: 'rule', rules, fields, note });
const not = (id: string, kind: Exclude<CoverageKind, 'rule'>, note: string, rules: readonly string[] = []):
  CoverageEntry => ({ id, kind, rules, fields: '', note });

const TIME_FIELDS = 'borrower.timeZones, target.timeZones, agreements (contact_time: startsAt/endsAt or '
  + 'dailyFrom/dailyUntil; visit_consent)';

export const CATALOGUE_COVERAGE: readonly CoverageEntry[] = [
  rule('CN-GBT-01', ['CN-GBT-01'], TIME_FIELDS),
  rule('CN-GBT-02', ['CN-GBT-02'], 'history (connected voice attempts, actorKind ai_voice), borrower.id'),
  rule('CN-GBT-03', ['CN-GBT-03'], 'target.role, target.doNotContact, borrower.allNumbersInvalid, holds '
    + '(deceased, incapacitated), history, content'),
  not('CN-GBT-04', 'process', 'Reviewing agencies yearly and before the contract ends is a vendor-management '
    + 'duty of the lender, not a decision on one contact.'),
  not('CN-GBT-05', 'process', 'Training and re-assessing collectors is a staffing duty.'),
  not('CN-NIFA23-01', 'covered_by', 'The same quiet hours as the national standard.', ['CN-GBT-01']),
  rule('CN-NIFA23-02', ['CN-NIFA23-02'], 'history (attempts with agencyId), actor.agencyId'),
  not('CN-NIFA23-04', 'outside_gate', 'Highlighting terms in the loan contract is a duty of the contract '
    + 'template at origination, before collection starts.'),
  rule('CN-CBA-01', ['CN-CBA-01'], TIME_FIELDS),
  rule('CN-CBA-02', ['CN-CBA-02'], 'history (unanswered attempts per contactPointId), target.contactPointId, '
    + 'agreements (channel_consent)'),
  rule('CN-CBA-03', ['CN-CBA-03'], 'target.role, purpose, history (consecutive failed attempts), '
    + 'target.contactPointStatus, borrower.allNumbersInvalid, content'),
  rule('CN-CBA-04', ['CN-CBA-04'], 'content (institution, verificationRef), history (first contact)'),
  rule('CN-CBA-05', ['CN-CBA-05', 'CN-CRIM-01', 'CN-RATE-04', 'CN-VISIT-03'], 'content, actor.dialledFrom, '
    + 'actor.registeredNumbers, visit.entersPremises, agreements (entry_consent)'),
  not('CN-CBA-06', 'covered_by', 'Article 22\'s two collectors per visit.', ['CN-VISIT-01']),
  not('CN-CBA-07', 'process', 'Publishing the list of agencies on the lender\'s website.'),
  rule('CN-CBA-08', ['CN-GBT-02', 'CN-NIFA23-02'], 'actor.kind ai_voice, history (actorKind)',
    'AI voice calls count toward the daily caps; bias testing and algorithm security are model governance.'),
  rule('CN-CC11-01', ['CN-GBT-03', 'CN-CBA-03', 'CN-CBA-05'], 'target.role, content',
    'Collect only from the debtor and guarantor, without threats; the records it asks for are every stored '
    + 'Decision and attempt (kept by the database, not decided per contact).'),
  not('CN-CC11-02', 'outside_gate', 'The fields of a credit-card collection letter are a template\'s '
    + 'contents; the gate checks the institution and itemised amounts of every text (CN-CBA-04, CN-RATE-04).',
  ['CN-CBA-04', 'CN-RATE-04']),
  not('CN-CC11-03', 'process', 'How collectors are assessed and paid is governance, not a contact decision.'),
  not('CN-CFC24-01', 'record_keeping', 'Collection records kept complete and traceable for five years: every '
    + 'Decision, with its situation, and every attempt is stored and cannot be deleted while referenced.'),
  not('CN-PIPL-01', 'outside_gate', 'The lawful basis for processing each person\'s data is settled when the '
    + 'data is collected; contact persons are reached only for the narrow purposes CN-GBT-03 and CN-CBA-03 '
    + 'allow.', ['CN-GBT-03', 'CN-CBA-03']),
  not('CN-PIPL-02', 'outside_gate', 'Minimum necessary data and retention limits govern the data held, not '
    + 'a contact.'),
  not('CN-PIPL-03', 'process', 'The agency contract\'s clauses and supervision of the agency; the gate '
    + 'refuses agencies accounts not placed with them (CN-NIFA23-03).', ['CN-NIFA23-03']),
  not('CN-PIPL-04', 'outside_gate', 'Separate consent before providing data to another handler applies to '
    + 'data exports, which the gate does not carry.'),
  not('CN-PIPL-05', 'outside_gate', 'Separate consent for sensitive data (location tracks, accounts) '
    + 'applies when such data is collected; FairCollect keeps none.'),
  not('CN-PIPL-06', 'process', 'The impact assessment before entrusting processing or using AI, and its '
    + 'three-year retention.'),
  not('CN-PIPL-07', 'outside_gate', 'Automated decisions must be explainable: every Decision lists each '
    + 'rule\'s outcome, reason and citation and replays; strategy scoring is not a gate rule.'),
  rule('CN-CIVIL-01', ['CN-CIVIL-01', 'CN-VISIT-03'], 'agreements (callback, contact_time with onlyThen), '
    + 'inconvenientTimes, optOuts, agreements (visit_consent, entry_consent)'),
  not('CN-CRIM-PI', 'outside_gate', 'Criminal thresholds for trading personal data: FairCollect exports no '
    + 'bulk personal data and scrapes no phone books.'),
  rule('CN-CRR-01', ['CN-CRR-01'], 'action credit_report, events (adverse_credit_notice)'),
  not('CN-CRR-02', 'record_keeping', 'How long a credit bureau keeps adverse data is the bureau\'s duty.'),
  rule('CN-CRR-03', ['CN-CRR-03'], 'holds (dispute), accountId'),
  not('CN-RATE-01', 'outside_gate', 'The private-lending cap does not apply to licensed lenders '
    + '(CN-RATE-02); '
    + 'pricing is set by the product, not per contact.'),
  not('CN-RATE-02', 'outside_gate',
    'Says which lenders the private-lending cap covers; no contact decision.'),
  rule('CN-CRIM-01', ['CN-CRIM-01'], 'content'),
  rule('CN-VISIT-01', ['CN-VISIT-01'], 'channel visit, visit.staff'),
  not('CN-VISIT-02', 'covered_by', 'Visits keep the quiet hours of CN-CBA-01, which names visits.',
    ['CN-CBA-01']),
  rule('CN-VISIT-03', ['CN-VISIT-03'], 'visit.entersPremises, agreements (visit_consent, entry_consent)'),
  rule('CN-VISIT-04', ['CN-VISIT-04', 'CN-CBA-04'], 'visit.identityConfirmed, visit.authorisationConfirmed, '
    + 'content'),
  not('CN-VISIT-05', 'covered_by', 'Neighbours are third parties, who never learn of the debt; a posted '
    + 'notice is not a channel the gate sends through, and its wording is a banned practice of CN-CBA-05.',
  ['CN-CBA-03', 'CN-GBT-03', 'CN-CBA-05']),
  rule('US-01', ['US-01'], `${TIME_FIELDS}, agreements (contact_time onlyThen, callback), inconvenientTimes`),
  rule('US-02', ['US-02', 'US-17'], 'target.workplace, target.employerProhibitsContact, inconvenientPlaces, '
    + 'target.contactPointId, attorneys',
  'Inconvenient places and the workplace (§1006.6(b)(1)(ii), (b)(3)) are US-02; representation by an '
    + 'attorney (§1006.6(b)(2)) is US-17; inconvenient times (§1006.6(b)(1)(i)) are US-01.'),
  rule('US-03', ['US-03'], 'history (voice attempts per party and accountId), agreements (channel_consent, '
    + 'callback), target.role'),
  rule('US-04', ['US-04'], 'optOuts, purpose, history'),
  rule('US-05', ['US-05'], 'channel (sms, email, app_push), content'),
  rule('US-06', ['US-06'], 'channel email, target.employerProvided, agreements (channel_consent), history '
    + '(inbound email from target.contactPointId)',
  'Postcards, envelopes and public social-media posts are not channels the gate sends through.'),
  rule('US-07', ['US-07'], 'voicemail, content'),
  rule('US-08', ['US-08', 'US-17'], 'target.role, purpose, history, content, attorneys'),
  rule('US-09', ['US-09'], 'events (validation_notice), history (first communication), content.amounts'),
  not('US-10', 'outside_gate', 'The validation notice\'s contents follow Model Form B-1 in the lender\'s '
    + 'template; the gate checks its timing and itemised amounts (US-09).', ['US-09']),
  rule('US-11', ['US-11'], 'holds (dispute), events (validation_notice), purpose'),
  rule('US-12', ['US-12'], 'debt.timeBarred, action legal_action, content'),
  rule('US-13', ['US-13'], 'action credit_report, history (conversations, messages), events (undeliverable)'),
  not('US-14', 'record_keeping', 'Records kept three years after the last collection activity: every '
    + 'Decision and attempt is stored and cannot be deleted while referenced.'),
  rule('US-15', ['US-15'], 'content'),
];
