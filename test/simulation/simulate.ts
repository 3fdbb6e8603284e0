import { Temporal } from 'temporal-polyfill';
import { buildSituation, type GateRejection } from '../../src/app/gate/build-situation.ts';
import type { ContactRequest } from '../../src/app/gate/contact-request.ts';
import type { BorrowerFile, PartyRow } from '../../src/app/gate/load-borrower-files.ts';
import { compile, CN_PACK, US_PACK, type Decision, type Evaluator } from '../../src/policy/index.ts';
import type { Channel, Outcome, Situation } from '../../src/policy/situation.ts';
import { createRandom, type Random } from '../../src/stdx/random.ts';

/**
 * A seeded simulation of collection days across time zones (Shanghai, Urumqi, New York, Chicago,
 * Los Angeles, Honolulu; some borrowers with two candidate zones), through the US daylight-saving
 * changes when the run spans them. Collectors, agencies, AI voice and the message dispatcher
 * propose contacts at random moments, half of them naming the number to use and half not, to
 * borrowers with one number and with several; every proposal goes through the gate as a
 * reservation does (the borrower's file turned into a Situation by the gate's own code, then the
 * policy); an allowed one is executed with a random outcome and written back to the file as the
 * reservation writes it. After every step the invariants are checked by an independent oracle
 * (Temporal directly, not the engine's caches), counting each call on the number actually dialled:
 *
 * - every executed action has a stored, allowing Decision made at the instant it was executed;
 * - no executed contact fell outside its window in any candidate zone of the person contacted;
 * - no cap was exceeded: CN 3 connected calls per borrower-local day pooled, 6 unanswered attempts
 *   per number actually dialled per day; US 7 placed calls per 7 local days per debt, none within 7
 *   days of a conversation; a CN contact person only after 3 consecutive failed calls to the borrower;
 * - every call or text recorded the number it used; one that named no number went ahead only when
 *   the person had exactly one number for the channel, and was otherwise refused for that reason;
 * - agencies dialled only from registered numbers; no known-bad text was ever sent;
 * - what the borrower said holds: no contact at a time they called inconvenient or outside "only
 *   evenings", none on a US work number they may not be called on, none with a US borrower whose
 *   attorney answers; the call back they asked for counts toward neither US limit;
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
  /** Executed calls and texts whose proposal named no number (the gate chose the only one). */
  readonly executedUnnamed: number;
  readonly denied: number;
  /** Proposals the gate refused before any rule: no number named and not exactly one to use. */
  readonly refused: number;
  readonly nextAllowedChecked: number;
  /** Denials by what the borrower said: stated times and places, only-then times, an attorney. */
  readonly deniedByStatements: number;
  /** Executed US calls that were the call back the person asked for, during a pause or at the cap. */
  readonly requestedCallbacks: number;
  /** The first broken invariant, with the step at which it broke; null when all held. */
  readonly violation: string | null;
};

type Phone = { readonly id: bigint; readonly externalId: string; readonly kind: 'mobile' | 'landline';
  readonly status: 'valid' | 'invalid'; readonly workplace: boolean };
/**
 * What the borrower said or the lender learned, drawn at random: a time of day that is inconvenient,
 * "only evenings", a work number they may not be called on (the employer forbids it, or they said so),
 * an attorney who answers or one who failed to respond.
 */
type Statements = {
  readonly inconvenient: readonly [number, number] | null;
  readonly onlyEvenings: boolean;
  readonly noWorkCalls: boolean;
  readonly attorney: 'none' | 'represents' | 'failed_to_respond';
};
type Person = { readonly party: PartyRow; readonly phones: readonly Phone[] };
type Borrower = {
  readonly id: string;
  readonly pack: 'CN' | 'US';
  readonly zones: readonly string[];
  readonly self: Person;
  readonly contact: Person;
  readonly file: BorrowerFile;
  readonly statements: Statements;
  /** The time the borrower last asked to be called back at, until the collector calls then. */
  readonly callback: { atMs: number | null };
};
type Proposal = { readonly request: ContactRequest; readonly registered: string[] | null };
/** What happened, as the oracle knows it: `number` is the number actually dialled or texted. */
type Executed = {
  readonly at: string; readonly channel: Channel; readonly partyId: string; readonly outcome: Outcome;
  readonly number: string; readonly recorded: string | null; readonly decisionId: string;
  readonly zones: readonly string[]; readonly pack: 'CN' | 'US'; readonly borrowerId: string;
  readonly agencyId?: string; readonly dialledFrom?: string; readonly text?: string;
  /** With callback_requested: when the person asked to be called back. */
  readonly callbackAt?: string;
};

