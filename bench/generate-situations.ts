import type {
  Agreement, Attempt, Channel, Content, Hold, PackId, Situation,
} from '../src/policy/situation.ts';
import { MESSAGE_TEMPLATES } from '../src/policy/templates/message-templates.ts';
import { createRandom, type Random } from '../src/stdx/random.ts';

/**
 * Seeded situations the way the gate sees them, for timing the full policy path: CN and US in equal
 * parts, calls and messages, the borrower or (one in eight) a contact person, a fortnight of
 * attempts on several channels, and now and then agreements, opt-outs, holds, placements and notice
 * events. Instants fall anywhere in a day, so quiet hours deny some and the search for the next
 * allowed instant runs. Messages carry a template's text: half as the cycle plans them (the
 * template as written, whose scan the content guard keeps), half rendered with the borrower's own
 * figures as a reservation sends them (a text the guard has not seen).
 */
export type SituationKind = 'calls' | 'messages as planned' | 'messages rendered';
export type GeneratedSituation = {
  readonly situation: Situation;
  readonly now: Date;
  readonly kind: SituationKind;
};

const ZONES: Readonly<Record<PackId, readonly string[]>> = {
  CN: ['Asia/Shanghai', 'Asia/Shanghai', 'Asia/Shanghai', 'Asia/Urumqi'],
  US: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'Pacific/Honolulu'],
};
const BASE_MS = Date.parse('2026-03-10T00:00:00Z');
const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
const OUTCOMES = [
  ['no_answer', 5], ['busy', 2], ['connected', 2], ['voicemail_left', 1], ['promise_to_pay', 1],
  ['delivered', 3], ['refused', 1], ['callback_requested', 1],
] as const;

/** `count` situations from `seed`, each with its instant; the same seed gives the same list. */
export function generateSituations(count: number, seed: number): GeneratedSituation[] {
  return situationSource(seed)(count);
}

/**
 * A seeded stream of situations, taken a slice at a time so that a long run never holds them all;
 * every situation of the stream has its own borrower, account and parties.
 */
export function situationSource(seed: number): (count: number) => GeneratedSituation[] {
  const random = createRandom(seed);
  let next = 0;
  return (count) => Array.from({ length: count }, () => generateOne(random, next++));
}

function generateOne(random: Random, index: number): GeneratedSituation {
  const pack: PackId = random.chance(0.5) ? 'CN' : 'US';
  const channel: Channel = random.weighted([['voice', 6], ['sms', 3], ['email', 1]] as const);
  const nowMs = BASE_MS + random.int(0, 2 * DAY_MINUTES) * MINUTE_MS;
  const borrowerId = `b-${index}`;
  const accountId = `a-${index}`;
  const third = random.chance(0.125);
  const partyId = third ? `p-${index}` : borrowerId;
  const zone = random.pick(ZONES[pack]);
  const agencyId = random.chance(0.3) ? random.pick(['agency-a', 'agency-b']) : undefined;
  const actor = agencyId === undefined
    ? { kind: random.pick(['agent', 'system', 'ai_voice'] as const), id: `collector-${random.int(1, 40)}` }
    : { kind: 'agency' as const, id: `agent-${random.int(1, 40)}`, agencyId };
  const situation: Situation = {
    pack, action: 'contact', channel, purpose: 'collect', accountId,
    borrower: { id: borrowerId, timeZones: [zone] },
    target: third
      ? { partyId, role: 'contact_person',
        relationship: random.pick(['spouse', 'parent', 'sibling', 'friend'] as const),
        contactPointId: `cp-${index}-3`, contactPointStatus: 'valid' }
      : { partyId, role: 'borrower', relationship: 'self', contactPointId: `cp-${index}-1`,
        contactPointStatus: 'valid' },
    actor: pack === 'CN' && channel !== 'email'
      ? { ...actor, dialledFrom: '+861095500', registeredNumbers: ['+861095500', '+861095501'] } : actor,
    history: generateHistory(random, nowMs, borrowerId, partyId, accountId),
    agreements: random.chance(0.2) ? [generateAgreement(random, nowMs, partyId)] : [],
    optOuts: random.chance(0.05) ? [{ partyId, channel: random.pick(['sms', 'email'] as const),
      at: instant(nowMs - random.int(1, 60) * DAY_MINUTES * MINUTE_MS) }] : [],
    holds: random.chance(0.1) ? [generateHold(random, nowMs, accountId)] : [],
    placements: agencyId === undefined ? [] : [{ accountId, agencyId, placedAt: instant(nowMs - 40 * DAY_MINUTES
      * MINUTE_MS) }],
    events: pack === 'US' ? [{ kind: 'validation_notice', at: instant(nowMs - random.int(31, 90) * DAY_MINUTES
      * MINUTE_MS), accountId }] : [],
  };
  if (channel === 'voice') return { situation, now: new Date(nowMs), kind: 'calls' };
  const rendered = random.chance(0.5);
  const content = messageContent(random, pack, rendered);
  return { situation: { ...situation, content }, now: new Date(nowMs),
    kind: rendered ? 'messages rendered' : 'messages as planned' };
}

