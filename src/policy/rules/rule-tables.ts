import type { Pack } from '../pack.ts';
import { CN_PACK } from '../packs/cn-pack.ts';
import { US_PACK } from '../packs/us-pack.ts';
import type { Rule } from '../rule.ts';
import type { RuleCase } from './rule-case.ts';
import { cases as cnGbt01Cases } from './time/cn-gbt-01/cases.ts';
import { rule as cnGbt01 } from './time/cn-gbt-01/rule.ts';
import { cases as cnCba01Cases } from './time/cn-cba-01/cases.ts';
import { rule as cnCba01 } from './time/cn-cba-01/rule.ts';
import { cases as cnCivil01Cases } from './consent/cn-civil-01/cases.ts';
import { rule as cnCivil01 } from './consent/cn-civil-01/rule.ts';
import { cases as cnGbt02Cases } from './frequency/cn-gbt-02/cases.ts';
import { rule as cnGbt02 } from './frequency/cn-gbt-02/rule.ts';
import { cases as cnNifa2302Cases } from './frequency/cn-nifa23-02/cases.ts';
import { rule as cnNifa2302 } from './frequency/cn-nifa23-02/rule.ts';
import { cases as cnCba02Cases } from './frequency/cn-cba-02/cases.ts';
import { rule as cnCba02 } from './frequency/cn-cba-02/rule.ts';
import { cases as cnGbt03Cases } from './third-party/cn-gbt-03/cases.ts';
import { rule as cnGbt03 } from './third-party/cn-gbt-03/rule.ts';
import { cases as cnCba03Cases } from './third-party/cn-cba-03/cases.ts';
import { rule as cnCba03 } from './third-party/cn-cba-03/rule.ts';
import { cases as cnCrr03Cases } from './hold/cn-crr-03/cases.ts';
import { rule as cnCrr03 } from './hold/cn-crr-03/rule.ts';
import { cases as cnHold01Cases } from './hold/cn-hold-01/cases.ts';
import { rule as cnHold01 } from './hold/cn-hold-01/rule.ts';
import { cases as cnHold02Cases } from './hold/cn-hold-02/cases.ts';
import { rule as cnHold02 } from './hold/cn-hold-02/rule.ts';
import { cases as cnHold03Cases } from './hold/cn-hold-03/cases.ts';
import { rule as cnHold03 } from './hold/cn-hold-03/rule.ts';
import { cases as cnHold04Cases } from './hold/cn-hold-04/cases.ts';
import { rule as cnHold04 } from './hold/cn-hold-04/rule.ts';
import { cases as cnHold05Cases } from './hold/cn-hold-05/cases.ts';
import { rule as cnHold05 } from './hold/cn-hold-05/rule.ts';
import { cases as cnNifa2303Cases } from './agency/cn-nifa23-03/cases.ts';
import { rule as cnNifa2303 } from './agency/cn-nifa23-03/rule.ts';
import { cases as cnCba05Cases } from './conduct/cn-cba-05/cases.ts';
import { rule as cnCba05 } from './conduct/cn-cba-05/rule.ts';
import { cases as cnCba04Cases } from './conduct/cn-cba-04/cases.ts';
import { rule as cnCba04 } from './conduct/cn-cba-04/rule.ts';
import { cases as cnCrim01Cases } from './conduct/cn-crim-01/cases.ts';
import { rule as cnCrim01 } from './conduct/cn-crim-01/rule.ts';
import { cases as cnRate04Cases } from './conduct/cn-rate-04/cases.ts';
import { rule as cnRate04 } from './conduct/cn-rate-04/rule.ts';
import { cases as cnVisit01Cases } from './visit/cn-visit-01/cases.ts';
import { rule as cnVisit01 } from './visit/cn-visit-01/rule.ts';
import { cases as cnInt01Cases } from './visit/cn-int-01/cases.ts';
import { rule as cnInt01 } from './visit/cn-int-01/rule.ts';
import { cases as cnVisit03Cases } from './visit/cn-visit-03/cases.ts';
import { rule as cnVisit03 } from './visit/cn-visit-03/rule.ts';
import { cases as cnVisit04Cases } from './visit/cn-visit-04/cases.ts';
import { rule as cnVisit04 } from './visit/cn-visit-04/rule.ts';
import { cases as cnInt02Cases } from './visit/cn-int-02/cases.ts';
import { rule as cnInt02 } from './visit/cn-int-02/rule.ts';
import { cases as cnCrr01Cases } from './reporting/cn-crr-01/cases.ts';
import { rule as cnCrr01 } from './reporting/cn-crr-01/rule.ts';
import { cases as us01Cases } from './time/us-01/cases.ts';
import { rule as us01 } from './time/us-01/rule.ts';
import { cases as us04Cases } from './consent/us-04/cases.ts';
import { rule as us04 } from './consent/us-04/rule.ts';
import { cases as us03Cases } from './frequency/us-03/cases.ts';
import { rule as us03 } from './frequency/us-03/rule.ts';
import { cases as us08Cases } from './third-party/us-08/cases.ts';
import { rule as us08 } from './third-party/us-08/rule.ts';
import { cases as us11Cases } from './hold/us-11/cases.ts';
import { rule as us11 } from './hold/us-11/rule.ts';
import { cases as us09Cases } from './notice/us-09/cases.ts';
import { rule as us09 } from './notice/us-09/rule.ts';
import { cases as us15Cases } from './conduct/us-15/cases.ts';
import { rule as us15 } from './conduct/us-15/rule.ts';
import { cases as us05Cases } from './conduct/us-05/cases.ts';
import { rule as us05 } from './conduct/us-05/rule.ts';
import { cases as us07Cases } from './conduct/us-07/cases.ts';
import { rule as us07 } from './conduct/us-07/rule.ts';
import { cases as us12Cases } from './conduct/us-12/cases.ts';
import { rule as us12 } from './conduct/us-12/rule.ts';
import { cases as us13Cases } from './reporting/us-13/cases.ts';
import { rule as us13 } from './reporting/us-13/rule.ts';
import { cases as us02Cases } from './place/us-02/cases.ts';
import { rule as us02 } from './place/us-02/rule.ts';
import { cases as us06Cases } from './conduct/us-06/cases.ts';
import { rule as us06 } from './conduct/us-06/rule.ts';
import { cases as us17Cases } from './third-party/us-17/cases.ts';
import { rule as us17 } from './third-party/us-17/rule.ts';

