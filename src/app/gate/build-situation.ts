import {
  AGREEMENT_KINDS,
  CHANNELS,
  HOLD_KINDS,
  type AccountEvent,
  type Action,
  type Agreement,
  type AgreementKind,
  type Attempt,
  type Channel,
  type Hold,
  type HoldKind,
  type Attorney,
  type InconvenientPlace,
  type InconvenientTime,
  type OptOut,
  type PackId,
  type Situation,
  type Target,
} from '../../policy/situation.ts';
import type { HistoryView } from '../../policy/rules/look-back.ts';
import { assert } from '../../stdx/assert.ts';
import type { ContactRequest } from './contact-request.ts';
import {
  GATE_HISTORY_READS,
  type AccountRow,
  type AttemptRow,
  type BorrowerFile,
  type ContactPointRow,
  type PartyRow,
} from './load-borrower-files.ts';
import { keepHistory } from './keep-history.ts';
import { packFor } from './policy-gate.ts';
import { SITUATION_HISTORY_ITEMS_MAX } from '../../config/limits.ts';

/**
 * Turns what the database holds about a borrower into the engine's Situation for one request.
 * The caller names the debt, the person, the channel and the actor; the borrower's zones, whole
 * contact history, agreements, opt-outs, holds, placements and notices always come from the file,
 * so a decision can never be made on a partial picture.
 */
export type GateRejection =
  | { reason: 'unknown_account'; field: 'accountId' }
  | { reason: 'unknown_target_party'; field: 'targetPartyId' }
  | { reason: 'unknown_contact_point'; field: 'contactPointId' }
  | { reason: 'contact_point_required'; field: 'contactPointId' }
  | { reason: 'no_contact_point'; field: 'contactPointId' }
  | { reason: 'channel_required'; field: 'channel' }
  | { reason: 'no_policy_pack'; field: 'accountId'; jurisdiction: string };

/**
 * What to do with a call or text that does not name its number. `resolve`, for a question that will
 * be acted on (a check or a reservation): the number that will be dialled is the person's only usable
 * one, and the request is refused when there are several or none, so every attempt records the
 * number it used and each number's cap counts all of its calls. `leave_open`, for planning a day
 * ahead: the number is chosen when the action is reserved, and the rules judge the unnamed number as
 * the busiest of the person's numbers.
 */
export type NumberChoice = 'resolve' | 'leave_open';

export type BuiltSituation = {
  situation: Situation;
  borrower: PartyRow;
  target: PartyRow;
  accountId: bigint;
  contactPointId: bigint | null;
};

const ZULU = (at: Date) => at.toISOString();
const PHONE_KINDS = new Set(['mobile', 'landline']);
/** The kinds of contact point each numbered channel can reach: a text needs a mobile. */
const NUMBER_KINDS: Readonly<Partial<Record<Channel, ReadonlySet<string>>>> = {
  voice: PHONE_KINDS,
  sms: new Set(['mobile']),
};
const DELIVERED = new Set(['delivered', 'connected']);
const isChannel = (value: string | null): value is Channel => CHANNELS.includes(value as Channel);

type Resolved = {
  account: AccountRow;
  pack: PackId;
  action: Action;
  borrower: PartyRow;
  target: PartyRow;
  point: ContactPointRow | null;
};
type Ids = { party: Map<bigint, string>; point: Map<bigint, string>; account: Map<bigint, string> };

