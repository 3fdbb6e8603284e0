import { definePatterns } from '../../../content/content-pattern.ts';

/**
 * US-15 (FDCPA §§1692d-e, Regulation F §§1006.14, .18): no threats of violence or of telling the
 * debt to employer, family or the public; no obscene or abusive language; no false claims of
 * arrest, crime, or seizure without a judgment; no posing as the police, a court or a government
 * body. "You will not be arrested", "failure to pay is not a crime", a warning about scammers and
 * "if we obtain a judgment, a court may order garnishment" are true and pass.
 */
export const patterns = definePatterns([
  { id: 'en-tell-third-party', reason: 'threat_or_intimidation', lang: 'en',
    pattern: [
      '{EN_TELL} (?!us |me )~2 (?:your|ur|all your|all of your|everyone in your|the people in your'
        + '|every one of your) '
        + '~1 {EN_THIRD_PARTY}',
      'let (?:your )?{EN_THIRD_PARTY} know',
      '(?:send|sending|forward|forwarding|share|sharing|post|posting|show|showing) ~5 to '
        + '(?:all (?:of )?)?your ~1 {EN_THIRD_PARTY}',
      'for (?:all |everyone |everybody )?(?:of )?your {EN_THIRD_PARTY} to (?:see|read|hear|know)',
      '(?:his|her|their) (?:job|employer|boss|family|wife|husband|kids|neighbou?rs) ~4 (?:will|gonna'
        + '|going to|is going to) ~3 '
        + '(?:know|hear|find out|cost|lose)',
      '(?:cost|costs|costing) (?:you|him|her|them) (?:your|his|her|their|that|the) (?:job|home|house|kids'
        + '|marriage|family)',
    ],
    unless: [
      'verify (?:your )?employment|confirm (?:your )?employment|authori[sz]ed|you (?:may|can) ask',
      // The borrower's own request to be left alone at work is the rule at work.
      'stop (?:calling|contacting|texting|emailing|writing)|(?:want|ask|asks|asked|tell|tells'
        + '|told) us (?:not )?to',
    ] },
  { id: 'en-they-will-know', reason: 'threat_or_intimidation', lang: 'en',
    pattern: [
      '(?:your )?{EN_THIRD_PARTY} ~6 (?:hear about|hears about|find out|finds out|know about|learn about|'
        + 'be told'
        + '|be informed|be notified|be contacted|get a call|gets a call|will know|see your name|receive|'
        + 'hearing about|hearing|finding out|learning about|knowing about|get wind|be hearing|be getting'
          + '|getting a call|'
        + 'gets a letter|get a letter|get a visit|gets a visit|knows about|hear from us|be reading'
          + '|read about|'
        + 'be sent'
        + '|get a copy|want to know|would like to know|might like to know|should know|deserve to know)',
      '(?:your )?{EN_THIRD_PARTY} ~3 (?:a call|a visit|a letter|a copy|a heads up|a ring)',
      '(?:explained|described|mentioned|discussed|told|shared|revealed) (?:your|the) (?:situation|debt'
        + '|account|balance|problem|file) '
        + '(?:to|with)',
    ] },
  { id: 'en-expose-publicly', reason: 'threat_or_intimidation', lang: 'en',
    pattern: [
      '(?:post|posting|share|sharing|publish|put|list|plaster|broadcast|splash|spread) ~8 (?:on|to|all over'
        + '|up on) (?:facebook'
        + '|social media|the internet|online|instagram|twitter|tiktok|linkedin|your street|the town)',
      'expose you', 'shame you', 'billboards?', '(?:spread|get) the word',
      'list of (?:people|customers|debtors|deadbeats|names) who',
      'everyone (?:will|is going to|gonna|s going to) (?:know|find out|hear|see)',
      'the whole (?:town|neighborhood|world|office) will', 'flyers?', '(?:wanted )?posters?',
      '(?:in|to) the (?:local )?(?:paper|newspaper)', 'humiliat\\w*', 'embarrass\\w*', 'name and shame',
      'wall of shame',
    ] },
  { id: 'en-menace', reason: 'threat_or_intimidation', lang: 'en', negatable: false,
    pattern: [
      'hurt you', 'kill\\w*', 'break your \\w+', 'beat you', 'we know where you (?:live|work)',
      'we know where your',
      'watch your back', 'you ll regret', 'you will regret', 'you re going to regret', 'or else',
      'make your life (?:a )?(?:living )?(?:hell|miserable)',
      'ruin your (?:life|reputation|career|name|family)',
      'your family (?:will|is going to) (?:pay|suffer)', 'we will find you', 'hunt you down',
      'nowhere to hide',
      '(?:can t|cannot|can not) hide', 'can run but', 'drag you', 'sorry you ever', 'we have people',
      'our guys',
      '(?:be a|would be a) shame if', 'something (?:bad )?(?:happens|happened) to',
      'think about your (?:kids|children|family)', 'pay the price', 'you have been warned',
      'consider yourself warned', 'ways (?:of|to) mak\\w* you', 'find out what happens',
      'see what happens (?:next|if)',
      'what happens to (?:people|those|folks|debtors|anyone|customers|guys) (?:who|that|like)', '(?:tend to'
        + '|tends to|might|could|may|would hate (?:for you )?to) (?:have|get into|get in) (?:an |a nasty '
        + '|an unfortunate )?accidents?',
      'something (?:bad|unfortunate|terrible) (?:could|might|may|will) happen',
      'you never know what (?:could|might) happen',
      'it d be a (?:real )?shame', 'nice (?:house|car|family|kids|place) you (?:have|got)', 'be a shame',
      'don t make us come', 'we know (?:where|what school|which school)', 'watch yourself',
      'look over your shoulder', 'sleep with one eye', 'you ve been warned',
      'teach you a lesson', 'not going to be pretty', 'won t be pretty',
      'get ugly', 'gets ugly', '(?:coming|come|comes) (?:for|after) you',
      'who (?:we|we ll|we will) (?:call|contact|tell|visit|talk to|text) next',
      'who else (?:we|we ll|we will|we can|we could) (?:call|contact|tell|visit|talk to|text)',
      'beat\\w* (?:you|him|her) up', 'smash\\w*', '(?:better|d better) watch (?:it|out|yourself|your step)',
      'you (?:won t|will not|aren t going to|re not going to) like (?:it|what|the)',
      '(?:come|coming|drive|head) (?:out|down|over) there',
    ] },
  { id: 'en-pressure-review', reason: 'threat_or_intimidation', lang: 'en', confidence: 'low',
    pattern: 'serious (?:consequences|trouble)|you will be sorry|final warning|last warning|'
      + 'we are done being nice' },
  { id: 'en-come-to-you', reason: 'threat_or_intimidation', lang: 'en',
    pattern: [
      'send (?:someone|somebody|an agent|people|a collector|our team|a team|guys) (?:to|over to|round to|'
        + 'by) your',
      '(?:come|coming|stop|drop) (?:to|by|round to|over to|round|over) your (?:house|home|work|job|office|'
        + 'place'
        + '|door)',
      'show up at your', 'pay (?:you )?a visit',
      '(?:be|are|is) (?:at|outside) your (?:front )?(?:door|house|home|work|office|job|place)',
      '(?:waiting|wait|standing|parked) (?:outside|at|near|in front of) your',
      '(?:have|got|found|know) your {EN_THIRD_PARTY}(?: s)? ~1 (?:number|phone|address|email)',
      '(?:swing|stop|drop|come|go|head|drive) (?:by|over|round|out) ~3 (?:your|his|her) (?:house|home|place'
        + '|work|job|office|'
        + 'mother|mom|dad|father|parents|family|wife|husband|neighbou?rs?|door)',
      '(?:field agent|agent|collector|representative|someone|team|investigator|people|guys) ~4 (?:visit'
        + '|come to|stop by|show up at|'
        + 'knock on) ~2 your (?:home|house|door|work|workplace|job|office|place of employment|employer)',
      '(?:at|to|visit) your (?:workplace|place of employment|job|office) ~6 (?:in front of|with) your',
      'in front of your {EN_THIRD_PARTY}',
    ] },
  { id: 'en-harass-calls', reason: 'threat_or_intimidation', lang: 'en', negatable: false,
    pattern: [
      'call you (?:every|all) (?:day|hour|night)', 'keep calling (?:until|till)', 'blow up your phone',
      'call you nonstop', 'non stop calls', 'day and night',
      '(?:keep|keeps|continue|continuing|going to keep|will keep) ~1 (?:calling|texting|ringing|phoning'
        + '|to call)',
      '(?:call|ring|text|phone|calling|ringing|texting) ~4 (?:every|each) (?:\\w+ )?(?:minutes?|hours?'
        + '|night)',
      'morning noon and night', 'around the clock', '24 7', 'all day and all night',
      '(?:call|calling|ring|ringing|text|texting|phone|bother|bothering) ~4 until you (?:answer|pick up|pay'
        + '|crack|break|give in)', 'blow (?:up )?your phone', 'flood your phone',
    ] },
  { id: 'en-insult', reason: 'insult', lang: 'en', negatable: false,
    pattern: [
      'deadbeat\\w*', 'scum\\w*', 'sc\\*m', 'loser', 'lowlife', 'low life', 'worthless', 'idiot\\w*',
      'stupid',
      'moron\\w*', 'dumb\\w*', 'pathetic', 'piece of (?:shit|garbage|trash|crap|work)', 'bitch\\w*',
      'b\\*tch\\w*',
      'bastard', 'f[u*]ck\\w*', 'f\\*\\*k', 'sh[i*]t\\w*', 'trash', 'crook', 'freeloader', 'leech',
      'parasite',
      'dirtbag', 'clown', 'disgrace', 'a[s*][s*]hole', 'dick', 'jerk', 'imbecile', 'retard\\w*', 'bum',
      'good for nothing', 'shameless', 'degenerate', 'cheater', 'swindler', 'welsher', 'sponger', 'lazy',
      'ignorant', 'dumbass', 'damn\\w*', 'crap', 'hell', 'moocher', 'cheapskate', 'grow up', 'grow a spine',
      'spineless', 'coward', 'useless', 'scumbag', 'trailer trash', 'welfare queen',
      'freak\\w*', 'frick\\w*', 'frig\\w*', 'piss\\w*', 'goddamn\\w*', 'douche\\w*', 'screw you', 'wtf',
      'stfu',
      'shut up', 'brat', 'whin\\w*', 'crybaby', 'cry baby', 'slob', 'sleaze\\w*', 'sleazy', 'scam artist',
      'con artist', 'grifter', 'mooch\\w*', 'bloodsucker', 'subhuman', 'filth\\w*', 'disgusting',
      'get a real job',
      'white trash', 'ghetto', 'sorry ass', 'ass', 'bullshit', 'bs',
    ] },
  { id: 'en-insult-thief', reason: 'insult', lang: 'en', negatable: false,
    pattern: 'thie(?:f|ves)|liars?|cheat\\w*', unless: '{EN_ANTI_FRAUD}|identity theft' },
  { id: 'en-crime', reason: 'false_legal_claim', lang: 'en',
    pattern: [
      'arrest\\w*', 'jail\\w*', 'prison\\w*', 'handcuff\\w*', 'locked up', 'lock you up', 'behind bars',
      'criminal\\w*', 'crimes?', 'fraud\\w*', 'felon\\w*', 'misdemeanou?r', 'warrants?', 'prosecut\\w*',
      'police',
      'cops?', 'deport\\w*', 'theft by \\w+', 'bad checks?', 'serve time', 'do time', 'detained', 'detention',
      'indict\\w*', 'charges? against you', 'pressing charges', 'press charges', 'file charges',
      'charged with',
      'be charged', 'theft', 'stealing', 'embezzl\\w*', 'law enforcement', 'the authorities',
      'pick\\w* you up',
      'come get you', 'hauled off', 'police officers?',
      'officers? (?:will|are|is|be) ~3 (?:sent|coming|dispatched|visit\\w*|arrest\\w*)',
      'custody', 'immigration', 'your visa', 'green card', 'citizenship', 'deportation', 'probation',
      'parole',
      'sheriff', 'bench warrant', 'criminal complaint', 'criminal charges',
      'felony', 'offen[cs]es?', 'you (?:are|re) breaking the law', 'you broke the law', 'book(?:ed)? you',
      'perp\\w*',
      'lose (?:your )?(?:kids|children|custody|license|licence|passport|benefits|social security)',
      'theft of services', 'bounced? checks?',
      '(?:non payment|nonpayment|not paying|failure to pay|failing to pay|skipping|ignoring|not repaying) '
        + '~6 (?:a )?(?:violation of|illegal|against the law|unlawful|a crime|criminal|offen[cs]e)',
    ],
    unless: [
      '{EN_ANTI_FRAUD}', 'report (?:it|them|this) to',
      'you (?:may|can|should) (?:report|contact|call|file|make)',
      'fraud alert', 'victim of', 'identity theft',
    ] },
  { id: 'en-seize', reason: 'false_legal_claim', lang: 'en',
    pattern: [
      '(?:garnish\\w*|seize\\w*|seizing|repossess\\w*|take|taking|levy|freeze|freezing|empty|drain) ~3 '
        + '(?:wages|paycheck|pay|salary|house|home|car|vehicle|property|bank accounts?|assets|benefits'
        + '|social security|savings|belongings|everything you own|tax refund|refund|pension|retirement'
        + '|checking(?: account)?|savings account)',
      'garnish\\w*', 'wage garnishment', 'lose your (?:job|home|house|kids|license)',
      '(?:wages|paycheck|car|vehicle|house|home|property|bank accounts?|benefits|assets|savings|salary) ~4 '
        + '(?:garnished|seized|repossessed|taken|frozen|levied|confiscated|emptied)',
      '(?:license|licence|passport) ~4 (?:suspended|revoked|cancelled|canceled|taken)',
      'tow truck', 'lien on', 'put a lien', 'repo (?:man|men|guy|guys|truck|agent|company)',
      '(?:empty|drain|clean out|wipe out) your (?:bank|account|savings)',
      '(?:start|begin|starting|beginning) ~3 garnish\\w*',
    ],
    unless: [
      'judge?ment', 'court order', 'court (?:has |had )?(?:ordered|entered|issued|granted|approved)',
      'ordered by (?:the|a) court',
      'if we (?:win|obtain|get)', 'if a court', 'only after', 'ask the court',
      'ask a court', 'if the court', 'court may', 'court could', 'a court can', 'entered',
    ] },
  { id: 'en-authority', reason: 'impersonates_authority', lang: 'en',
    pattern: [
      'this is (?:officer|detective|deputy|sheriff|agent|sergeant|judge|trooper|investigator)',
      '(?:from|with|of|for|on behalf of|calling from|representing|behalf of) the (?:police|sheriff\\w*|'
        + 'court\\w*'
        + '|district attorney\\w*|da s office|department of justice|attorney general\\w*|fbi|irs|county|'
        + 'state of \\w+'
        + '|government|federal \\w+|treasury|marshal\\w*)',
      '(?:court|legal|official|government|federal|state) (?:summons|notice of arrest|order to appear|'
        + 'subpoena)',
      'summons', 'subpoena', 'government agency', 'court officer', 'process server',
      '(?:state|district|county|city) attorney\\w*', 'official notice from', 'legal department of the',
      'official court notice', 'notice of legal proceedings from the court', 'marshal\\w*', 'sheriff\\w*',
      '(?:irs|fbi|internal revenue service|federal|government|treasury|court|police|'
        + 'department of \\w+) (?:notice'
        + '|alert|order|summons|warning|unit|division|enforcement)',
      '(?:financial )?crimes? (?:division|unit|department)',
      '(?:this is|i m|i am|my name is|it s) (?:officer|agent|special agent|detective|deputy|sheriff'
        + '|sergeant|trooper|'
        + 'investigator|judge|marshal|lieutenant|captain|inspector|federal agent|constable) \\w+',
      '(?:crimes?|criminal|enforcement|investigations?) (?:division|unit|department|bureau|task force|squad)',
      'department of justice', 'doj', 'fbi', 'treasury department', 'homeland security',
      '(?:federal|state|county|government|national) (?:debt )?(?:enforcement|recovery|collection) (?:unit'
        + '|division|agency|office|program|bureau)',
      'federal (?:debt )?enforcement', 'order to appear', 'notice to appear',
      'failure to appear', 'court appointed', 'legal process server',
      'county (?:fraud|sheriff|investigator)\\w*', 'state (?:investigator|police|trooper)\\w*',
      'official (?:government|court|federal|state|legal) (?:notice|document|letter)',
      'government (?:notice|letter|official)',
      '(?:federal|national|state|government) (?:bureau|department|agency) of',
      '(?:legal|official|court|final) notice (?:from )?(?:the )?'
        + '(?:superior|district|circuit|county|municipal|supreme) court',
      '(?:calling|call|this is|we are|we re) (?:from )?(?:equifax|experian|transunion|the credit bureaus?'
        + '|a credit bureau)',
      'on behalf of (?:equifax|experian|transunion|the credit bureaus?)',
    ],
    // Pointing to a court that really entered a judgment, or to a regulator the borrower may contact.
    unless: [
      '{EN_ANTI_FRAUD}', 'under (?:the|that|this) judge?ment',
      'judge?ment (?:was |has been |had been )?entered',
      'entered (?:a |the )?judge?ment', 'you (?:may|can|should) (?:contact|call|report|write|complain|file)',
    ] },
]);