const CN_ZONES = [['Asia/Shanghai'], ['Asia/Urumqi'], ['Asia/Shanghai', 'Asia/Urumqi']] as const;
const US_ZONES = [
  ['America/New_York'], ['America/Chicago'], ['America/Los_Angeles'], ['Pacific/Honolulu'],
  ['America/New_York', 'America/Los_Angeles'],
] as const;
/**
 * The numbers a borrower has: most have one mobile (where a call that names no number must count on
 * it), others one landline (no number for texts), a dead second mobile, or several live numbers.
 */
type Layout = readonly (readonly [Phone['kind'], Phone['status']])[];
const PHONE_LAYOUTS: readonly (readonly [Layout, number])[] = [
  [[['mobile', 'valid']], 4],
  [[['landline', 'valid']], 1],
  [[['mobile', 'valid'], ['mobile', 'invalid']], 1],
  [[['mobile', 'valid'], ['landline', 'valid']], 2],
  [[['mobile', 'valid'], ['mobile', 'valid']], 2],
];
const CHANNEL_KINDS: Readonly<Record<string, readonly string[]>> = { voice: ['mobile', 'landline'], sms: ['mobile'] };
const WINDOW = { CN: [8 * 60, 22 * 60], US: [8 * 60, 21 * 60] } as const;
const REGISTERED = '4008001001';
const CLEAN_ZH = '安心消费金融提醒：本金1000元，利息20元已逾期，请登录官方App核实，核验码FC-7Q2K。';
const CLEAN_EN = 'Harbor Recovery is a debt collector. Check this message with ref FC-7Q2K. Reply STOP to opt out.';
const BAD_TEXTS = ['安心消费金融：欠款超过2000元即构成诈骗，核验码FC-7Q2K', 'Harbor Recovery ref FC-7Q2K: you will be arrested.'];
const STATEMENT_REASONS = new Set(['stated_inconvenient_time', 'outside_only_convenient_time',
  'stated_inconvenient_place', 'employer_prohibits_contact', 'represented_by_attorney']);
const CONVERSATION = new Set(['connected', 'promise_to_pay', 'callback_requested', 'refused']);
const UNANSWERED = new Set(['no_answer', 'busy', 'failed', 'voicemail_left', 'reserved']);

