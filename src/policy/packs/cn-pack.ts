import { definePack } from '../pack.ts';
import { rule as cnGbt01 } from '../rules/time/cn-gbt-01/rule.ts';
import { rule as cnCba01 } from '../rules/time/cn-cba-01/rule.ts';
import { rule as cnCivil01 } from '../rules/consent/cn-civil-01/rule.ts';
import { rule as cnGbt02 } from '../rules/frequency/cn-gbt-02/rule.ts';
import { rule as cnNifa2302 } from '../rules/frequency/cn-nifa23-02/rule.ts';
import { rule as cnCba02 } from '../rules/frequency/cn-cba-02/rule.ts';
import { rule as cnGbt03 } from '../rules/third-party/cn-gbt-03/rule.ts';
import { rule as cnCba03 } from '../rules/third-party/cn-cba-03/rule.ts';
import { rule as cnCrr03 } from '../rules/hold/cn-crr-03/rule.ts';
import { rule as cnHold01 } from '../rules/hold/cn-hold-01/rule.ts';
import { rule as cnHold02 } from '../rules/hold/cn-hold-02/rule.ts';
import { rule as cnHold03 } from '../rules/hold/cn-hold-03/rule.ts';
import { rule as cnHold04 } from '../rules/hold/cn-hold-04/rule.ts';
import { rule as cnHold05 } from '../rules/hold/cn-hold-05/rule.ts';
import { rule as cnNifa2303 } from '../rules/agency/cn-nifa23-03/rule.ts';
import { rule as cnCba05 } from '../rules/conduct/cn-cba-05/rule.ts';
import { rule as cnCba04 } from '../rules/conduct/cn-cba-04/rule.ts';
import { rule as cnCrim01 } from '../rules/conduct/cn-crim-01/rule.ts';
import { rule as cnRate04 } from '../rules/conduct/cn-rate-04/rule.ts';
import { rule as cnVisit01 } from '../rules/visit/cn-visit-01/rule.ts';
import { rule as cnInt01 } from '../rules/visit/cn-int-01/rule.ts';
import { rule as cnVisit03 } from '../rules/visit/cn-visit-03/rule.ts';
import { rule as cnVisit04 } from '../rules/visit/cn-visit-04/rule.ts';
import { rule as cnInt02 } from '../rules/visit/cn-int-02/rule.ts';
import { rule as cnCrr01 } from '../rules/reporting/cn-crr-01/rule.ts';

/**
 * The China pack: quiet hours, pooled call caps, the contact-person gate, holds, agencies, the content
 * guard, field visits
 * and credit reporting, in the order a Decision lists them.
 */
export const CN_PACK = definePack({
  id: 'CN',
  title: 'China: GB/T 45251-2025, CBA 2026, NIFA 2023, Civil Code, Credit Reporting Regulation, Criminal Law',
  locale: 'zh-CN',
  rules: [
    cnGbt01, cnCba01, cnCivil01, cnGbt02, cnNifa2302, cnCba02, cnGbt03, cnCba03, cnCrr03, cnHold01,
      cnHold02, cnHold03, cnHold04, cnHold05, cnNifa2303, cnCba05, cnCba04, cnCrim01, cnRate04, cnVisit01,
        cnInt01, cnVisit03, cnVisit04, cnInt02, cnCrr01,
  ],
});