function generateHistory(
  random: Random, nowMs: number, borrowerId: string, partyId: string, accountId: string,
): Attempt[] {
  const length = random.weighted([[0, 2], [random.int(1, 4), 4], [random.int(5, 12), 3]] as const);
  return Array.from({ length }, (): Attempt => {
    const channel = random.weighted([['voice', 6], ['sms', 3], ['email', 1]] as const);
    return {
      at: instant(nowMs - random.int(10, 14 * DAY_MINUTES) * MINUTE_MS), channel,
      direction: random.chance(0.9) ? 'outbound' : 'inbound',
      partyId: random.chance(0.85) ? borrowerId : partyId, actorKind: random.pick(['agent', 'system'] as const),
      outcome: channel === 'voice' ? random.weighted(OUTCOMES) : 'delivered', accountId, purpose: 'collect',
    };
  });
}

function generateAgreement(random: Random, nowMs: number, partyId: string): Agreement {
  const recordedAt = instant(nowMs - random.int(1, 30) * DAY_MINUTES * MINUTE_MS);
  const kind = random.pick(['contact_time', 'callback', 'channel_consent', 'stop_third_party_contact'] as const);
  if (kind === 'channel_consent') return { kind, partyId, channel: 'sms', recordedAt };
  if (kind === 'stop_third_party_contact') return { kind, partyId, recordedAt };
  const startsMs = nowMs + random.int(-6 * 60, 6 * 60) * MINUTE_MS;
  return { kind, partyId, startsAt: instant(startsMs), endsAt: instant(startsMs + 2 * 60 * MINUTE_MS),
    recordedAt };
}

function generateHold(random: Random, nowMs: number, accountId: string): Hold {
  const kind = random.weighted(
    [['dispute', 4], ['hardship', 3], ['complaint_review', 2], ['litigation', 1]] as const);
  const startedMs = nowMs - random.int(1, 40) * DAY_MINUTES * MINUTE_MS;
  const ended = random.chance(0.4);
  return { kind, accountId, startedAt: instant(startedMs),
    ...(ended ? { endedAt: instant(startedMs + random.int(1, 60) * 60 * MINUTE_MS) } : {}) };
}

/** A template's text for the pack's locale, as written or with this borrower's own figures. */
function messageContent(random: Random, pack: PackId, rendered: boolean): Content {
  const template = random.pick(MESSAGE_TEMPLATES);
  const locale = pack === 'CN' ? 'zh-CN' : 'en';
  const institution = pack === 'CN' ? '安心消费金融' : 'Harbor Credit';
  const verificationRef = `FC-${random.int(1000, 9999)}${random.pick(['Q', 'K', 'M', 'T'])}`;
  const amounts = { principal: String(random.int(200, 40_000)), interest: String(random.int(1, 900)),
    penalty: String(random.int(0, 300)), fees: String(random.int(0, 50)) };
  // The cycle decides the template as written, placeholders and all (decide-planned.ts).
  if (!rendered) return { text: template.texts[locale], locale, templateId: template.id };
  const text = template.texts[locale]
    .replaceAll('{{institution}}', institution).replaceAll('{{verification_ref}}', verificationRef)
    .replaceAll('{{principal}}', amounts.principal).replaceAll('{{interest}}', amounts.interest)
    .replaceAll('{{penalty}}', amounts.penalty).replaceAll('{{fees}}', amounts.fees);
  return { text, locale, templateId: template.id, institution, verificationRef, amounts };
}

function instant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
