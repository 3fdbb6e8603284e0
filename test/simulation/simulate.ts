import { Temporal } from 'temporal-polyfill';
import { compile, CN_PACK, US_PACK, type Decision, type Evaluator } from '../../src/policy/index.ts';
import type { Attempt, Situation } from '../../src/policy/situation.ts';
import { createRandom, type Random } from '../../src/stdx/random.ts';

/**
 * A seeded simulation of collection days across time zones (Shanghai, Urumqi, New York, Chicago,
 * Los Angeles, Honolulu; some borrowers with two candidate zones), through the US daylight-saving
 * changes when the run spans them. Collectors, agencies, AI voice and the message dispatcher
 * propose contacts at random moments; every proposal goes through the gate; an allowed one is
 * executed with a random outcome and recorded with its Decision. After every step the invariants
 * are checked by an independent oracle (Temporal directly, not the engine's caches):
 *
 * - every executed action has a stored, allowing Decision made at the instant it was executed;
 * - no executed contact fell outside its window in any candidate zone of the person contacted;
 * - no cap was exceeded: CN 3 connected calls per borrower-local day pooled, 6 unanswered attempts
 *   per number per day; US 7 placed calls per 7 local days per debt, none within 7 days of a
 *   conversation; a CN contact person only after 3 consecutive failed calls to the borrower;
 * - agencies dialled only from registered numbers; no known-bad text was ever sent;
 * - where a denial gives nextAllowedAt, the same proposal is allowed at that instant.
 *
 * The seed alone determines the run, so a printed seed replays a failure exactly.
 */
export type SimulationOptions = {
  readonly seed: number;
  readonly days: number;
  /** The first simulated civil date (UTC), e.g. 2026-03-05 to cross the 2026-03-08 change. */
  readonly start: string;
  readonly borrowers: number;
};

export type SimulationReport = {
  readonly seed: number;
  readonly proposals: number;
  readonly executed: number;
  readonly denied: number;
  readonly nextAllowedChecked: number;
  /** The first broken invariant, with the step at which it broke; null when all held. */
  readonly violation: string | null;
};

type Borrower = {
  readonly id: string;
  readonly pack: 'CN' | 'US';
  readonly zones: readonly string[];
  readonly history: Attempt[];
  readonly agreements: Situation['agreements'];
};
type Executed = Attempt & { readonly zones: readonly string[]; readonly pack: 'CN' | 'US'; readonly borrowerId: string };

const CN_ZONES = [['Asia/Shanghai'], ['Asia/Urumqi'], ['Asia/Shanghai', 'Asia/Urumqi']] as const;
const US_ZONES = [
  ['America/New_York'], ['America/Chicago'], ['America/Los_Angeles'], ['Pacific/Honolulu'],
  ['America/New_York', 'America/Los_Angeles'],
] as const;
const WINDOW = { CN: [8 * 60, 22 * 60], US: [8 * 60, 21 * 60] } as const;
const REGISTERED = '4008001001';
const CLEAN_ZH = '安心消费金融提醒：本金1000元，利息20元已逾期，请登录官方App核实，核验码FC-7Q2K。';
const CLEAN_EN = 'Harbor Recovery is a debt collector. Check this message with ref FC-7Q2K. Reply STOP to opt out.';
const BAD_TEXTS = ['安心消费金融：欠款超过2000元即构成诈骗，核验码FC-7Q2K', 'Harbor Recovery ref FC-7Q2K: you will be arrested.'];
const CONVERSATION = new Set(['connected', 'promise_to_pay', 'callback_requested', 'refused']);
const UNANSWERED = new Set(['no_answer', 'busy', 'failed', 'voicemail_left', 'reserved']);

export function simulate(options: SimulationOptions): SimulationReport {
  const random = createRandom(options.seed);
  const evaluators = { CN: evaluatorOf(CN_PACK), US: evaluatorOf(US_PACK) };
  const borrowers = Array.from({ length: options.borrowers }, (_, index) => makeBorrower(random, index));
  const decisions = new Map<string, Decision>();
  const ledger: Executed[] = [];
  const counts = { proposals: 0, executed: 0, denied: 0, nextAllowedChecked: 0 };
  let nowMs = Date.parse(`${options.start}T00:00:00Z`);
  const endMs = nowMs + options.days * 86_400_000;
  while (nowMs < endMs) {
    nowMs += random.int(1, 12) * 60_000;
    const borrower = random.pick(borrowers);
    const situation = propose(random, borrower);
    const decision = evaluators[borrower.pack].evaluate(situation, new Date(nowMs));
    decisions.set(decision.id, decision);
    counts.proposals += 1;
    if (!decision.allowed) {
      counts.denied += 1;
      const problem = checkNextAllowed(evaluators[borrower.pack], situation, decision);
      if (problem !== null) return report(options.seed, counts, `step ${counts.proposals}: ${problem}`);
      if (decision.nextAllowedAt !== null) counts.nextAllowedChecked += 1;
      continue;
    }
    const attempt = execute(random, borrower, situation, decision, nowMs);
    ledger.push({ ...attempt, zones: zonesOf(situation), pack: borrower.pack, borrowerId: borrower.id });
    counts.executed += 1;
    const problem = checkInvariants(ledger, decisions, situation, borrower);
    if (problem !== null) return report(options.seed, counts, `step ${counts.proposals}: ${problem}`);
  }
  return report(options.seed, counts, null);
}