export function buildSituation(
  file: BorrowerFile,
  request: ContactRequest,
  registeredNumbers: readonly string[] | null,
  numbers: NumberChoice = 'resolve',
): { ok: true; built: BuiltSituation } | { ok: false; rejection: GateRejection } {
  const resolved = resolveRequest(file, request, numbers);
  if ('reason' in resolved) return { ok: false, rejection: resolved };
  const { account, pack, action, borrower, target, point } = resolved;
  const ids: Ids = {
    party: new Map(file.parties.map((party) => [party.id, party.external_id])),
    point: new Map(file.contactPoints.map((row) => [row.id, row.external_id])),
    account: new Map(file.accounts.map((row) => [row.id, row.external_id])),
  };
  const phones = file.contactPoints.filter(
    (row) => row.party_id === borrower.id && PHONE_KINDS.has(row.kind),
  );
  const { agreements, optOuts } = agreementsOf(file, ids);
  const situation: Situation = {
    pack,
    action,
    ...(action === 'contact' ? { channel: request.channel! } : {}),
    ...(request.voicemail === undefined ? {} : { voicemail: request.voicemail }),
    ...(request.purpose === undefined ? {} : { purpose: request.purpose }),
    accountId: account.external_id,
    borrower: {
      id: borrower.external_id,
      timeZones: zonesOf(borrower),
      ...(phones.length > 0 && phones.every((row) => row.status !== 'valid')
        ? { allNumbersInvalid: true }
        : {}),
    },
    target: targetOf(target, point),
    actor: {
      kind: request.actor.kind,
      id: request.actor.id,
      ...(request.actor.agencyId === undefined ? {} : { agencyId: request.actor.agencyId }),
      ...(request.actor.dialledFrom === undefined ? {} : { dialledFrom: request.actor.dialledFrom }),
      ...(registeredNumbers === null ? {} : { registeredNumbers: [...registeredNumbers] }),
    },
    ...(request.visit === undefined ? {} : { visit: request.visit }),
    history: keepHistory(file.attempts, historyViewOf, GATE_HISTORY_READS, SITUATION_HISTORY_ITEMS_MAX)
      .map((row) => attemptOf(row, ids)),
    agreements,
    optOuts,
    holds: holdsOf(file, ids),
    placements: file.placements.map((row) => ({
      accountId: ids.account.get(row.account_id)!,
      agencyId: row.agency_id,
      placedAt: `${row.placed_on}T00:00:00Z`,
      ...(row.recalled_on === null ? {} : { recalledAt: `${row.recalled_on}T00:00:00Z` }),
    })),
    events: file.attempts.flatMap((row) => eventsOf(row, ids.account)),
    ...statementsOf(file, ids),
    ...(request.content === undefined ? {} : { content: request.content }),
  };
  return {
    ok: true,
    built: { situation, borrower, target, accountId: account.id, contactPointId: point?.id ?? null },
  };
}

/** The request's references, checked against the borrower's file. */
function resolveRequest(
  file: BorrowerFile,
  request: ContactRequest,
  numbers: NumberChoice,
): Resolved | GateRejection {
  const account = file.accounts.find((row) => row.external_id === request.accountId);
  if (account === undefined) return { reason: 'unknown_account', field: 'accountId' };
  const pack = packFor(account.jurisdiction);
  if (pack === null)
    return { reason: 'no_policy_pack', field: 'accountId', jurisdiction: account.jurisdiction };
  const action: Action = request.action ?? 'contact';
  if (action === 'contact' && request.channel === undefined)
    return { reason: 'channel_required', field: 'channel' };
  const borrower = file.parties.find(
    (party) => party.kind === 'borrower' && party.id === account.borrower_id,
  );
  assert(borrower !== undefined, `account ${account.external_id} has a borrower on file`);
  const target =
    request.targetPartyId === undefined
      ? borrower
      : file.parties.find((party) => party.external_id === request.targetPartyId);
  if (target === undefined) return { reason: 'unknown_target_party', field: 'targetPartyId' };
  const point =
    request.contactPointId === undefined
      ? null
      : file.contactPoints.find(
          (row) => row.external_id === request.contactPointId && row.party_id === target.id,
        );
  if (point === undefined) return { reason: 'unknown_contact_point', field: 'contactPointId' };
  if (point !== null || action !== 'contact' || numbers === 'leave_open') {
    return { account, pack, action, borrower, target, point };
  }
  const dialled = numberToDial(file, target, request.channel!);
  if (dialled !== null && 'reason' in dialled) return dialled;
  return { account, pack, action, borrower, target, point: dialled };
}

/**
 * The number a call or text that names none will use: the person's only usable number for the
 * channel (a valid mobile for a text, a valid mobile or landline for a call). A number marked invalid
 * or as reaching someone else is not dialled. Channels without numbers (letters, email, app, visits)
 * need none.
 */
