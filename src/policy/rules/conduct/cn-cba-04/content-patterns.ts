import { definePatterns } from '../../../content/content-pattern.ts';

/**
 * CN-CBA-04: no text may pose as a court, the police, a procuratorate or a government body. A
 * header or a self-description in their name, a summons, an "enforcement notice" from a collector
 * are the acts; naming them to warn the borrower about impostors is not.
 */
export const patterns = definePatterns([
  { id: 'zh-authority-notice', reason: 'impersonates_authority', lang: 'zh',
    pattern: '(?:{ZH_COURT}|{ZH_POLICE}|{ZH_GOV}|检察院)~2(?:通知|传票|公告|告知书|执行令|协查|函|通告|令|文书|决定书)'
      + '|传票|协查通报|协助调查|拘传|逮捕令|通缉令'
      + '|(?:{ZH_COURT}|{ZH_POLICE}|检察院|{ZH_GOV})~4(?:您的|你的)案件(?:已|将|正在)'
      + '|(?:{ZH_COURT}|{ZH_POLICE}|{ZH_GOV}|检察院)~12(?:执行通知|传唤|通知书|告知书|协查)|到~4派出所~4(?:说明|报到|配合)',
    // A suit really filed: the court serves its own summons, and the collector only points to it.
    unless: '{ZH_ANTI_FRAUD}|法院(?:依法)?送达|以~8为准|已(?:经)?受理|案号' },
  { id: 'zh-claims-authority', reason: 'impersonates_authority', lang: 'zh',
    pattern: '(?:我|我们|本人|这里)是~6(?:{ZH_COURT}|{ZH_POLICE}|检察院|政府|执行局|调解中心|仲裁|监管|公证处|律师事务所)'
      + '|(?:受|代表|奉)~4(?:{ZH_COURT}|{ZH_POLICE}|{ZH_GOV}|检察院)~4(?:委托|指派|之命|命令)'
      + '|(?:司法|执行|法院|公安|检察)(?:专员|人员|干警|工作人员|调解员)'
      + '|(?:{ZH_COURT}|执行局|{ZH_POLICE})(?:已|将|会)?(?:派|委派|指派)'
      + '|(?:由|经|受|获)~6(?:{ZH_COURT}|{ZH_POLICE}|{ZH_GOV}|检察院)~4(?:授权|委托|指派|签发|批准)',
    unless: '{ZH_ANTI_FRAUD}' },
  { id: 'zh-authority-sender', reason: 'impersonates_authority', lang: 'zh',
    pattern: '^(?:[\\u4e00-\\u9fa5a-z]{0,6}?(?:省|市|区|县|州|镇)|最高)?(?:{ZH_COURT}|{ZH_POLICE}|检察院|公安局|{ZH_GOV})',
    unless: '{ZH_ANTI_FRAUD}|判决|裁定|生效|案号' },
]);
