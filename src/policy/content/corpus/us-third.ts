import { item, type CorpusItem } from './corpus-item.ts';

/** A third set of English texts: agency scripts, letters and texts, unlawful and lawful. */
const d = (id: string, reasons: string, channel: CorpusItem['channel'], audience: 'b' | 't', text: string,
  extra: Parameters<typeof item>[7] = {}) =>
  item('US', `us-d3-${id}`, 'deny', reasons, channel, audience, text, extra);
const a = (id: string, channel: CorpusItem['channel'], audience: 'b' | 't', text: string,
  extra: Parameters<typeof item>[7] = {}) =>
  item('US', `us-a3-${id}`, 'allow', '', channel, audience, text, extra);
const barred = { timeBarred: true };

export const US_THIRD: readonly CorpusItem[] = [
  d('01', 'T', 'voice', 'b', 'Imagine how your coworkers will look at you once they hear about this.'),
  d('02', 'T', 'sms', 'b', 'Pay today or we start contacting your relatives one by one.'),
  d('03', 'T', 'email', 'b', 'Your name will be published in our list of delinquent customers.'),
  d('04', 'T', 'voice', 'b', 'We will be waiting outside your office at five.'),
  d('05', 'T', 'sms', 'b', 'You do not want to find out what happens next.'),
  d('06', 'F', 'voice', 'b', 'The judge will issue a bench warrant and you will be picked up.'),
  d('07', 'F', 'sms', 'b', 'This is your final chance to avoid being charged with theft.'),
  d('08', 'F', 'email', 'b', 'Nonpayment of this loan is a violation of federal law.'),
  d('09', 'F', 'letter', 'b', 'We will file a criminal complaint with the district attorney.'),
  d('10', 'F', 'voice', 'b', 'We are going to seize your tax refund.'),
  d('11', 'A', 'sms', 'b', 'COURT ORDER: Case 44-1923. Respond to avoid enforcement.'),
  d('12', 'A', 'voice', 'b', 'This is Agent Miller from the Financial Crimes Division.'),
  d('13', 'A', 'email', 'b', 'Official notice from the State Attorney regarding your unpaid debt.'),
  d('14', 'I', 'voice', 'b', 'Grow a spine and pay your bills.'),
  d('15', 'I', 'sms', 'b', 'You absolute clown, pay up.'),
  d('16', 'I', 'email', 'b', 'People like you are the reason prices go up. Freeloader.'),
  d('17', 'D', 'voice', 't', 'Your husband has an unpaid payday loan with us. Can you have him call?'),
  d('18', 'D', 'sms', 't', 'Hi Jen, your coworker Dana owes $950 on a past-due account. Ask her to call.'),
  d('19', 'S', 'voice', 'b', 'We could still take this to a judge if you do not settle.', barred),
  d('20', 'S', 'letter', 'b', 'Legal proceedings will commence unless payment is received.', barred),
  d('21', 'T', 'voice', 'b', 'We will be reaching out to your references today.'),
  d('22', 'F', 'sms', 'b', 'Pay now to keep this off your criminal background check.'),
  d('23', 'T', 'email', 'b', 'Copies of this notice are being sent to your employer and landlord.'),
  d('24', 'I', 'voice', 'b', 'You are nothing but a thief.'),
  d('25', 'F', 'voice', 'b', 'Officers will be sent to your residence.'),
  a('01', 'voice', 'b',
    'We will not call your workplace, and we will not speak to anyone else about this account.'),
  a('02', 'letter', 'b',
    'If you do not respond, our client may decide to file a lawsuit. A court, not us, decides '
    + 'what happens next.'),
  a('03', 'email', 'b',
    'You cannot be jailed for failing to pay a consumer debt. Please contact us to resolve it.'),
  a('04', 'sms', 'b',
    'Scammers may pretend to be police officers collecting debts. Harbor Recovery never does. '
    + 'Reply STOP to opt out.'),
  a('05', 'letter', 'b',
    'The Civil Court entered a money judgment on April 2, 2026. We may seek enforcement as the '
    + 'law allows, including garnishment after notice to you.'),
  a('06', 'letter', 'b',
    'Because of the age of your debt, we will not sue you for it, and we will not report it.',
    barred),
  a('07', 'voice', 'b',
    'Missing payments can lower your credit score, and we will report the account as past due.'),
  a('08', 'email', 'b', 'We can set up a hardship plan with reduced payments for six months.'),
  a('09', 'voice', 't',
    'Hi, this is Sam with Harbor Services for Lee Chen. Please have Lee call 800-555-0100.'),
  a('10', 'letter', 'b', 'Please be aware that continued nonpayment may lead us to recommend legal action.'),
  a('11', 'sms', 'b', 'Your promise to pay $100 on May 5 is recorded. Reply STOP to opt out.'),
  a('12', 'voice', 'b',
    'I want to be straight with you: we may sue, but we would much rather agree on a plan.'),
  a('13', 'email', 'b', 'We do not contact employers, relatives, or friends about debts.'),
  a('14', 'letter', 'b', 'This collection agency is licensed by the state and is not a government office.'),
  a('15', 'voice', 'b', 'No one is coming to your house. We only want to talk about a payment plan.'),
];
