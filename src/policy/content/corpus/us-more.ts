import { item, type CorpusItem } from './corpus-item.ts';

/** A second set of English texts: more paraphrases and obfuscations, and more hard lawful cases. */
const d = (id: string, reasons: string, channel: CorpusItem['channel'], audience: 'b' | 't', text: string,
  extra: Parameters<typeof item>[7] = {}) =>
  item('US', `us-d2-${id}`, 'deny', reasons, channel, audience, text, extra);
const a = (id: string, channel: CorpusItem['channel'], audience: 'b' | 't', text: string,
  extra: Parameters<typeof item>[7] = {}) =>
  item('US', `us-a2-${id}`, 'allow', '', channel, audience, text, extra);
const barred = { timeBarred: true };
const vm = { voicemail: true };

export const US_MORE: readonly CorpusItem[] = [
  d('01', 'F', 'sms', 'b', 'Pay by 5pm or the authorities will be picking you up.'),
  d('02', 'F', 'voice', 'b', 'You know people go to prison for this kind of thing, right?'),
  d('03', 'F', 'email', 'b', 'This matter has been escalated to law enforcement.'),
  d('04', 'F', 'sms', 'b', 'Ignoring this is a criminal offense.'),
  d('05', 'F', 'voice', 'b', 'We are going to take your paycheck whether you like it or not.'),
  d('06', 'F', 'letter', 'b', 'Your driver license will be suspended if this debt is not paid.'),
  d('07', 'T', 'sms', 'b', 'Should we give your HR department a call, or will you pay today?'),
  d('08', 'T', 'voice', 'b', 'I will be talking to your neighbors this weekend.'),
  d('09', 'T', 'email', 'b', 'Everyone in your contact list will receive a copy of this notice.'),
  d('10', 'T', 'sms', 'b', 'Your kids might want to know what kind of parent you are.'),
  d('11', 'T', 'voice', 'b', 'We are going to make this very embarrassing for you at work.'),
  d('12', 'T', 'sms', 'b', 'Our field agent will be at your front door tonight.'),
  d('13', 'I', 'sms', 'b', 'Typical deadb3at. Pay up.'),
  d('14', 'I', 'voice', 'b', 'You are a waste of space.'),
  d('15', 'I', 'email', 'b', 'Only an idiot would ignore this many letters.'),
  d('16', 'I', 'sms', 'b', 'Pay your bills, moron.'),
  d('17', 'A', 'voice', 'b', 'This is Deputy Clark, I have a civil warrant with your name on it.'),
  d('18', 'A', 'sms', 'b', 'US Marshals service notice: contact this number about your account.'),
  d('19', 'A', 'letter', 'b', 'LEGAL NOTICE FROM THE COUNTY COURT CLERK regarding your delinquent account.'),
  d('20', 'D', 'sms', 't', 'Hi, this is about your roommate Alex. He has an unpaid balance of $780 with us.'),
  d('21', 'D', 'voice', 't', 'Can you let your daughter know her credit card is in collections?'),
  d('22', 'V', 'voice', 'b',
    'This is Harbor Recovery with an important message about your past due payment. Call '
      + '800-555-0100.', vm),
  d('23', 'S', 'letter', 'b', 'Failure to pay may result in litigation.', barred),
  d('24', 'S', 'sms', 'b', 'Pay now to stop the lawsuit.', barred),
  d('25', 'F', 'sms', 'b', 'Pay or we will freeze your bank account.'),
  d('26', 'T', 'voice', 'b', 'We have ways of making you pay.'),
  d('27', 'F', 'voice', 'b', 'You will be hauled off in handcuffs in front of your family.'),
  d('28', 'T', 'sms', 'b', 'We will make sure your employer finds out.'),
  d('29', 'I', 'voice', 'b', 'Shameless. Absolutely shameless.'),
  d('30', 'F', 'email', 'b', 'You have committed check fraud and we are pressing charges.'),
  a('01', 'letter', 'b',
    'If you do not pay, we may sue you. If we sue and win, the court may enter a judgment against '
      + 'you.'),
  a('02', 'voice', 'b',
    'You are not in trouble with the law. This is simply a past-due account we want to resolve.'),
  a('03', 'email', 'b', 'We will never call your family, your employer, or your neighbors about this debt.'),
  a('04', 'sms', 'b',
    'Someone pretending to be a sheriff may call you about this debt. It is a scam. Reply STOP to '
      + 'opt out.'),
  a('05', 'letter', 'b',
    'We will not sue you for this debt because of its age. You may still choose to pay it.', barred),
  a('06', 'voice', 'b',
    'This call is from Harbor Recovery, a debt collector. We are calling about a past-due balance.'),
  a('07', 'letter', 'b',
    'Judgment was entered against you on May 1, 2026. Under state law, a judgment creditor may seek '
      + 'a wage garnishment order.'),
  a('08', 'email', 'b', 'Your account has been reported as delinquent to the three major credit bureaus.'),
  a('09', 'voice', 'b',
    'Hi, this is Tom Reyes with Harbor Services. Please call me back at 800-555-0177.', vm),
  a('10', 'voice', 't',
    'Hello, I am looking for Chris Park. Could you ask Chris to call Harbor Services at 800-555-0100?'),
  a('11', 'letter', 'b',
    'You may be able to settle this account for less than the full balance. Call us to discuss.'),
  a('12', 'sms', 'b',
    'We have not received your payment. Please pay today or call us to talk about options. Reply '
      + 'STOP to opt out.'),
  a('13', 'voice', 'b',
    'I am not threatening you, I am just explaining what may happen if the account goes unpaid: we '
      + 'may refer it to an attorney.'),
  a('14', 'letter', 'b', 'No criminal action can be taken against you for nonpayment of this consumer debt.'),
  a('15', 'email', 'b',
    'If you believe you are a victim of fraud or identity theft, please contact us so we can pause '
      + 'collection.'),
  a('16', 'voice', 'b',
    'We do need you to take this seriously. The balance will not go away if we do not talk.'),
  a('17', 'letter', 'b', 'Our client has authorized us to accept twelve monthly payments of $120.'),
  a('18', 'sms', 'b', 'Your payment plan is active. Next payment: $75 on June 1. Reply STOP to opt out.'),
  a('19', 'voice', 'b',
    'We are not going to contact your job. You asked us not to, and we will respect that.'),
  a('20', 'letter', 'b',
    'This company is not affiliated with any court, police department, or government agency.'),
  a('21', 'email', 'b',
    'The creditor may choose to file a civil lawsuit. You would receive court papers and have the '
      + 'right to respond.'),
  a('22', 'voice', 'b', 'Nobody is going to jail over this. Let us just work out a payment.'),
  a('23', 'letter', 'b', 'We are required by law to tell you this is an attempt to collect a debt.'),
  a('24', 'sms', 'b', 'Reminder from Harbor Recovery: your balance is overdue. Text STOP to opt out.'),
  a('25', 'email', 'b',
    'If you ignore this, the account may be sent to a collection attorney who could recommend a '
      + 'lawsuit.'),
];
