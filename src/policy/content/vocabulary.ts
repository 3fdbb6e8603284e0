import { assert } from '../../stdx/assert.ts';

/**
 * Vocabulary families the content patterns name as `{FAMILY}` slots. A family is a set of ways to
 * say one thing: the people a debt must not be told to, the acts of telling, the words for
 * prison. Chinese entries are in the compact normalised form (simplified, no spaces); English
 * entries are lower-case words, one space apart, and may use regular-expression syntax.
 */
export const VOCABULARY: Readonly<Record<string, readonly string[]>> = {
  // Who a collector must not tell about the debt, or use as pressure.
  ZH_THIRD_PARTY: [
    '家人', '家里人', '家属', '父母', '爸妈', '爸爸', '妈妈', '老爸', '老妈', '老婆', '老公', '妻子', '丈夫', '爱人', '孩子',
    '子女', '儿子', '女儿', '亲戚', '亲友', '亲人', '朋友', '好友', '同事', '领导', '上司', '老板', '单位', '公司', '人事',
    'hr', '通讯录', '联系人', '紧急联系人', '邻居', '街坊', '村里', '村委', '村干部', '全村', '村民', '居委会', '物业', '老家',
    '学校', '老师', '同学', '朋友圈', '微信群', '群里', '抖音', '快手', '微博', '网上', '网络', '社交媒体', '全网', '小区',
    '身边的人', '所有人', '熟人', '全家', '家里', '工作单位', '公司群', '业主群', '家族群', '同学群', '亲戚群',
    '表哥', '表姐', '表弟', '表妹', '堂哥', '堂姐', '兄弟', '姐妹', '哥哥', '姐姐', '弟弟', '妹妹', '舅舅', '叔叔', '阿姨',
    '姑姑', '岳父', '岳母', '公婆', '前同事', '室友', '房东', '微信好友', '好友', '家长群', '社区', '群组', '客户',
    '全公司', '全单位', '一片', '村支书', '村长', '支书', '大喇叭', '身边每一个人', '每一个人', '每个人', '街坊邻居', '爹妈', '女婿', '儿媳', '对象',
    '男朋友', '女朋友', '乡亲', '乡亲们', '老乡', '村里人', '同村', '左邻右舍', '乡里乡亲', '亲家', '家族', '合伙人',
    '上级', '主管', '经理', '人事部', '单位领导', '公司领导', '部门领导', '财务', '同乡', '紧急联系人', '担保人', '通讯录好友',
    '爷爷', '奶奶', '外公', '外婆', '父亲', '母亲', '配偶', '媳妇', '家长', '亲朋', '亲朋好友', '亲戚朋友',
    '前妻', '前夫', '全世界', '整个村', '十里八乡', '街坊四邻', '乡邻', '宗亲', '老同学', '工友', '车间主任', '班主任',
  ],
  // Public places and groups where a debt is exposed.
  ZH_PUBLIC: [
    '朋友圈', '微信群', '抖音', '快手', '微博', '网上', '全网', '社交媒体', '群里', '家族群', '业主群', '公司群', '家长群',
    '村里', '全村', '小区', '公告栏', '村口', '村头', '门口', '楼道', '电梯', '社区', '群组', '贴吧', '论坛', '头条', '群', '公众号', '视频号',
    '小红书', '直播', '海报', '大字报', '横幅', '电线杆', '公示',
    '曝光台', '村委', '村委会', '居委会', '单位门口', '公司门口', '家门口',
  ],
  // Telling, sending, exposing, calling.
  ZH_TELL: [
    '通知', '告诉', '告知', '联系', '联络', '打给', '打电话给', '打到', '打遍', '打爆', '轰炸', '发给', '发到', '发至', '发送给',
    '群发', '曝光', '公开', '公布', '发布', '传到', '挂到', '挂在', '贴到', '贴在', '转告', '说给', '找', '去找', '上门找',
    '发短信给', '短信通知', '逐个通知', '挨个', '一个个', '拉群', '拉你', '广而告之', '宣传', '送到', '寄到', '寄给', '致电',
    '拜访', '看望', '见见', '问问', '联系上', '找到', '推送', '推送给', '发送', '散布', '传播', '转发', '通报',
    '走访', '外访', '家访', '约谈', '反映给', '打听', '聊聊', '谈谈', '说说', '知会', '发信给', '寄信给',
  ],
  // Prison, detention, arrest: plain words and slang.
  ZH_PRISON: [
    '坐牢', '蹲牢', '牢房', '牢饭', '吃牢饭', '牢狱', '牢底', '监狱', '蹲监狱', '进监狱', '入狱', '坐监', '看守所', '号子',
    '蹲号子', '局子', '进局子', '铁窗', '踩缝纫机', '缝纫机', '拘留', '刑拘', '拘役', '逮捕', '抓捕', '抓人', '抓你', '被抓',
    '带走', '手铐', '判刑', '坐班房', '班房', '蹲班房', '牢里', '吃公家饭', '进号', '拘捕', '羁押', '收监', '司法拘留',
    '行政拘留', '刑事拘留', '抓起来', '关起来', '铐走', '上手铐', '判几年', '判你', '服刑', '劳改', '蹲大牢', '大牢', '进去', '吃官司', '通缉', '坐穿',
  ],
  // Crime labels a collector may not pin on an ordinary overdue borrower.
  ZH_CRIME: [
    '诈骗', '骗贷', '犯罪', '刑事', '刑责', '刑法', '涉嫌', '恶意透支', '非法占有', '骗取', '经侦', '立案侦查', '案底', '前科',
    '罪名', '拒执罪', '诈骗罪', '信用卡诈骗', '贷款诈骗', '违法犯罪', '犯法', '逃废债', '恶意逃债', '刑事立案',
    '刑事案件', '刑事责任', '拒不执行', '欺诈', '诈骗罪', '非法集资', '洗钱', '侵占罪', '判决罪', '公诉', '有罪', '罪犯',
    '嫌疑人', '犯罪嫌疑', '骗贷罪', '恶意拖欠', '性质变了', '性质就变了', '上升到刑事',
  ],
  // Police and prosecutors.
  ZH_POLICE: [
    '公安', '警察', '警方', '派出所', '公安局', '经侦', '刑警', '民警', '检察院', '检察官', '网警', '110', '警局', '经侦支队', '经侦大队', '刑侦',
    '特警', '公安机关',
    '警官', '辅警', '公安系统', '公安部', '反诈中心',
  ],
  ZH_COURT: ['法院', '人民法院', '法庭', '法官', '执行局', '执行庭', '司法', '仲裁委', '仲裁庭'],
  ZH_GOV: ['政府', '银保监', '金融监管', '监管局', '人民银行', '公检法', '司法局', '街道办', '国家'],
  // Borrowing elsewhere: lenders, apps, people.
  ZH_LENDER: [
    '网贷', '贷款', '平台', '其他平台', '别的平台', '小贷', '高利贷', '口子', '信用卡', '花呗', '借呗', '白条', '微粒贷',
    '分期', '银行', '亲戚', '朋友', '家人', '同事', '父母', '别人', '身边人', '亲友',
  ],
  // Negation cues that put what follows in their scope.
  ZH_NEGATION: [
    '不会', '不要', '绝不', '绝对不', '决不', '并非', '并不', '不得', '不能', '不可能', '无权', '不是', '没有', '从不', '从来不',
    '不应', '不准', '禁止', '切勿', '请勿', '严禁', '不存在', '不涉及', '不构成', '不属于', '不必', '无需', '不用', '而非',
    '不再', '不予', '也不', '都不', '不可', '谨防', '警惕', '别信', '不信', '无须', '从未', '不打算',
    '不联系', '不打扰', '不通知', '不告诉', '不透露', '不找', '不上门', '不公开', '不泄露',
    '不建议', '避免', '拒绝', '不该', '不应该', '不允许', '不鼓励', '杜绝', '勿', '不曾', '未曾', '未经',
  ],
  // What ends a negation's scope: a condition's consequence, a new actor, a push.
  ZH_SCOPE_END: [
    '就', '则', '否则', '不然', '要不', '便', '那么', '的话', '我们', '我司', '马上', '立即', '还敢', '逼', '等着', '那就',
    '想', '希望', '将被', '会被', '以为',
  ],
  // Anti-fraud framing: the sentence warns about impostors.
  ZH_ANTI_FRAUD: [
    '谨防', '警惕', '冒充', '假冒', '防骗', '反诈提醒', '反诈提示', '反诈宣传', '不法分子', '诈骗分子', '自称', '骗子冒充', '谨慎', '以防', '上当',
    '官方渠道', '核实真伪', '勿信', '不要相信', '切勿相信', '均为诈骗', '的都是诈骗', '均属诈骗', '防止', '预防', '防范',
    '(?:都|均|全|皆)(?:是|为|属于?)(?:诈骗|骗局|骗子)', '冒用', '盗用', '被骗', '任何(?:人|个人|机构)~6(?:以|冒充|自称|要求)', '个人账户',
  ],
  EN_THIRD_PARTY: [
    'employer', 'boss', 'manager', 'supervisor', 'work', 'workplace', 'office', 'job', 'hr',
    'human resources',
    'coworkers?', 'co workers?', 'colleagues?', 'family', 'wife', 'husband', 'spouse', 'partner', 'kids',
    'children',
    'son', 'daughter', 'parents', 'mother', 'father', 'mom', 'dad', 'relatives', 'friends?', 'neighbou?rs?',
    'church', 'pastor', 'school', 'contacts', 'contact list', 'phone book', 'phonebook', 'everyone you know',
    'everybody you know', 'the whole town', 'your town', 'community', 'facebook', 'social media', 'instagram',
    'linkedin', 'twitter', 'tiktok', 'online', 'the internet', 'landlord', 'references?', 'in laws',
    'hr department', 'payroll', 'personnel', 'company', 'team', 'staff', 'brother', 'sister', 'siblings?',
    'grandparents?',
    'grandma', 'grandmother', 'grandpa', 'girlfriend', 'boyfriend', 'fianc[eé]e?', 'roommates?', 'cousins?',
    'aunt', 'uncle',
    'whole family', 'loved ones', 'people at work', 'people you work with', 'the people you love',
    'congregation',
    'neighborhood', 'neighbourhood', 'street', 'whatsapp', 'group chat', 'emergency contacts?',
    'ex wife', 'ex husband', 'stepdad', 'stepmom', 'mother in law', 'father in law', 'job site', 'teachers?',
    'tenants?',
    'everyone at work', 'everybody at work',
  ],
  EN_TELL: [
    'tell', 'telling', 'inform', 'informing', 'notify', 'notifying', 'call', 'calling', 'ring', 'text',
    'texting',
    'email', 'emailing', 'contact', 'contacting', 'reach out to', 'visit', 'visiting', 'show up at', 'go to',
    'let', 'post', 'posting', 'publish', 'share', 'sharing', 'expose', 'report you to', 'send', 'write to',
    'talk to', 'speak to', 'speak with', 'explain to', 'show', 'message', 'talking to', 'speaking to',
    'speaking with', 'chatting with', 'reaching out to', 'writing to', 'calling on',
    'letter to', 'a letter to', 'forward (?:this|it) to', 'alert', 'alerting', 'warn',
    'phone', 'phoning', 'stop by', 'drop by', 'swing by', 'pay a visit to', 'have a chat with',
    'have a word with', 'a chat with', 'a word with', 'loop in', 'involve', 'get in touch with', 'track down',
    'reach', 'reaching',
  ],
  EN_NEGATION: [
    'not', 'never', 'no one', 'nobody', 'cannot', 'can t', 'won t', 'don t', 'doesn t', 'isn t', 'aren t',
    'didn t', 'wouldn t', 'shouldn t', 'no', 'nor', 'neither', 'without', 'beware of', 'not going to',
    'nothing', 'none', 'no longer', 'never ever', 'will not', 'wasn t', 'weren t', 'haven t', 'hasn t',
  ],
  // A condition opened before a negation makes the negation the condition's ("if you do not pay …").
  EN_CONDITION: ['if', 'unless', 'when', 'until', 'whether', 'once'],
  ZH_CONDITION: ['如果', '要是', '假如', '倘若', '若', '万一', '只要'],
  EN_SCOPE_END: [
    'if', 'unless', 'then', 'otherwise', 'else', 'until', 'but', 'so', 'make', 'force', 'before',
    // "not paying this is a crime": the negation makes a subject of the act, and the claim stands.
    '\\w+ing (?:\\S+ ){0,3}?(?:is|are|was|will|would|could|can|may|means)',
  ],
  EN_ANTI_FRAUD: [
    'scam\\w*', 'impostors?', 'imposters?', 'impersonat\\w*', 'fraudsters?', 'pretending to be',
    'pretend to be',
    'claims? to be', 'claiming to be', 'posing as', 'claiming', 'if (?:anyone|someone|somebody)', 'beware',
    'phishing', 'be careful', 'fake',
    '(?:it|that|this) (?:is|s) (?:a )?(?:scam|fraud)',
  ],
};

/** Expands `{FAMILY}` slots into a non-capturing alternation. */
export function expandFamilies(source: string): string {
  return source.replace(/\{([A-Z_]+)\}/g, (_match, name: string) => {
    const family = VOCABULARY[name];
    assert(family !== undefined, `unknown vocabulary family ${name}`);
    return `(?:${[...family].sort((left, right) => right.length - left.length).join('|')})`;
  });
}