function report(seed: number, counts: Omit<SimulationReport, 'seed' | 'violation'>, violation: string | null) {
  return { seed, ...counts, violation };
}

function evaluatorOf(pack: typeof CN_PACK): Evaluator {
  const compiled = compile(pack);
  if (!compiled.ok) throw new Error('default settings must compile');
  return compiled.evaluator;
}

function makeBorrower(random: Random, index: number): Borrower {
  const pack = random.chance(0.5) ? 'CN' : 'US';
  const zones = pack === 'CN' ? random.pick(CN_ZONES) : random.pick(US_ZONES);
  return { id: `b-${index}`, pack, zones, history: [], agreements: [] };
}

function zonesOf(situation: Situation): readonly string[] {
  return situation.target?.timeZones ?? situation.borrower.timeZones;
}

/** A random proposal for a borrower: mostly calls to the borrower, some messages, some contact persons. */
function propose(random: Random, borrower: Borrower): Situation {
  const kind = random.weighted([['call', 70], ['message', 18], ['contact_person', borrower.pack === 'CN' ? 12 : 0]] as const);
  const actorKind = random.weighted([['agent', 5], ['agency', 3], ['ai_voice', 2]] as const);
  const actor = actorKind === 'agency'
    ? { kind: 'agency' as const, id: 'ag-1', agencyId: 'agency-a', registeredNumbers: [REGISTERED],
      dialledFrom: random.chance(0.9) ? REGISTERED : '13800138000' }
    : { kind: actorKind, id: `${actorKind}-1` };
  const base: Situation = {
    pack: borrower.pack, action: 'contact', channel: 'voice', accountId: `acct-${borrower.id}`,
    borrower: { id: borrower.id, timeZones: [...borrower.zones] },
    target: { partyId: borrower.id, role: 'borrower', contactPointId: `cp-${borrower.id}-${random.int(1, 2)}` },
    actor, history: [...borrower.history], agreements: [...borrower.agreements], optOuts: [], holds: [],
    placements: [{ accountId: `acct-${borrower.id}`, agencyId: 'agency-a', placedAt: '2026-01-01T00:00:00Z' }],
    events: [{ kind: 'validation_notice', accountId: `acct-${borrower.id}`, at: '2026-01-02T00:00:00Z' }],
  };
  if (kind === 'message') {
    const clean = borrower.pack === 'CN' ? CLEAN_ZH : CLEAN_EN;
    const text = random.chance(0.15) ? random.pick(BAD_TEXTS) : clean;
    return { ...base, channel: 'sms', actor: { kind: 'system', id: 'dispatcher' },
      content: { text, locale: borrower.pack === 'CN' ? 'zh-CN' : 'en', institution: borrower.pack === 'CN'
        ? '安心消费金融' : 'Harbor Recovery', verificationRef: 'FC-7Q2K' } };
  }
  if (kind === 'contact_person') {
    return { ...base, purpose: 'obtain_contact', actor: { kind: 'agent', id: 'agent-1' },
      target: { partyId: `${borrower.id}-c`, role: 'contact_person', relationship: 'sibling', contactPointId: `cp-${borrower.id}-c`,
        timeZones: ['Asia/Shanghai'] } };
  }
  return base;
}

function execute(random: Random, borrower: Borrower, situation: Situation, decision: Decision, nowMs: number): Attempt {
  const voice = situation.channel === 'voice';
  const outcome: Attempt['outcome'] = voice
    ? random.weighted([['connected', 25], ['no_answer', 45], ['busy', 10], ['failed', 5], ['voicemail_left', 5],
      ['callback_requested', 5], ['promise_to_pay', 5]] as const)
    : 'delivered';
  const attempt: Attempt = {
    at: new Date(nowMs).toISOString(), channel: situation.channel!, direction: 'outbound', partyId: situation.target!.partyId,
    contactPointId: situation.target!.contactPointId, actorKind: situation.actor.kind, actorId: situation.actor.id,
    outcome, accountId: situation.accountId, decisionId: decision.id,
    ...(situation.actor.agencyId === undefined ? {} : { agencyId: situation.actor.agencyId }),
    ...(situation.purpose === undefined ? {} : { purpose: situation.purpose }),
  };
  borrower.history.push(attempt);
  if (outcome === 'callback_requested') {
    const startsAt = new Date(nowMs + random.int(30, 600) * 60_000).toISOString();
    borrower.agreements.push({ kind: 'callback', partyId: attempt.partyId, startsAt, recordedAt: attempt.at });
  }
  return attempt;
}

