import { definePatterns } from '../../../content/content-pattern.ts';

/**
 * CN-CRIM-01: false criminal or enforcement claims. Overdue consumer debt is a civil matter: a
 * collector may say the lender may sue, and that overdue records go to the credit reference centre,
 * but not that the borrower committed a crime, will be detained or jailed, that the police are
 * involved, or that the family will suffer a criminal record. Anti-fraud warnings that name these
 * words to warn about impostors are framed, and negations ("不涉及刑事责任") are read as such.
 */
export const patterns = definePatterns([
  { id: 'zh-crime-label', reason: 'false_legal_claim', lang: 'zh', pattern: '{ZH_CRIME}',
    unless: '{ZH_ANTI_FRAUD}' },
  { id: 'zh-prison', reason: 'false_legal_claim', lang: 'zh',
    pattern: '{ZH_PRISON}|(?:关|抓|送|弄)进去|进去(?:蹲|待|住)|(?:里面|进去|局子|派出所)~2喝茶|请你喝茶|去里面|进里面|把你带走|被带走|包吃包住|(?:坐|'
      + '关|蹲|判)(?:几|个|上|好几)?(?:年|个月)',
    unless: '{ZH_ANTI_FRAUD}' },
  { id: 'zh-police-involved', reason: 'false_legal_claim', lang: 'zh',
    pattern: '{ZH_POLICE}~6(?:介入|立案|上门|抓|找你|处理|调查|备案|传唤|出动|来|已经|会|将|定位)',
    unless: '{ZH_ANTI_FRAUD}|(?:您|你)(?:可以|可|有权)~4(?:报警|报案|{ZH_POLICE})|如遇|遇到|拨打110' },
  { id: 'zh-report-to-police', reason: 'false_legal_claim', lang: 'zh',
    pattern: '报警|报案|(?:移交|移送|交给|交由|转交|上报)~2{ZH_POLICE}',
    // Telling the borrower to go to the police (identity theft, a fraudster) is advice, not a threat.
    unless: '{ZH_ANTI_FRAUD}|(?:您|你)(?:可以|可|有权|应|应当|请)~10(?:报警|报案)|请~10(?:报警|报案)|如遇|遇到|请立即报警' },
  { id: 'zh-family-record', reason: 'false_legal_claim', lang: 'zh',
    pattern: '(?:影响|连累|牵连|耽误)~6(?:子女|孩子|后代|下一代|家人|儿子|女儿)~6(?:上学|考公|政审|当兵|参军|入党|工作|前途|读书|考编)'
      + '|(?:子女|孩子|三代|后代)~4(?:不能|无法|没法|考不了|当不了)~4(?:考公|当兵|参军|政审|上学|读书|考编|公务员)|政审' },
  { id: 'zh-blacklist', reason: 'false_legal_claim', lang: 'zh',
    pattern: '黑名单|黑户|失信名单|别想坐|坐不上|拉黑全国|全国通报|全国通缉|纳入失信|失信被执行人|失信人员|限制出行|限高|限制高消费'
      + '|(?:坐不了|不能坐|无法坐|禁止坐)~2(?:飞机|高铁|火车)|限制出境|禁止出境|不能出国|护照~4(?:注销|冻结|作废)'
      + '|身份证~6(?:标记|冻结|注销|拉黑)|(?:住酒店|坐火车|坐飞机|坐高铁|出行|乘车)~6(?:被查|被拦|受限|拦截)',
    unless: '判决|裁定|生效|法院已|经法院|依法申请' },
  { id: 'zh-seize-without-judgment', reason: 'false_legal_claim', lang: 'zh',
    pattern: '(?:冻结|查封|扣押|拍卖|划扣|扣光|收走|没收)~6(?:银行卡|账户|房|车|工资|财产|资产|微信|支付宝|名下|所有)'
      + '|强制执行|上门执行',
    unless: '判决|裁定|生效|依法申请|申请法院|可能|可依法|有权依法|经法院' },
]);
