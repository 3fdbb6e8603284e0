import type { Locale } from '../situation.ts';

/**
 * The texts the default strategy's treatments send, per locale. Placeholders in double braces are
 * filled at send time with the borrower's own figures: {{institution}}, {{verification_ref}} (the
 * reference the borrower checks on the portal, R12), {{principal}}, {{interest}}, {{penalty}},
 * {{fees}} (overdue amounts in major units). The content guard accepts a placeholder where it
 * requires the institution, the reference or an itemised amount, so every template is checked as
 * written, before any use (test: message-templates.test.ts), and the rendered text again when it
 * is reserved. The wording states facts and options, never threats: it is what CN-CBA-04 and
 * US-05/US-15 allow, and the US texts carry the opt-out statement.
 */
export type MessageTemplate = { readonly id: string; readonly texts: Readonly<Record<Locale, string>> };

const ITEMS_ZH = '本金{{principal}}元、利息{{interest}}元、罚息{{penalty}}元、费用{{fees}}元';
const ITEMS_EN = 'principal {{principal}}, interest {{interest}}, penalty {{penalty}}, fees {{fees}}';
const VERIFY_ZH = '核验编号{{verification_ref}}，可在官方App“来电核验”中查询真伪。';
const VERIFY_EN = 'Check that this message is genuine with reference {{verification_ref}} on our portal.';
const STOP_EN = 'Reply STOP to opt out of text messages.';

export const MESSAGE_TEMPLATES: readonly MessageTemplate[] = [
  {
    id: 'gentle-reminder',
    texts: {
      'zh-CN': `【{{institution}}】您好，您的账单已逾期未还：${ITEMS_ZH}。请通过官方App还款；`
        + `如暂时困难，可在App中申请协商还款计划。${VERIFY_ZH}`,
      en: `{{institution}}: a payment on your account is past due: ${ITEMS_EN}. You can pay or ask for a `
        + `payment plan in the app. ${VERIFY_EN} ${STOP_EN}`,
    },
  },
  {
    id: 'payment-options',
    texts: {
      'zh-CN': `【{{institution}}】您目前逾期金额为：${ITEMS_ZH}。您可以一次还清、分期还款，或提交困难说明申请`
        + `减免与延期，我们会在3个工作日内答复。${VERIFY_ZH}`,
      en: `{{institution}}: the overdue amount is ${ITEMS_EN}. You can pay in full, pay in instalments, or `
        + `tell us about a hardship; we answer within 3 business days. ${VERIFY_EN} ${STOP_EN}`,
    },
  },
  {
    id: 'firm-notice',
    texts: {
      'zh-CN': `【{{institution}}】正式通知：您的借款已逾期超过30天，逾期金额为${ITEMS_ZH}。`
        + `逾期期间将按合同继续计收罚息。请尽快还款或联系我们协商还款计划；如对欠款有异议，可在官方App提出异议，核实期间暂停催收。`
        + `${VERIFY_ZH}`,
      en: `{{institution}}: formal notice. Your account is more than 30 days past due: ${ITEMS_EN}. `
        + `Penalty interest continues under your contract. Please pay or contact us to agree a plan; if you `
        + `dispute the debt, tell us in the app and collection pauses while we check. `
        + `${VERIFY_EN} ${STOP_EN}`,
    },
  },
  {
    id: 'bureau-pre-notice',
    texts: {
      'zh-CN': `【{{institution}}】提示：您的借款逾期金额为${ITEMS_ZH}。根据《征信业管理条例》，如在30日内仍未`
        + `还款，该逾期信息将报送金融信用信息基础数据库。如有异议，可在官方App提出。${VERIFY_ZH}`,
      en: `{{institution}}: your account is past due: ${ITEMS_EN}. If it is not paid or resolved within 30 `
        + `days, we may report the late payment to credit bureaus. If you dispute it, tell us in the app. `
        + `${VERIFY_EN} ${STOP_EN}`,
    },
  },
];

export function findMessageTemplate(id: string): MessageTemplate | null {
  return MESSAGE_TEMPLATES.find((template) => template.id === id) ?? null;
}
