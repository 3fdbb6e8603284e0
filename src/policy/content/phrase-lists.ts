/**
 * The phrases the content guard refuses, by reason code, in Chinese (matched on the compact form:
 * spacing and punctuation between characters do not hide them) and English (matched on word
 * boundaries; a trailing `*` also matches longer words). Phrases are written in their normalised
 * form: simplified characters, lower case.
 *
 * The lists follow the rule catalogue: threats, abuse and misleading legal consequences are the
 * CBA 2026 banned practices (CN-CBA-05); "fraud", "prison", "detention" and "the police are
 * involved" are false for an ordinary overdue loan (§2.10, CN-CRIM-01); posing as a court, the
 * police or a government body is banned (CN-CBA-04, Reg F §1006.18); urging a borrower to borrow
 * to repay (以贷养贷) is banned (CN-CBA-05, CONC 7.3.10R).
 */
export type PhraseReason =
  | 'threat_or_intimidation' | 'insult' | 'false_legal_claim' | 'impersonates_authority'
  | 'urges_borrowing_to_repay' | 'discloses_debt_to_third_party' | 'threatens_suit_on_time_barred_debt';

export type PhraseList = { readonly zh: readonly string[]; readonly en: readonly string[] };

export const BANNED_PHRASES: Readonly<Record<Exclude<PhraseReason,
  'discloses_debt_to_third_party' | 'threatens_suit_on_time_barred_debt'>, PhraseList>> = {
  false_legal_claim: {
    zh: [
      '诈骗', '骗贷', '涉嫌犯罪', '构成犯罪', '刑事责任', '追究刑事', '刑事案件', '坐牢', '判刑', '入狱', '拘留',
      '逮捕', '抓捕', '通缉', '立案', '公安已介入', '已报警', '报警处理', '移交公安', '移送公安', '经侦', '恶意透支',
      '黑名单', '失信被执行人', '失信人员', '查封', '强制执行', '冻结你的银行卡', '冻结银行卡', '冻结全部', '影响子女', '政审',
    ],
    en: [
      'arrest*', 'jail*', 'prison*', 'criminal*', 'crime*', 'fraud*', 'warrant*', 'prosecut*', 'felony',
      'handcuff*', 'blacklist*', 'garnish*', 'seize your', 'deport*', 'go to jail', 'locked up',
    ],
  },
  threat_or_intimidation: {
    zh: [
      '后果自负', '让你好看', '走着瞧', '等着瞧', '别怪我们', '对你不客气', '上门找你', '找到你家', '去你家', '堵你',
      '通知你的家人', '通知你家人', '告诉你家人', '通知你的亲友', '通知你的同事', '通知你单位', '通知你的单位',
      '爆通讯录', '打爆', '曝光', '全网公开', '公开你的', '社死', '社会性死亡', '弄死', '打死', '打断你', '废了你',
      '小心点', '小心你的', '你的家人也', '让你全家',
    ],
    en: [
      'or else', 'you will regret', 'you ll regret', 'we know where you live', 'we will come to your',
      'tell your employer', 'tell your family', 'tell your neighbors', 'tell your neighbours',
        'inform your employer',
      'contact your employer', 'ruin your', 'hurt you', 'kill', 'make your life', 'watch your back',
        'expose you',
    ],
  },
  insult: {
    zh: [
      '老赖', '骗子', '无赖', '不要脸', '垃圾', '废物', '畜生', '王八蛋', '去死', '傻逼', '傻b', '混蛋', '人渣',
      '脸皮厚', '没脸', '下贱',
    ],
    en: [
      'deadbeat*', 'idiot*', 'stupid', 'scum*', 'loser*', 'liar*', 'thief', 'thieves', 'moron*', 'worthless',
      'pathetic', 'shame on you', 'lowlife', 'bum',
    ],
  },
  impersonates_authority: {
    zh: [
      '法院通知', '法院传票', '传票', '本院', '法官', '执行局', '公安局', '派出所', '公安机关', '警察', '警官', '民警',
      '检察院', '检察官', '司法局', '司法机关', '政府部门', '执法人员', '金融监管局', '银保监',
    ],
    en: [
      'this is the police', 'police*', 'sheriff*', 'court officer', 'officer of the court', 'federal agent',
      'government agency', 'irs', 'fbi', 'department of justice', 'attorney general', 'summons',
        'court order',
      'process server',
    ],
  },
  urges_borrowing_to_repay: {
    zh: [
      '以贷养贷', '借新还旧', '拆东墙', '借钱还', '去借钱', '找朋友借', '找亲戚借', '找家人借', '网贷还',
      '其他平台借', '借呗还', '套现', '借高利贷', '撸口子', '办张信用卡',
    ],
    en: [
      'take out another loan', 'take another loan', 'payday loan*', 'borrow from*', 'borrow money',
      'use your credit card to pay', 'cash advance', 'another lender',
    ],
  },
};

/** Words that reveal a debt: refused in a message to a third party and in a limited-content voicemail. */
export const DEBT_WORDS: PhraseList = {
  zh: [
    '欠款', '欠钱', '欠债', '欠费', '拖欠', '逾期', '债务', '还款', '还钱', '催收', '借款', '贷款', '账单', '应还',
    '未还', '违约', '老赖', '结清', '本金', '利息', '罚息',
  ],
  en: [
    'debt*', 'owe', 'owes', 'owed', 'owing', 'overdue', 'past due', 'loan*', 'collect*', 'balance*',
      'arrear*',
    'repay*', 'payment*', 'delinquen*', 'default*',
  ],
};

/** Words that threaten legal action: refused when the debt is time-barred (US-12). */
export const SUIT_WORDS: PhraseList = {
  zh: ['起诉', '诉讼', '法院', '律师函'],
  en: ['sue', 'suing', 'sued', 'lawsuit*', 'legal action', 'court', 'file suit', 'litigation',
    'take you to court'],
};

/** An opt-out statement for electronic messages (US-05). */
export const OPT_OUT_WORDS: PhraseList = {
  zh: ['退订', '回复td', '回td'],
  en: ['reply stop', 'text stop', 'send stop', 'unsubscribe*', 'opt out', 'stop receiving'],
};

/** A request to reply, required in a limited-content voicemail (US-07). */
export const REPLY_WORDS: PhraseList = {
  zh: ['回电', '致电', '联系我们', '请回复'],
  en: ['call', 'please call', 'return', 'reply', 'contact', 'reach'],
};

/** Labels of the itemised components (CN-RATE-04, US-10). */
export const AMOUNT_LABELS = {
  principal: { zh: ['本金'], en: ['principal'] },
  interest: { zh: ['利息'], en: ['interest'] },
  penalty: { zh: ['罚息', '违约金', '逾期利息'], en: ['penalty', 'late fee*', 'late charge*'] },
  fees: { zh: ['费用', '服务费', '手续费'], en: ['fee*', 'charge*'] },
} as const satisfies Record<string, PhraseList>;
