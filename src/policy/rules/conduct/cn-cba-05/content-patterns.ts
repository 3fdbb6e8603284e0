import { definePatterns } from '../../../content/content-pattern.ts';

/**
 * CN-CBA-05: threats and intimidation, insults, and pushing the borrower to borrow to repay
 * (以贷养贷). A threat is an act aimed at someone: telling or shaming the debt to family,
 * employer, contacts, village or a public group; coming to the home; harm; endless calls.
 * A promise not to do these ("我们不会联系您的家人") and a warning against borrowing ("请勿以贷
 * 养贷") are the rule at work and pass. Insults are never excused by a negation before them.
 */
export const patterns = definePatterns([
  { id: 'zh-tell-third-party', reason: 'threat_or_intimidation', lang: 'zh',
    pattern: '{ZH_TELL}~6(?:你|您)(?:的|们|家)?(?:所有|全部|每个|每一个|身边)?的?{ZH_THIRD_PARTY}'
      + '|(?:跟|和|向|找)(?:你|您)(?:的|们|家)?{ZH_THIRD_PARTY}~6(?:说|讲|了解|反映|聊|沟通|谈|打听|核实|告)'
      + '|(?:你|您)(?:的|们|家)?{ZH_THIRD_PARTY}~6(?:收到|接到|知道|看到|听说)~4(?:短信|电话|消息|欠|这件事|你的事)'
      + '|{ZH_THIRD_PARTY}~8(?:都|也|就|马上|全)?(?:会|将)?(?:知道|得知|接到我们|收到我们|看到你|被通知|被联系|挨个打|一个个打|打一遍)'
      + '|(?:你|您)(?:的|们|家)?{ZH_THIRD_PARTY}~6(?:住哪|住在哪|在哪(?:个)?(?:上学|上班|工作|学校))'
      + '|(?:去|到|上|找)~4(?:你|您)(?:的|们|家)?{ZH_THIRD_PARTY}~8(?:拜年|拜访|坐坐|聊聊|谈谈|说说|讲讲|走一趟|看看|反映|评理)'
      + '|给(?:你|您)(?:的|们|家)?{ZH_THIRD_PARTY}~6(?:拜年|打电话|打个电话|发短信|发消息|发信息|寄|送|捎|递)' },
  // Holding the numbers or addresses of the borrower's people is pressure; asking the borrower to
  // update an emergency contact's number is ordinary account upkeep.
  { id: 'zh-third-party-contacts', reason: 'threat_or_intimidation', lang: 'zh',
    pattern: '(?:你|您)(?:的|们|家)?{ZH_THIRD_PARTY}~4(?:电话|手机|号码|联系方式|地址|住址)',
    unless: '(?:核实|更新|提供|确认|补充|填写|修改|变更|登记|留存)~8(?:电话|手机|号码|联系方式|地址|住址)' },
  { id: 'zh-everyone-knows', reason: 'threat_or_intimidation', lang: 'zh',
    pattern: '(?:所有人|全世界|全村|整个村|十里八乡|街坊四邻|每个人)~4(?:都|就|全)?(?:会|将|要)?(?:知道|晓得|看到|认识你|议论)' },
  { id: 'zh-shame-family', reason: 'threat_or_intimidation', lang: 'zh',
    pattern: '丢人~10{ZH_THIRD_PARTY}|{ZH_THIRD_PARTY}~10丢人|脸往哪(?:儿)?(?:放|搁)'
      + '|当着~10(?:面|大家|所有人)|指指点点|戳(?:你的?|他的?)?脊梁|戳脊梁骨|让(?:你|您)~4难堪|出丑|没法做人|无地自容' },
  { id: 'zh-family-idiom', reason: 'threat_or_intimidation', lang: 'zh', negatable: false,
    pattern: '(?:家人|全家|孩子|父母|老婆|老公|家里)~8(?:不会好过|好过不了|没好日子|不得安宁|鸡犬不宁)' },
  { id: 'zh-come-to-place', reason: 'threat_or_intimidation', lang: 'zh',
    pattern: '(?:到|去|在|来|上)(?:你|您)(?:的|们)?(?:老家|家|家里|家楼下|单位|公司|村|学校|楼下|门口|小区|上班的地方|工作的地方'
      + '|住的地方|住处|住所|出租屋|宿舍|户籍地|户籍所在地|厂里|店里|工地|父母家|娘家|婆家)'
      + '|(?:前往|到|去|赴)~8(?:户籍所在地|户籍地|老家|村委会?|居委会|工作单位|单位|公司|住所|住处|家中)~10(?:了解|走访|核实|调查|打听|找|拜访|反映|通知|说明)' },
  { id: 'zh-expose-publicly', reason: 'threat_or_intimidation', lang: 'zh',
    pattern: '(?:{ZH_TELL}|上|进|挂|发|出现在|发在|传到|贴在|转发到|拉进|拉到)~8{ZH_PUBLIC}'
      + '|爆(?:你的?|了你的?)?通讯录|通讯录~8(?:爆|轰炸|全部打|挨个打|一个个打|都打|打一遍|导出|群发|发给|曝光)|曝光|公之于众'
      + '|(?:公开|公布|发布|散布|张贴)(?:你|您)的?~4(?:照片|身份证|信息|欠款|资料|隐私|电话|地址|住址)' },
  { id: 'zh-let-them-know', reason: 'threat_or_intimidation', lang: 'zh',
    pattern: '让(?:你的?|您的?)?(?:身边)?(?:{ZH_THIRD_PARTY}|大家|所有人|全村人?|别人|全世界)~4(?:知道|看看|评评理|都知道|了解|认识你)' },
  { id: 'zh-shame', reason: 'threat_or_intimidation', lang: 'zh', negatable: false,
    pattern: '社死|社会性死亡|身败名裂|颜面扫地|抬不起头|丢人现眼|没脸见人|名声扫地|臭名远扬' },
  { id: 'zh-family-harm', reason: 'threat_or_intimidation', lang: 'zh',
    pattern: '(?:家人|全家|孩子|父母|老婆|老公|家里)~6(?:牵连|连累|遭殃|不得安宁|不好过|受影响|出事|倒霉|吃苦头)' },
  { id: 'zh-come-to-you', reason: 'threat_or_intimidation', lang: 'zh',
    pattern: '(?:上门|去你|到你|去您|到您)~4(?:找你|堵|闹|要债|讨债|要账|坐着|等你|守着|蹲)'
      + '|带(?:人|兄弟|几个人|一帮人|一群人)~4(?:上门|过去|去你|找你|到你)'
      + '|(?:派人|安排人|叫人|找人)~4(?:去你|到你|上门|找你|堵你|收拾)'
      + '|带(?:几个|一帮|一群|些|上)?(?:人|兄弟|弟兄|朋友)~6(?:上门|过去|去你|找你|到你|坐坐|拜访|聊聊)'
      + '|(?:查到|摸清|掌握|找到|打听到|知道)(?:了)?(?:你|您)~8(?:住址|住的|住在|家在|出租屋|老家|上班的|公司地址|单位地址|家庭地址)'
      + '|(?:过去|上门|去你家|到你家|家里)坐坐|喝喝茶|外访人员~10(?:去|到|上门)' },
  { id: 'zh-menace', reason: 'threat_or_intimidation', lang: 'zh', negatable: false,
    pattern: '弄死|打死|打残|打断你|废了你|砍你|卸你|收拾你|教训你|搞死|整死|办了你|让你好看|走着瞧|等着瞧|后果自负'
      + '|别怪我|对你不客气|就不客气|不客气了|不放过你|不会放过|饶不了你|吃不了兜着走|没有?好果子|有你好看|有你受的|小心点|小心你的|出门小心'
      + '|你家住哪|知道你住|知道你家|让你全家|日子不好过|不得安宁|鸡犬不宁|活不下去|生不如死|见血|血光|你等着'
      + '|躲得了初一|躲不过十五|跑得了和尚|不是吃素的|放聪明点|识相点|识相的|颜色看看|掂量掂量|好自为之|不识抬举|敬酒不吃|兜着走|有你受|别后悔|会后悔'
      + '|有的是办法|有的是时间|陪你玩|慢慢玩|别哭|付出代价|待不下去|混不下去|丢(?:了)?(?:工作|饭碗)|工作还想不想要'
      + '|门锁好|锁好门|注意安全|小心(?:点|些)?(?:你|您)?的?(?:家人|孩子|安全)|走夜路|我们的人~4(?:在|到|去)|认识我们了'
      + '|下场|都怎么样了|出(?:点|个)?(?:什么)?(?:意外|事情)|发生(?:点|个)?(?:什么)?意外|人身安全'
      + '|好好想想(?:你|您)的?(?:家人|家里人|孩子|父母|老婆|老公|爸妈|家里)|给(?:你|您)?脸|给脸不要|不讲情面|撕破脸|不留情面'
      + '|等着看|走着看|道上|非常手段|特殊手段|强硬手段|极端手段|不择手段|江湖手段|让(?:你|您)~4(?:难看|不好看)|脸上~6(?:不好看|难看|挂不住)|兄弟们~6(?:去|到|找'
        + '|上门)|不死也|让你后悔|后悔一辈子|吃点苦头|尝尝' },
  { id: 'zh-pressure-review', reason: 'threat_or_intimidation', lang: 'zh', confidence: 'low',
    pattern: '后果(?:很|非常|会很)?严重|承担不起|最后通牒|最后一次机会|别逼|不要逼|你看着办|自己看着办' },
  { id: 'zh-harass-calls', reason: 'threat_or_intimidation', lang: 'zh',
    pattern: '(?:天天|每天|一天到晚|24小时|不停|轮番|持续|无限)~4(?:打|轰炸|骚扰|打电话|呼)|打到你(?:接|还|崩溃)|打爆|轰炸'
      + '|响个不停|打个不停|不停地?打|一直打|轮流打|打到(?:你)?(?:接|还|崩溃|关机|换号)|狂打|连环call|夺命连环|半夜~4(?:打|电话|找)' },
  { id: 'zh-insult', reason: 'insult', lang: 'zh', negatable: false,
    pattern: '老赖|无赖|不要脸|垃圾|废物|畜生|畜牲|王八蛋|去死|傻逼|二逼|混蛋|人渣|贱人|下贱|狗东西|狗日|滚出去|猪狗不如|败类'
      + '|窝囊废|脸皮厚|穷鬼|穷逼|你妈逼|你妈死|操你|日你妈|他妈的|你妈的|妈了个逼|杂种|孬种|瘪三|下三滥|白眼狼|寄生虫|蛀虫'
      + '|不得好死|断子绝孙|脑瘫|智障|脑残|贱骨头|厚颜无耻|不是人|狗娘|婊子|贱货|赖皮|死皮赖脸|没良心|丧尽天良|猪脑子'
      + '|loser|诈骗犯|神经病|有病吧|你有病|脑子~4(?:有病|进水|坏了|有问题)|猪一样|狗一样|算什么东西'
      + '|缩头乌龟|乌龟王八|窝囊|怂包|活该|穷一辈子|一辈子穷|这种东西|什么东西|不是东西|生出你|无耻|货色|德性|德行' },
  { id: 'zh-insult-cheat', reason: 'insult', lang: 'zh', negatable: false,
    pattern: '骗子|骗钱的|你这种人', unless: '{ZH_ANTI_FRAUD}' },
  { id: 'zh-borrow-to-repay', reason: 'urges_borrowing_to_repay', lang: 'zh',
    pattern: '以贷养贷|借新还旧|拆东墙补西墙|拆东补西|撸口子|撸网贷|套现|刷信用卡还|信用卡套|卖(?:房|车|肾|血)~4还'
      + '|(?:去|找|向|跟|问|再|先|赶紧|赶快|想办法|随便|哪怕|就算|到处|多)~6借~8(?:还|填|补|凑|平)'
      + '|借也(?:要|得)借|砸锅卖铁|借(?:一笔|点|些|一下|钱|来|到)~10(?:还|填|补|凑|平)|(?:去|找|向|跟|问)(?:你|您)(?:哥|姐|弟|妹|爸|妈)~2借'
      + '|刷卡还|刷卡套|(?:信用卡)?取现~6还|(?:去|再|先)~4(?:贷款|贷一笔|贷点)~8还'
      + '|(?:其他|别的|好几个|几个|多个)(?:平台|网贷|口子|app)~10(?:拆|套|借|取|提|周转|下款|刷)~8(?:还|结清|平)'
      + '|(?:问|找|向|跟|让)(?:你|您)?(?:的|们|家)?{ZH_THIRD_PARTY}~6(?:周转|借|垫|凑|帮你还|帮忙还|拿钱)'
      + '|帮你垫|替你还|帮你还|先垫上|垫付一下|(?:口子|下款|秒批|秒下|放款快)~12(?:还|结清)'
      + '|(?:抵押|典当|变卖|卖掉|卖了)~10(?:还|结清)|(?:办|申请|开)~3(?:信用贷|消费贷|网贷|贷款)~12(?:还|结清)'
      + '|(?:花呗|借呗|白条|微粒贷|网贷|信用卡|口子|小贷|其他平台|别的平台|其它平台|亲朋好友|亲戚朋友|额度)~12(?:周转|套现|取现|刷出来|提出来|拆|垫)'
      + '|(?:先|去|找人|找朋友|想办法)~2周转|额度~8(?:拆|套|刷|取|提|借)|拆(?:一个|一笔|点|些|几个)?出来~4还|(?:跟|向|找)~6开口(?:借|要)?|借也(?:得'
        + '|要)?借|先(?:借|贷|刷|套|拆)~8还',
    // A warning that whoever urges this is not the lender ("任何要求您…借款还款的都不是我司行为").
    unless: '{ZH_ANTI_FRAUD}|任何~6(?:要求|让|叫|诱导|建议|劝)|凡是?~6(?:要求|让|叫|诱导|建议)|(?:不是|并非|均非|都非)(?:我司|本公司|我们|本平台'
      + '|我行)' },
  { id: 'zh-loan-apps', reason: 'urges_borrowing_to_repay', lang: 'zh',
    unless: '{ZH_ANTI_FRAUD}|任何~6(?:要求|让|叫|诱导|建议|劝)|凡是?~6(?:要求|让|叫|诱导|建议)|(?:不是|并非|均非|都非)(?:我司|本公司|我们|本平台'
      + '|我行)',
    pattern: '(?:下载|申请|办|开通|找|去|用)~4(?:网贷|小贷|口子|花呗|借呗|白条|微粒贷|高利贷|信用卡|贷款app|别的平台|其他平台)'
      + '~8(?:还|填|补|凑|平)|(?:网贷|花呗|借呗|白条|信用卡|微粒贷|口子)~4(?:借|套|刷|取现|提现|周转)~6(?:还|填|补|凑)' },
  { id: 'en-borrow-to-repay', reason: 'urges_borrowing_to_repay', lang: 'en',
    pattern: 'take out (?:another|a new|a|one more|a payday|a personal|a title) ~1 loans?|payday loans?|'
      + 'cash advance'
      + '|borrow ~4 (?:to pay|to repay|to cover|to clear)|borrow (?:it |money )?from ~2 {EN_THIRD_PARTY}'
      + '|(?:use|put it on|charge it to|max out) (?:a |your |another )?credit cards?' },
]);