function numberToDial(
  file: BorrowerFile,
  target: PartyRow,
  channel: Channel,
): ContactPointRow | null | GateRejection {
  const kinds = NUMBER_KINDS[channel];
  if (kinds === undefined) return null;
  const usable = file.contactPoints.filter(
    (row) => row.party_id === target.id && kinds.has(row.kind) && row.status === 'valid',
  );
  if (usable.length === 1) return usable[0]!;
  return usable.length === 0
    ? { reason: 'no_contact_point', field: 'contactPointId' }
    : { reason: 'contact_point_required', field: 'contactPointId' };
}

function targetOf(target: PartyRow, point: ContactPointRow | null): Target {
  const role =
    target.kind === 'borrower'
      ? 'borrower'
      : target.relationship === 'guarantor'
        ? 'guarantor'
        : 'contact_person';
  return {
    partyId: target.external_id,
    role,
    ...(target.relationship === null ? {} : { relationship: target.relationship as Target['relationship'] }),
    timeZones: zonesOf(target),
    ...(point === null
      ? {}
      : {
          contactPointId: point.external_id,
          contactPointStatus: point.status as 'valid' | 'invalid' | 'wrong_person',
        }),
    ...(target.do_not_contact_since === null ? {} : { doNotContact: true }),
    ...(point?.workplace === true ? { workplace: true } : {}),
    ...(point?.employer_provided === true ? { employerProvided: true } : {}),
    ...(target.employer_prohibits_contact_since === null ? {} : { employerProhibitsContact: true }),
  };
}

type Statements = Pick<Situation, 'inconvenientTimes' | 'inconvenientPlaces' | 'attorneys'>;

/**
 * The times and places people said are inconvenient and the attorneys known to represent the
 * borrower; each list only when the file has some, so a file without them decides on the same
 * situation as before they existed.
 */
function statementsOf(file: BorrowerFile, ids: Ids): Statements {
  const times: InconvenientTime[] = [];
  const places: InconvenientPlace[] = [];
  for (const row of file.inconveniences) {
    const partyId = ids.party.get(row.party_id);
    if (partyId === undefined) continue;
    const statedAt = ZULU(row.stated_at);
    if (row.kind === 'time') {
      times.push({ partyId, from: row.from_time!, until: row.until_time!, statedAt });
    } else if (row.kind === 'workplace') {
      places.push({ partyId, place: 'workplace', statedAt });
    } else {
      places.push({ partyId, place: 'contact_point', contactPointId: ids.point.get(row.contact_point_id!)!,
        statedAt });
    }
  }
  const attorneys: Attorney[] = file.attorneys.map((row) => ({
    id: String(row.id),
    ...(row.account_id === null ? {} : { accountId: ids.account.get(row.account_id)! }),
    learnedAt: ZULU(row.learned_at),
    ...(row.failed_to_respond_at === null ? {} : { failedToRespond: true }),
    ...(row.consents_to_direct_contact_at === null ? {} : { consentsToDirectContact: true }),
    ...(row.ended_at === null ? {} : { endedAt: ZULU(row.ended_at) }),
  }));
  return {
    ...(times.length === 0 ? {} : { inconvenientTimes: times }),
    ...(places.length === 0 ? {} : { inconvenientPlaces: places }),
    ...(attorneys.length === 0 ? {} : { attorneys }),
  };
}

