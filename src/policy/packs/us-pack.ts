import { definePack } from '../pack.ts';
import { rule as us01 } from '../rules/time/us-01/rule.ts';
import { rule as us04 } from '../rules/consent/us-04/rule.ts';
import { rule as us03 } from '../rules/frequency/us-03/rule.ts';
import { rule as us08 } from '../rules/third-party/us-08/rule.ts';
import { rule as us11 } from '../rules/hold/us-11/rule.ts';
import { rule as us09 } from '../rules/notice/us-09/rule.ts';
import { rule as us15 } from '../rules/conduct/us-15/rule.ts';
import { rule as us05 } from '../rules/conduct/us-05/rule.ts';
import { rule as us07 } from '../rules/conduct/us-07/rule.ts';
import { rule as us12 } from '../rules/conduct/us-12/rule.ts';
import { rule as us13 } from '../rules/reporting/us-13/rule.ts';
import { rule as us02 } from '../rules/place/us-02/rule.ts';
import { rule as us06 } from '../rules/conduct/us-06/rule.ts';
import { rule as us17 } from '../rules/third-party/us-17/rule.ts';

/**
 * The US pack (Regulation F): inconvenient times, medium opt-outs, call frequency, third parties, disputes,
 * the validation notice, conduct and content, time-barred debt, credit reporting, inconvenient places,
 * employer email and attorney representation, in the order a Decision lists them (later rules were added
 * at the end, so earlier Decisions list theirs in the same order).
 */
export const US_PACK = definePack({
  id: 'US',
  title: 'United States: Regulation F (12 CFR part 1006)',
  locale: 'en',
  rules: [
    us01, us04, us03, us08, us11, us09, us15, us05, us07, us12, us13, us02, us06, us17,
  ],
});
