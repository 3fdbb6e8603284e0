import { item, type CorpusItem } from './corpus-item.ts';

/**
 * A fourth set of English texts, written from Regulation F (§§1006.6(d), .14, .18, .22, .26) and
 * the FDCPA before the guard was tuned on them: arrest, custody and criminal-complaint claims,
 * seizures no judgment allows, posing as investigators, agents or the courthouse, threats aimed at
 * employer, family, neighbours and social media, indirect threats, repeated calls, profanity with
 * obfuscated spellings, suit threats on time-barred debts; and the lawful hard cases (true civil
 * remedies, a judgment really entered, the CFPB time-barred disclosure, negated threats, scam
 * warnings, real attorney involvement, hardship plans).
 */
type Extra = Parameters<typeof item>[7];
const d = (id: string, reasons: string, channel: CorpusItem['channel'], audience: 'b' | 't', text: string,
  extra?: Extra) => item('US', `us-f-d${id}`, 'deny', reasons, channel, audience, text, extra);
const a = (id: string, channel: CorpusItem['channel'], audience: 'b' | 't', text: string, extra?: Extra) =>
  item('US', `us-f-a${id}`, 'allow', '', channel, audience, text, extra);
const barred = { timeBarred: true };

export const US_FRESH: readonly CorpusItem[] = [
  d('01', 'F', 'voice', 'b', 'If we don\'t get a payment by Friday, a warrant will be issued in your name.'),
  d('02', 'F', 'sms', 'b',
    'Failure to pay this account is considered theft of services and will be referred for prosecution.'),
  d('03', 'A', 'voice', 'b',
    'This is Investigator Collins with the County Fraud Division regarding a complaint filed against you.'),
  d('04', 'A', 'letter', 'b',
    'OFFICIAL NOTICE: Department of Justice Debt Recovery Unit, Case #4471. Respond within 10 days.'),
  d('05', 'F', 'voice', 'b',
    'We will be garnishing your wages starting next pay period unless you call us today.'),
  d('06', 'T', 'sms', 'b', 'We\'ll be letting your employer know about this tomorrow morning.'),
  d('07', 'T', 'voice', 'b',
    'Do you want your boss and coworkers hearing about how you don\'t pay your bills?'),
  d('08', 'T', 'voice', 'b', 'You know what happens to people who ignore us. Think about your family.'),
  d('09', 'T', 'sms', 'b',
    'Pay today or we put your name and this balance up on Facebook for all your friends to see.'),
  d('10', 'I', 'voice', 'b', 'You\'re a lying deadbeat and everybody knows it.'),
  d('11', 'I', 'sms', 'b', 'Pay up, you worthless p1ece of sh!t.'),
  d('12', 'I', 'voice', 'b', 'What kind of grown adult can\'t pay a $300 bill? Pathetic.'),
  d('13', 'T', 'voice', 'b',
    'We have your mother\'s address. Maybe we should swing by and have a chat with her about your'
      + ' account.'),
  d('14', 'F', 'letter', 'b',
    'If this balance remains unpaid, you may be arrested and your driver\'s license suspended.'),
  d('15', 'TD', 'voice', 't',
    'Tell your son that if he doesn\'t pay what he owes us, we\'ll be calling his job every day.'),
  d('16', 'D', 'voice', 't',
    'Hi, I\'m calling about John\'s overdue credit card balance. Are you his sister?'),
  d('17', 'D', 'sms', 't',
    'This is ABC Collections. Please have Maria Lopez call us about her past-due account.'),
  d('18', 'S', 'voice', 'b',
    'If you don\'t pay this old account, we\'ll take you to court and get a judgment.', barred),
  d('19', 'S', 'letter', 'b',
    'Our client has authorized us to file a lawsuit against you for the full balance.', barred),
  d('20', 'S', 'sms', 'b', 'Final notice before legal action on your 2014 account.', barred),
  d('21', 'F', 'voice', 'b',
    'Writing a check that bounced is a felony in this state, and we are forwarding it to the sheriff.'),
  d('22', 'A', 'voice', 'b',
    'I\'m calling from the courthouse about an order to appear that has been issued in your name.'),
  d('23', 'F', 'sms', 'b', 'Your Social Security benefits will be seized if this isn\'t paid by Monday.'),
  d('24', 'T', 'voice', 'b', 'We\'re going to keep calling you morning, noon and night until you pay.'),
  d('25', 'T', 'sms', 'b', 'We will ring your phone every hour until this gets paid.'),
  d('26', 'T', 'voice', 'b', 'People who stiff us tend to have accidents. Just saying.'),
  d('27', 'F', 'sms', 'b', 'Non-payment will result in immediate repossession of your car and your home.'),
  d('28', 'A', 'voice', 'b',
    'I\'m Agent Davis with federal debt enforcement. You need to settle this today.'),
  d('29', 'F', 'email', 'b',
    'You have committed fraud by failing to repay this loan. Charges are being prepared.'),
  d('30', 'T', 'sms', 'b', 'We will contact everyone in your phone contacts and tell them you owe us money.'),
  d('31', 'T', 'voice', 'b',
    'Pay now or we\'ll be at your workplace Monday to discuss this in front of your manager.'),
  d('32', 'I', 'sms', 'b', 'Stop acting like a spoiled brat and pay your damn bill.'),
  d('33', 'F', 'voice', 'b', 'You could lose custody of your kids over unpaid debts like this.'),
  d('34', 'T', 'email', 'b',
    'We have drafted a letter to your HR department explaining your refusal to pay.'),
  d('35', 'AF', 'voice', 'b',
    'This is Officer Ramirez. You will be taken into custody if you do not resolve this balance.'),
  d('36', 'T', 'sms', 'b', 'P.a.y t0day or y0ur empl0yer gets a call.'),
  d('37', 'F', 'voice', 'b', 'Your immigration status could be affected if this debt isn\'t paid.'),
  d('38', 'T', 'voice', 'b',
    'Your neighbors would love to know why the tow truck is parked outside your house.'),
  d('39', 'F', 'sms', 'b', 'Notice: a criminal complaint has been filed in your name for non-payment.'),
  d('40', 'I', 'voice', 'b', 'Quit whining, you freaking bum, and get a real job.'),
  d('41', 'TD', 'voice', 't',
    'You work with Dave, right? Let him know his debt with us is going to cost him that job.'),
  d('42', 'T', 'letter', 'b',
    'Unless payment is received, our field agent will visit your home and your place of employment.'),

  a('01', 'sms', 'b', 'This is a reminder that your payment of $85 is due on June 1. Reply STOP to opt out.'),
  a('02', 'letter', 'b',
    'If we cannot reach an agreement, we may file a lawsuit to collect this debt. If a court enters a'
      + ' judgment against you, it may allow garnishment as permitted by law.'),
  a('03', 'letter', 'b',
    'The law limits how long you can be sued on a debt. Because of the age of your debt, we will not sue'
      + ' you for it.', barred),
  a('04', 'voice', 'b', 'We will never contact your employer about this account.'),
  a('05', 'sms', 'b',
    'Beware of scammers: we will never threaten you with arrest or ask for payment by gift card.'),
  a('06', 'letter', 'b',
    'A judgment was entered against you on March 3, 2025 in Cook County Circuit Court, case no.'
      + ' 2025-M1-1234. Under that judgment, your wages may be garnished.'),
  a('07', 'voice', 'b', 'We can offer a hardship plan of $50 a month with no additional fees.'),
  a('08', 'letter', 'b',
    'If you do not pay or dispute this debt, we may report it to the credit reporting agencies as unpaid.'),
  a('09', 'email', 'b',
    'You are not going to be arrested, and failing to pay a debt is not a crime. We just want to work'
      + ' out a plan.'),
  a('10', 'voice', 'b', 'Would a payment plan spread over six months work better for your budget?'),
  a('11', 'sms', 'b', 'Your account is 60 days past due. Call us to discuss options. Reply STOP to opt out.'),
  a('12', 'letter', 'b', 'You have the right to dispute this debt within 30 days of receiving this notice.'),
  a('13', 'voice', 't',
    'Hi, this is Sarah calling for Michael Brown. Could you ask him to call me back at 555-0100?'),
  a('14', 'voice', 't',
    'I\'m trying to confirm the best phone number for Jane Smith. Is this still her number?'),
  a('15', 'letter', 'b',
    'We have not filed a lawsuit against you, and we will not contact your family about this account.'),
  a('16', 'sms', 'b',
    'If someone claiming to be the police calls you demanding payment of this account, it is a scam.'
      + ' Hang up.'),
  a('17', 'voice', 'b', 'We may recommend your account for legal review, which could result in a lawsuit.'),
  a('18', 'email', 'b', 'We understand you lost your job. We can pause collection for 60 days.'),
  a('19', 'letter', 'b',
    'Once the account is paid in full, we will report it to the credit bureaus as paid.'),
  a('20', 'voice', 'b', 'We will not post anything about your account online or share it with anyone else.'),
  a('21', 'letter', 'b',
    'Our client may pursue any remedies available under law, including a civil lawsuit.'),
  a('22', 'voice', 'b', 'This is a final reminder before your account is placed with a collection agency.'),
  a('23', 'sms', 'b', 'Your settlement offer of $1,200 has been accepted. Please pay by July 15.'),
  a('24', 'letter', 'b',
    'Because of the age of your debt, we will not sue you for it, and we will not report it to any'
      + ' credit reporting agency.', barred),
  a('25', 'voice', 'b', 'I\'m not an attorney, and no attorney has reviewed your account at this time.'),
  a('26', 'email', 'b',
    'We are a debt collector. This is an attempt to collect a debt. Any information obtained will be'
      + ' used for that purpose.'),
  a('27', 'voice', 'b', 'You can ask us to stop calling you at work, and we will.'),
  a('28', 'letter', 'b',
    'A court judgment has already been entered against you, and we may seek a wage garnishment order'
      + ' under that judgment.'),
  a('29', 'sms', 'b',
    'Please don\'t take out a payday loan to pay us; call us instead and we will set up an affordable'
      + ' plan.'),
  a('30', 'voice', 'b', 'If you don\'t pay, late fees will continue to accrue under your card agreement.'),
  a('31', 'voice', 'b', 'We won\'t call your family, your friends, or your employer.'),
  a('32', 'email', 'b', 'Reminder: our office hours are 8am to 8pm. You can pay online any time.'),
  a('33', 'letter', 'b',
    'We have been authorized by the original creditor to offer you a 40% discount if paid within 30 days.'),
  a('34', 'voice', 'b',
    'Nobody is going to show up at your home. We just want to find a payment that works.'),
  a('35', 'sms', 'b', 'Scam alert: we never send anyone to your home and we never ask for payment in cash.'),
  a('36', 'voice', 'b',
    'If the court rules in our favor, the judgment may be reported and could affect your credit.'),
  a('37', 'letter', 'b',
    'The creditor has referred this matter to our law firm. An attorney at this firm has reviewed your'
      + ' account.'),
  a('38', 'voice', 'b', 'This call may be recorded. Can I confirm I am speaking with James Carter?'),
  a('39', 'sms', 'b', 'Thank you for your payment. Your remaining balance is $430.'),
  a('40', 'email', 'b',
    'You may contact the Consumer Financial Protection Bureau at consumerfinance.gov if you have a'
      + ' complaint.'),
];