/** Agreements as the engine knows them; a channel opt-out is an agreement row but an engine opt-out. */
function agreementsOf(file: BorrowerFile, ids: Ids): { agreements: Agreement[]; optOuts: OptOut[] } {
  const optOuts: OptOut[] = [];
  const agreements: Agreement[] = [];
  for (const row of file.agreements) {
    const partyId = ids.party.get(row.party_id);
    if (partyId === undefined) continue;
    if (row.kind === 'channel_opt_out') {
      if (isChannel(row.channel) && row.revoked_at === null) {
        optOuts.push({ partyId, channel: row.channel, at: ZULU(row.recorded_at) });
      }
      continue;
    }
    if (!AGREEMENT_KINDS.includes(row.kind as AgreementKind)) continue;
    agreements.push({
      kind: row.kind as AgreementKind,
      partyId,
      ...(isChannel(row.channel) ? { channel: row.channel } : {}),
      ...(row.starts_at === null ? {} : { startsAt: ZULU(row.starts_at) }),
      ...(row.ends_at === null ? {} : { endsAt: ZULU(row.ends_at) }),
      recordedAt: ZULU(row.recorded_at),
      ...(row.revoked_at === null ? {} : { revokedAt: ZULU(row.revoked_at) }),
      ...(row.daily_from === null ? {} : { dailyFrom: row.daily_from, dailyUntil: row.daily_until! }),
      ...(row.only_then ? { onlyThen: true } : {}),
    });
  }
  return { agreements, optOuts };
}

function holdsOf(file: BorrowerFile, ids: Ids): Hold[] {
  return file.holds
    .filter((row) => HOLD_KINDS.includes(row.kind as HoldKind))
    .map((row) => ({
      kind: row.kind as HoldKind,
      ...(row.account_id === null ? {} : { accountId: ids.account.get(row.account_id)! }),
      startedAt: ZULU(row.started_at),
      ...(row.ended_at === null ? {} : { endedAt: ZULU(row.ended_at) }),
      ...(typeof row.detail.subjectActorId === 'string' ? { subjectActorId: row.detail.subjectActorId } : {}),
      ...(typeof row.detail.subjectAgencyId === 'string'
        ? { subjectAgencyId: row.detail.subjectAgencyId }
        : {}),
    }));
}

function zonesOf(party: PartyRow): string[] {
  return [party.time_zone, ...party.extra_time_zones.filter((zone) => zone !== party.time_zone)];
}

function historyViewOf(row: AttemptRow): HistoryView {
  return {
    byBorrower: row.party_id === row.borrower_id,
    channel: row.channel,
    outbound: row.direction !== 'inbound',
    outcome: row.outcome,
    purpose: row.purpose ?? 'collect',
    account: row.account_id === null ? null : String(row.account_id),
  };
}

function attemptOf(row: AttemptRow, ids: Ids): Attempt {
  return {
    at: ZULU(row.started_at),
    channel: row.channel as Channel,
    direction: row.direction as 'outbound' | 'inbound',
    partyId: ids.party.get(row.party_id)!,
    ...(row.contact_point_id === null ? {} : { contactPointId: ids.point.get(row.contact_point_id)! }),
    actorKind: row.actor_kind as Attempt['actorKind'],
    actorId: row.actor_id,
    ...(row.agency_id === null ? {} : { agencyId: row.agency_id }),
    outcome: row.outcome as Attempt['outcome'],
    ...(row.account_id === null ? {} : { accountId: ids.account.get(row.account_id)! }),
    ...(row.purpose === null ? {} : { purpose: row.purpose as Attempt['purpose'] }),
    ...(row.decision_id === null ? {} : { decisionId: row.decision_id }),
  };
}

/** Notices and messages the reporting rules look for, read off the delivered attempts. */
function eventsOf(row: AttemptRow, accounts: Map<bigint, string>): AccountEvent[] {
  const base = {
    at: ZULU(row.started_at),
    ...(row.account_id === null ? {} : { accountId: accounts.get(row.account_id)! }),
    ...(isChannel(row.channel) ? { channel: row.channel } : {}),
  };
  if (row.outcome === 'bounced') return [{ kind: 'undeliverable', ...base }];
  if (!DELIVERED.has(row.outcome) || row.direction !== 'outbound') return [];
  if (row.purpose === 'adverse_credit_notice') return [{ kind: 'adverse_credit_notice', ...base }];
  if (row.purpose === 'validation_notice') return [{ kind: 'validation_notice', ...base }];
  if ((row.purpose ?? 'collect') === 'collect' && (row.channel === 'letter' || row.channel === 'email')) {
    return [{ kind: 'debt_message', ...base }];
  }
  return [];
}