export function simulate(options: SimulationOptions): SimulationReport {
  const random = createRandom(options.seed);
  const evaluators = { CN: evaluatorOf(CN_PACK), US: evaluatorOf(US_PACK) };
  const borrowers = Array.from({ length: options.borrowers }, (_, index) => makeBorrower(random, index));
  const decisions = new Map<string, Decision>();
  const ledger: Executed[] = [];
  const counts = { proposals: 0, executed: 0, executedUnnamed: 0, denied: 0, refused: 0, nextAllowedChecked: 0,
    deniedByStatements: 0, requestedCallbacks: 0 };
  let nowMs = Date.parse(`${options.start}T00:00:00Z`);
  const endMs = nowMs + options.days * 86_400_000;
  while (nowMs < endMs) {
    nowMs += random.int(1, 12) * 60_000;
    // A collector calls back when a borrower's requested time has come, once; otherwise anyone.
    const due = borrowers.find((item) => item.callback.atMs !== null && item.callback.atMs <= nowMs);
    const borrower = due ?? random.pick(borrowers);
    if (due !== undefined) due.callback.atMs = null;
    const proposal = due === undefined ? propose(random, borrower)
      : { request: { accountId: `acct-${borrower.id}`, channel: 'voice' as const,
        contactPointId: borrower.self.phones[0]!.externalId, actor: { kind: 'agent' as const, id: 'agent-1' } },
      registered: null };
    counts.proposals += 1;
    const step = (problem: string) => report(options.seed, counts, `step ${counts.proposals}: ${problem}`);
    const built = buildSituation(borrower.file, proposal.request, proposal.registered);
    const unresolved = checkResolution(borrower, proposal.request, built.ok ? null : built.rejection);
    if (unresolved !== null) return step(unresolved);
    if (!built.ok) {
      counts.refused += 1;
      continue;
    }
    const situation = built.built.situation;
    const decision = evaluators[borrower.pack].evaluate(situation, new Date(nowMs));
    decisions.set(decision.id, decision);
    if (!decision.allowed) {
      counts.denied += 1;
      if (decision.outcomes.some((item) => item.result === 'deny' && STATEMENT_REASONS.has(item.reason))) {
        counts.deniedByStatements += 1;
      }
      const problem = checkNextAllowed(evaluators[borrower.pack], situation, decision);
      if (problem !== null) return step(problem);
      if (decision.nextAllowedAt !== null) counts.nextAllowedChecked += 1;
      continue;
    }
    const recorded = built.built.contactPointId;
    ledger.push(execute(random, borrower, proposal, situation, decision, recorded, nowMs));
    counts.executed += 1;
    if (decision.outcomes.some((item) => item.reason === 'requested_callback')) counts.requestedCallbacks += 1;
    if (proposal.request.contactPointId === undefined && situation.channel !== 'letter') counts.executedUnnamed += 1;
    const problem = checkInvariants(ledger, decisions, borrower);
    if (problem !== null) return step(problem);
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

/** A borrower's file as the gate loads it: the borrower, a sibling, their numbers, one account. */
function makeBorrower(random: Random, index: number): Borrower {
  const pack = random.chance(0.5) ? 'CN' : 'US';
  const zones = pack === 'CN' ? random.pick(CN_ZONES) : random.pick(US_ZONES);
  const id = `b-${index}`;
  let nextId = BigInt(index) * 100n + 1n;
  const borrowerRow = BigInt(index) * 100n;
  const person = (party: PartyRow, layout: Layout): Person => ({
    party,
    phones: layout.map(([kind, status], number) => ({ id: nextId++,
      externalId: `${party.external_id}-phone-${number + 1}`, kind, status,
      // A second live number of a US borrower is sometimes their work number.
      workplace: pack === 'US' && number === 1 && status === 'valid' && random.chance(0.5) })),
  });
  const party = (externalId: string, kind: PartyRow['kind'], partyZones: readonly string[]): PartyRow => ({
    id: externalId === id ? borrowerRow : nextId++, external_id: externalId, kind, borrower_id: borrowerRow,
    relationship: kind === 'borrower' ? null : 'sibling', time_zone: partyZones[0]!,
    extra_time_zones: [...partyZones], do_not_contact_since: null, employer_prohibits_contact_since: null,
  });
  const self = person(party(id, 'borrower', zones), random.weighted(PHONE_LAYOUTS));
  const contact = person(party(`${id}-c`, 'contact_person', ['Asia/Shanghai']), [['mobile', 'valid']]);
  const account = { id: borrowerRow + 99n, external_id: `acct-${id}`, borrower_id: borrowerRow, jurisdiction: pack };
  const file: BorrowerFile = {
    parties: [self.party, contact.party],
    contactPoints: [self, contact].flatMap(({ party: owner, phones }) => phones.map((phone) => ({
      id: phone.id, external_id: phone.externalId, party_id: owner.id, borrower_id: borrowerRow,
      kind: phone.kind, status: phone.status, employer_provided: false, workplace: phone.workplace }))),
    accounts: [account],
    // The validation notice went out by letter when the debt was placed (US-04 looks for it).
    attempts: [{ borrower_id: borrowerRow, started_at: new Date('2026-01-02T00:00:00Z'), channel: 'letter',
      direction: 'outbound', party_id: borrowerRow, contact_point_id: null, actor_kind: 'system',
      actor_id: 'letters', agency_id: null, outcome: 'delivered', account_id: account.id,
      purpose: 'validation_notice', decision_id: null }],
    agreements: [], holds: [],
    placements: [{ borrower_id: borrowerRow, account_id: account.id, agency_id: 'agency-a',
      placed_on: '2026-01-01', recalled_on: null }],
    inconveniences: [], attorneys: [],
  };
  const statements = drawStatements(random, pack, self.party, file);
  return { id, pack, zones, self, contact, file, statements, callback: { atMs: null } };
}

/** Draws the borrower's statements and writes them into the file as the facts API records them. */
function drawStatements(random: Random, pack: 'CN' | 'US', self: PartyRow, file: BorrowerFile): Statements {
  const known = new Date('2026-01-03T00:00:00Z');
  const base = { borrower_id: self.id, party_id: self.id, stated_at: known };
  const inconvenient = random.chance(0.25) ? random.pick([[12 * 60, 14 * 60], [8 * 60, 10 * 60]] as const) : null;
  if (inconvenient !== null) {
    file.inconveniences.push({ ...base, kind: 'time', from_time: clock(inconvenient[0]),
      until_time: clock(inconvenient[1]), contact_point_id: null });
  }
  const onlyEvenings = random.chance(0.1);
  if (onlyEvenings) {
    file.agreements.push({ ...base, kind: 'contact_time', channel: null, starts_at: null, ends_at: null,
      recorded_at: known, revoked_at: null, daily_from: '18:00', daily_until: '21:00', only_then: true });
  }
  const noWorkCalls = pack === 'US' && file.contactPoints.some((row) => row.workplace) && random.chance(0.7);
  if (noWorkCalls && random.chance(0.5)) self.employer_prohibits_contact_since = known;
  else if (noWorkCalls) file.inconveniences.push({ ...base, kind: 'workplace', from_time: null, until_time: null,
    contact_point_id: null });
  const attorney = pack === 'US' ? random.weighted([['none', 14], ['represents', 1], ['failed_to_respond', 1]] as const)
    : 'none';
  if (attorney !== 'none') {
    file.attorneys.push({ id: self.id, borrower_id: self.id, account_id: null, learned_at: known, ended_at: null,
      failed_to_respond_at: attorney === 'failed_to_respond' ? known : null, consents_to_direct_contact_at: null });
  }
  return { inconvenient, onlyEvenings, noWorkCalls, attorney };
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The numbers of a person the channel can use without being told which: live, and of a fitting kind. */
function usableNumbers(person: Person, channel: Channel): Phone[] {
  const kinds = CHANNEL_KINDS[channel] ?? [];
  return person.phones.filter((phone) => phone.status === 'valid' && kinds.includes(phone.kind));
}

function personOf(borrower: Borrower, request: ContactRequest): Person {
  return request.targetPartyId === borrower.contact.party.external_id ? borrower.contact : borrower.self;
}

/**
 * A random proposal: mostly calls to the borrower, some messages, some contact persons; half name
 * one of the person's live numbers, half leave the number to the gate.
 */
function propose(random: Random, borrower: Borrower): Proposal {
  const kind = random.weighted([['call', 70], ['message', 18], ['contact_person', borrower.pack === 'CN' ? 12 : 0]] as const);
  const actorKind = random.weighted([['agent', 5], ['agency', 3], ['ai_voice', 2]] as const);
  const agency = actorKind === 'agency';
  const actor: ContactRequest['actor'] = agency
    ? { kind: 'agency', id: 'ag-1', agencyId: 'agency-a', dialledFrom: random.chance(0.9) ? REGISTERED : '13800138000' }
    : { kind: actorKind, id: `${actorKind}-1` };
  const request: ContactRequest = kind === 'message'
    ? { accountId: `acct-${borrower.id}`, channel: 'sms', actor: { kind: 'system', id: 'dispatcher' },
      content: messageContent(random, borrower.pack) }
    : kind === 'contact_person'
      ? { accountId: `acct-${borrower.id}`, channel: 'voice', purpose: 'obtain_contact',
        targetPartyId: borrower.contact.party.external_id, actor: { kind: 'agent', id: 'agent-1' } }
      : { accountId: `acct-${borrower.id}`, channel: 'voice', actor };
  const live = usableNumbers(personOf(borrower, request), request.channel!);
  const named = live.length > 0 && random.chance(0.5) ? { contactPointId: random.pick(live).externalId } : {};
  return { request: { ...request, ...named }, registered: agency && kind === 'call' ? [REGISTERED] : null };
}

function messageContent(random: Random, pack: 'CN' | 'US'): NonNullable<ContactRequest['content']> {
  const clean = pack === 'CN' ? CLEAN_ZH : CLEAN_EN;
  return { text: random.chance(0.15) ? random.pick(BAD_TEXTS) : clean, locale: pack === 'CN' ? 'zh-CN' : 'en',
    institution: pack === 'CN' ? '安心消费金融' : 'Harbor Recovery', verificationRef: 'FC-7Q2K' };
}

/**
 * The gate's answer on the number, against the oracle: a proposal that names a number of the person
 * goes ahead; one that names none goes ahead only when the person has exactly one usable number for
 * the channel, and is otherwise refused with the reason that says why.
 */
function checkResolution(borrower: Borrower, request: ContactRequest, rejection: GateRejection | null): string | null {
  const live = usableNumbers(personOf(borrower, request), request.channel!);
  const expected = request.contactPointId !== undefined || live.length === 1
    ? null
    : live.length === 0 ? 'no_contact_point' : 'contact_point_required';
  const actual = rejection?.reason ?? null;
  if (actual === expected) return null;
  return `${request.channel} to ${request.targetPartyId ?? borrower.id} naming ${request.contactPointId ?? 'no number'}`
    + ` with ${live.length} usable numbers: gate answered ${actual ?? 'go ahead'}, expected ${expected ?? 'go ahead'}`;
}

/**
 * Carries out an allowed proposal: the dialler uses the number named, or else the person's only
 * usable one. The attempt is written to the file as the reservation writes it, with the number the
 * gate recorded; the oracle's ledger keeps the number actually used.
 */
function execute(
  random: Random, borrower: Borrower, proposal: Proposal, situation: Situation, decision: Decision,
  recorded: bigint | null, nowMs: number,
): Executed {
  const { request } = proposal;
  const person = personOf(borrower, request);
  // A proposal without a number reaches here only for a person with one usable number (checkResolution).
  const number = request.contactPointId ?? usableNumbers(person, request.channel!)[0]?.externalId ?? 'none';
  const outcome: Outcome = situation.channel === 'voice'
    ? random.weighted([['connected', 25], ['no_answer', 45], ['busy', 10], ['failed', 5], ['voicemail_left', 5],
      // US borrowers ask for call backs more often, so that the requested call (outside both limits) is seen.
      ['callback_requested', borrower.pack === 'US' ? 20 : 5], ['promise_to_pay', 5]] as const)
    : 'delivered';
  const at = new Date(nowMs);
  borrower.file.attempts.push({
    borrower_id: borrower.self.party.id, started_at: at, channel: request.channel!, direction: 'outbound',
    party_id: person.party.id, contact_point_id: recorded, actor_kind: situation.actor.kind,
    actor_id: situation.actor.id, agency_id: situation.actor.agencyId ?? null, outcome,
    account_id: borrower.file.accounts[0]!.id, purpose: request.purpose ?? 'collect', decision_id: decision.id,
  });
  const callbackAt = outcome === 'callback_requested' ? new Date(nowMs + random.int(30, 600) * 60_000) : null;
  if (callbackAt !== null && person === borrower.self) borrower.callback.atMs = callbackAt.getTime();
  if (callbackAt !== null) {
    borrower.file.agreements.push({ borrower_id: borrower.self.party.id, party_id: person.party.id,
      kind: 'callback', channel: null, starts_at: callbackAt, ends_at: null,
      recorded_at: at, revoked_at: null, daily_from: null, daily_until: null, only_then: false });
  }
  const recordedNumber = borrower.file.contactPoints.find((row) => row.id === recorded)?.external_id ?? null;
  return {
    at: at.toISOString(), channel: request.channel!, partyId: person.party.external_id, outcome, number,
    recorded: recordedNumber, decisionId: decision.id, zones: situation.target?.timeZones ?? borrower.zones,
    pack: borrower.pack, borrowerId: borrower.id,
    ...(situation.actor.agencyId === undefined ? {} : { agencyId: situation.actor.agencyId }),
    ...(situation.actor.dialledFrom === undefined ? {} : { dialledFrom: situation.actor.dialledFrom }),
    ...(situation.content === undefined ? {} : { text: situation.content.text }),
    ...(callbackAt === null ? {} : { callbackAt: callbackAt.toISOString() }),
  };
}

function checkNextAllowed(evaluator: Evaluator, situation: Situation, decision: Decision): string | null {
  if (decision.nextAllowedAt === null) return null;
  const later = evaluator.evaluate(situation, new Date(decision.nextAllowedAt));
  if (later.allowed) return null;
  const denied = later.outcomes.filter((item) => item.result === 'deny').map((item) => `${item.ruleId}:${item.reason}`);
  return `denied at its own nextAllowedAt ${decision.nextAllowedAt} by ${denied.join(', ')} (decision ${decision.id})`;
}

function checkInvariants(
  ledger: readonly Executed[], decisions: ReadonlyMap<string, Decision>, borrower: Borrower,
): string | null {
  const latest = ledger[ledger.length - 1]!;
  const decision = decisions.get(latest.decisionId);
  if (decision === undefined || !decision.allowed || decision.evaluatedAt !== latest.at) {
    return `executed ${latest.channel} at ${latest.at} has no allowing Decision made at that instant`;
  }
  const [start, end] = WINDOW[latest.pack];
  for (const zone of latest.zones) {
    const minutes = localOf(latest.at, zone).minutes;
    if (minutes < start || minutes >= end) return `${latest.channel} at ${latest.at} is outside the window in ${zone}`;
  }
  if (latest.pack === 'CN' && latest.agencyId !== undefined && latest.dialledFrom !== REGISTERED) {
    return `agency dialled from unregistered ${latest.dialledFrom} at ${latest.at}`;
  }
  if (latest.text !== undefined && BAD_TEXTS.includes(latest.text)) return `a refused text was sent at ${latest.at}`;
  const statementProblem = checkStatements(latest, borrower);
  if (statementProblem !== null) return statementProblem;
  const mine = ledger.filter((item) => item.borrowerId === borrower.id);
  const capProblem = latest.pack === 'CN' ? checkChinaCaps(mine, latest, borrower) : checkUsCaps(mine, latest, borrower);
  if (capProblem !== null) return capProblem;
  return latest.recorded === latest.number
    ? null
    : `${latest.channel} at ${latest.at} used ${latest.number} but recorded ${latest.recorded ?? 'no number'}`;
}

/** CN caps, each call counted on the number actually dialled and on the borrower. */
function checkChinaCaps(mine: readonly Executed[], latest: Executed, borrower: Borrower): string | null {
  if (latest.channel !== 'voice') return null;
  const calls = mine.filter((item) => item.channel === 'voice');
  if (latest.partyId !== borrower.id) {
    const before = calls.filter((item) => item.partyId === borrower.id && Date.parse(item.at) < Date.parse(latest.at))
      .slice(-3);
    const lost = before.length === 3 && before.every((item) => !CONVERSATION.has(item.outcome) && item.outcome !== 'reserved');
    if (!lost) return `contact person called at ${latest.at} while the borrower was reachable`;
  }
  for (const zone of latest.zones) {
    const day = localOf(latest.at, zone).date;
    const sameNumber = calls.filter((item) => item.number === latest.number && UNANSWERED.has(item.outcome)
      && localOf(item.at, zone).date === day);
    if (sameNumber.length > 6) return `${sameNumber.length} unanswered attempts on ${latest.number} on ${day} in ${zone}`;
  }
  for (const zone of borrower.zones) {
    const day = localOf(latest.at, zone).date;
    const connected = calls.filter((item) => item.partyId === borrower.id && CONVERSATION.has(item.outcome)
      && localOf(item.at, zone).date === day).length;
    if (connected > 3) return `${connected} connected calls on ${day} in ${zone} for ${borrower.id}`;
  }
  return null;
}

/**
 * What the person said, against what was done: nothing at a time of day they called inconvenient or
 * outside "only evenings" (US: every contact but a letter; CN: calls), and in the US nothing on a work
 * number they may not be called on, and nothing at all while an attorney who answers represents them.
 */
function checkStatements(latest: Executed, borrower: Borrower): string | null {
  if (latest.partyId !== borrower.id) return null;
  const said = borrower.statements;
  const timed = latest.pack === 'US' ? latest.channel !== 'letter' : latest.channel === 'voice';
  for (const zone of timed ? latest.zones : []) {
    const minutes = localOf(latest.at, zone).minutes;
    if (said.inconvenient !== null && minutes >= said.inconvenient[0] && minutes < said.inconvenient[1]) {
      return `${latest.channel} at ${latest.at} in a time ${borrower.id} said is inconvenient (${zone})`;
    }
    if (said.onlyEvenings && (minutes < 18 * 60 || minutes >= 21 * 60)) {
      return `${latest.channel} at ${latest.at} outside the evenings ${borrower.id} gave as the only time (${zone})`;
    }
  }
  if (latest.pack !== 'US') return null;
  if (said.attorney === 'represents') return `${latest.channel} at ${latest.at} to ${borrower.id}, who has an attorney`;
  const work = borrower.self.phones.find((phone) => phone.externalId === latest.number)?.workplace === true;
  return said.noWorkCalls && work ? `call at ${latest.at} on the work number of ${borrower.id}` : null;
}

/**
 * The calls a person asked for: for each callback request, the first call placed from the requested
 * time to the end of that local day in every zone, within 7 days of the request (direct prior consent).
 */
function requestedCalls(calls: readonly Executed[], zones: readonly string[]): Set<Executed> {
  const requested = new Set<Executed>();
  for (const request of calls) {
    if (request.callbackAt === undefined) continue;
    const fromMs = Date.parse(request.callbackAt);
    const dayEnds = zones.map((zone) => Temporal.Instant.from(request.callbackAt!).toZonedDateTimeISO(zone)
      .toPlainDate().add({ days: 1 }).toZonedDateTime(zone).epochMilliseconds);
    const untilMs = Math.min(...dayEnds, Date.parse(request.at) + 7 * 86_400_000);
    const first = calls.find((item) => item.outcome !== 'failed' && Date.parse(item.at) >= fromMs
      && Date.parse(item.at) < untilMs);
    if (first !== undefined) requested.add(first);
  }
  return requested;
}

function checkUsCaps(mine: readonly Executed[], latest: Executed, borrower: Borrower): string | null {
  if (latest.channel !== 'voice' || latest.outcome === 'failed') return null;
  const calls = mine.filter((item) => item.channel === 'voice' && item.partyId === borrower.id);
  const requested = requestedCalls(calls, borrower.zones);
  if (requested.has(latest)) return null;
  for (const zone of borrower.zones) {
    const day = localOf(latest.at, zone).date;
    const placed = calls.filter((item) => item.outcome !== 'failed' && !requested.has(item)
      && daysBetween(localOf(item.at, zone).date, day) < 7);
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