function checkNextAllowed(evaluator: Evaluator, situation: Situation, decision: Decision): string | null {
  if (decision.nextAllowedAt === null) return null;
  const later = evaluator.evaluate(situation, new Date(decision.nextAllowedAt));
  if (later.allowed) return null;
  const denied = later.outcomes.filter((item) => item.result === 'deny').map((item) => `${item.ruleId}:${item.reason}`);
  return `denied at its own nextAllowedAt ${decision.nextAllowedAt} by ${denied.join(', ')} (decision ${decision.id})`;
}

function checkInvariants(
  ledger: readonly Executed[], decisions: ReadonlyMap<string, Decision>, situation: Situation, borrower: Borrower,
): string | null {
  const latest = ledger[ledger.length - 1]!;
  const decision = latest.decisionId === undefined ? undefined : decisions.get(latest.decisionId);
  if (decision === undefined || !decision.allowed || decision.evaluatedAt !== latest.at) {
    return `executed ${latest.channel} at ${latest.at} has no allowing Decision made at that instant`;
  }
  const [start, end] = WINDOW[latest.pack];
  for (const zone of latest.zones) {
    const minutes = localOf(latest.at, zone).minutes;
    if (minutes < start || minutes >= end) return `${latest.channel} at ${latest.at} is outside the window in ${zone}`;
  }
  if (latest.pack === 'CN' && latest.agencyId !== undefined && situation.actor.dialledFrom !== REGISTERED) {
    return `agency dialled from unregistered ${situation.actor.dialledFrom} at ${latest.at}`;
  }
  if (situation.content !== undefined && BAD_TEXTS.includes(situation.content.text)) return `a refused text was sent at ${latest.at}`;
  const mine = ledger.filter((item) => item.borrowerId === borrower.id);
  return latest.pack === 'CN' ? checkChinaCaps(mine, latest, borrower) : checkUsCaps(mine, latest, borrower);
}

function checkChinaCaps(mine: readonly Executed[], latest: Executed, borrower: Borrower): string | null {
  if (latest.channel !== 'voice') return null;
  if (latest.partyId !== borrower.id) {
    const before = borrower.history.filter((item) => item.partyId === borrower.id && item.channel === 'voice' &&
      Date.parse(item.at) < Date.parse(latest.at)).slice(-3);
    const lost = before.length === 3 && before.every((item) => !CONVERSATION.has(item.outcome) && item.outcome !== 'reserved');
    return lost ? null : `contact person called at ${latest.at} while the borrower was reachable`;
  }
  for (const zone of borrower.zones) {
    const day = localOf(latest.at, zone).date;
    const today = mine.filter((item) => item.channel === 'voice' && item.partyId === borrower.id && localOf(item.at, zone).date === day);
    const connected = today.filter((item) => CONVERSATION.has(item.outcome)).length;
    if (connected > 3) return `${connected} connected calls on ${day} in ${zone} for ${borrower.id}`;
    const sameNumber = today.filter((item) => item.contactPointId === latest.contactPointId && UNANSWERED.has(item.outcome));
    if (sameNumber.length > 6) return `${sameNumber.length} unanswered attempts on ${latest.contactPointId} on ${day} in ${zone}`;
  }
  return null;
}

function checkUsCaps(mine: readonly Executed[], latest: Executed, borrower: Borrower): string | null {
  if (latest.channel !== 'voice' || latest.outcome === 'failed') return null;
  const calls = mine.filter((item) => item.channel === 'voice' && item.partyId === borrower.id);
  for (const zone of borrower.zones) {
    const day = localOf(latest.at, zone).date;
    const placed = calls.filter((item) => item.outcome !== 'failed' && daysBetween(localOf(item.at, zone).date, day) < 7);
    if (placed.length > 7) return `${placed.length} calls in the 7 days ending ${day} (${zone}) for ${borrower.id}`;
    const earlier = calls.filter((item) => item !== latest && CONVERSATION.has(item.outcome));
    const last = earlier[earlier.length - 1];
    if (last !== undefined && daysBetween(localOf(last.at, zone).date, day) < 7) {
      return `call on ${day} within 7 days of the conversation of ${localOf(last.at, zone).date} (${zone}) for ${borrower.id}`;
    }
  }
  return null;
}

const localCache = new Map<string, { date: string; minutes: number }>();

/** The oracle: local date and minutes after midnight computed by Temporal, independent of the engine. */
function localOf(instant: string, zone: string): { date: string; minutes: number } {
  const key = `${instant}|${zone}`;
  let local = localCache.get(key);
  if (local === undefined) {
    const zoned = Temporal.Instant.from(instant).toZonedDateTimeISO(zone);
    local = { date: zoned.toPlainDate().toString(), minutes: zoned.hour * 60 + zoned.minute };
    localCache.set(key, local);
  }
  return local;
}

function daysBetween(from: string, to: string): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
}