/**
 * Every rule with its pack, its folder under src/policy/rules/ and its test table: the input of
 * the generated policy pages and of the check that every rule has a denied and an allowed case.
 */
export type RuleTable = {
  readonly pack: Pack; readonly rule: Rule; readonly cases: readonly RuleCase[]; readonly folder: string;
};

export const RULE_TABLES: readonly RuleTable[] = [
  { pack: CN_PACK, rule: cnGbt01, cases: cnGbt01Cases, folder: 'time/cn-gbt-01' },
  { pack: CN_PACK, rule: cnCba01, cases: cnCba01Cases, folder: 'time/cn-cba-01' },
  { pack: CN_PACK, rule: cnCivil01, cases: cnCivil01Cases, folder: 'consent/cn-civil-01' },
  { pack: CN_PACK, rule: cnGbt02, cases: cnGbt02Cases, folder: 'frequency/cn-gbt-02' },
  { pack: CN_PACK, rule: cnNifa2302, cases: cnNifa2302Cases, folder: 'frequency/cn-nifa23-02' },
  { pack: CN_PACK, rule: cnCba02, cases: cnCba02Cases, folder: 'frequency/cn-cba-02' },
  { pack: CN_PACK, rule: cnGbt03, cases: cnGbt03Cases, folder: 'third-party/cn-gbt-03' },
  { pack: CN_PACK, rule: cnCba03, cases: cnCba03Cases, folder: 'third-party/cn-cba-03' },
  { pack: CN_PACK, rule: cnCrr03, cases: cnCrr03Cases, folder: 'hold/cn-crr-03' },
  { pack: CN_PACK, rule: cnHold01, cases: cnHold01Cases, folder: 'hold/cn-hold-01' },
  { pack: CN_PACK, rule: cnHold02, cases: cnHold02Cases, folder: 'hold/cn-hold-02' },
  { pack: CN_PACK, rule: cnHold03, cases: cnHold03Cases, folder: 'hold/cn-hold-03' },
  { pack: CN_PACK, rule: cnHold04, cases: cnHold04Cases, folder: 'hold/cn-hold-04' },
  { pack: CN_PACK, rule: cnHold05, cases: cnHold05Cases, folder: 'hold/cn-hold-05' },
  { pack: CN_PACK, rule: cnNifa2303, cases: cnNifa2303Cases, folder: 'agency/cn-nifa23-03' },
  { pack: CN_PACK, rule: cnCba05, cases: cnCba05Cases, folder: 'conduct/cn-cba-05' },
  { pack: CN_PACK, rule: cnCba04, cases: cnCba04Cases, folder: 'conduct/cn-cba-04' },
  { pack: CN_PACK, rule: cnCrim01, cases: cnCrim01Cases, folder: 'conduct/cn-crim-01' },
  { pack: CN_PACK, rule: cnRate04, cases: cnRate04Cases, folder: 'conduct/cn-rate-04' },
  { pack: CN_PACK, rule: cnVisit01, cases: cnVisit01Cases, folder: 'visit/cn-visit-01' },
  { pack: CN_PACK, rule: cnInt01, cases: cnInt01Cases, folder: 'visit/cn-int-01' },
  { pack: CN_PACK, rule: cnVisit03, cases: cnVisit03Cases, folder: 'visit/cn-visit-03' },
  { pack: CN_PACK, rule: cnVisit04, cases: cnVisit04Cases, folder: 'visit/cn-visit-04' },
  { pack: CN_PACK, rule: cnInt02, cases: cnInt02Cases, folder: 'visit/cn-int-02' },
  { pack: CN_PACK, rule: cnCrr01, cases: cnCrr01Cases, folder: 'reporting/cn-crr-01' },
  { pack: US_PACK, rule: us01, cases: us01Cases, folder: 'time/us-01' },
  { pack: US_PACK, rule: us04, cases: us04Cases, folder: 'consent/us-04' },
  { pack: US_PACK, rule: us03, cases: us03Cases, folder: 'frequency/us-03' },
  { pack: US_PACK, rule: us08, cases: us08Cases, folder: 'third-party/us-08' },
  { pack: US_PACK, rule: us11, cases: us11Cases, folder: 'hold/us-11' },
  { pack: US_PACK, rule: us09, cases: us09Cases, folder: 'notice/us-09' },
  { pack: US_PACK, rule: us15, cases: us15Cases, folder: 'conduct/us-15' },
  { pack: US_PACK, rule: us05, cases: us05Cases, folder: 'conduct/us-05' },
  { pack: US_PACK, rule: us07, cases: us07Cases, folder: 'conduct/us-07' },
  { pack: US_PACK, rule: us12, cases: us12Cases, folder: 'conduct/us-12' },
  { pack: US_PACK, rule: us13, cases: us13Cases, folder: 'reporting/us-13' },
  { pack: US_PACK, rule: us02, cases: us02Cases, folder: 'place/us-02' },
  { pack: US_PACK, rule: us06, cases: us06Cases, folder: 'conduct/us-06' },
  { pack: US_PACK, rule: us17, cases: us17Cases, folder: 'third-party/us-17' },
];
