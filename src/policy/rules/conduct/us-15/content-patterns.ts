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
      '{EN_TELL} ~2 (?:your|ur|all your|all of your|everyone in your|the people in your|every one of your) '
        + '~1 {EN_THIRD_PARTY}',
      'let (?:your )?{EN_THIRD_PARTY} know',
    ],
    unless: 'verify (?:your )?employment|confirm (?:your )?employment|authori[sz]ed|you (?:may|can) ask' },
  { id: 'en-they-will-know', reason: 'threat_or_intimidation', lang: 'en',
    pattern: [
      '(?:your )?{EN_THIRD_PARTY} ~6 (?:hear about|hears about|find out|finds out|know about|learn about|'
        + 'be told'
        + '|be informed|be notified|be contacted|get a call|gets a call|will know|see your name|receive|'
        + 'be sent'
        + '|get a copy|want to know|would like to know|might like to know|should know|deserve to know)',
      '(?:your )?{EN_THIRD_PARTY} ~3 (?:a call|a visit|a letter|a copy|a heads up|a ring)',
    ] },
  { id: 'en-expose-publicly', reason: 'threat_or_intimidation', lang: 'en',
    pattern: [
      '(?:post|posting|share|sharing|publish|put|list|plaster|broadcast) ~5 (?:on|to|all over) (?:facebook'
        + '|social media|the internet|online|instagram|twitter|tiktok|linkedin|your street|the town)',
      'expose you', 'shame you', 'humiliat\\w*', 'embarrass\\w*', 'name and shame', 'wall of shame',
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
    ] },
  { id: 'en-harass-calls', reason: 'threat_or_intimidation', lang: 'en', negatable: false,
    pattern: [
      'call you (?:every|all) (?:day|hour|night)', 'keep calling (?:until|till)', 'blow up your phone',
      'call you nonstop', 'non stop calls', 'day and night',
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
    ],
    unless: [
      '{EN_ANTI_FRAUD}', 'report (?:it|them|this) to', 'you (?:may|can|should) (?:report|contact|call)',
      'fraud alert', 'victim of', 'identity theft',
    ] },
  { id: 'en-seize', reason: 'false_legal_claim', lang: 'en',
    pattern: [
      '(?:garnish\\w*|seize\\w*|seizing|repossess\\w*|take|taking|levy|freeze|freezing|empty|drain) ~3 '
        + '(?:wages|paycheck|pay|salary|house|home|car|vehicle|property|bank accounts?|assets|benefits'
        + '|social security|savings|belongings|everything you own|tax refund|refund|pension|retirement)',
      'garnish\\w*', 'wage garnishment', 'lose your (?:job|home|house|kids|license)',
      '(?:wages|paycheck|car|vehicle|house|home|property|bank accounts?|benefits|assets|savings|salary) ~4 '
        + '(?:garnished|seized|repossessed|taken|frozen|levied|confiscated|emptied)',
      '(?:license|licence|passport) ~4 (?:suspended|revoked|cancelled|canceled|taken)',
    ],
    unless: [
      'judge?ment', 'court order', 'if we (?:win|obtain|get)', 'if a court', 'only after', 'ask the court',
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
    ],
    unless: '{EN_ANTI_FRAUD}' },
]);
