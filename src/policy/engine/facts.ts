import { parseInstantMs } from '../../stdx/parse-instant-ms.ts';
import { scanContent, type ContentFinding } from '../content/scan-content.ts';
import type {
  AccountEvent, Agreement, AgreementKind, Attempt, Channel, EventKind, Hold, HoldKind, PackId, Purpose,
  Situation, Target, TargetRole,
} from '../situation.ts';

/**
 * What a rule sees: the situation with its instants parsed once, and questions answered at one
 * instant (`nowMs`): which holds and agreements are active, whether a medium was opted out, what
 * the content guard found in the text. `prepareFacts` does the parsing; `factsAt` binds an
 * instant, so the search for the next allowed moment re-asks the rules without re-parsing.
 */
export type TimedAttempt = Attempt & { readonly atMs: number };
export type TimedHold = Hold & { readonly startedMs: number; readonly endedMs: number | null };
export type TimedAgreement = Agreement & {
  readonly recordedMs: number; readonly startsMs: number | null; readonly endsMs: number | null;
  readonly revokedMs: number | null;
};
export type TimedEvent = AccountEvent & { readonly atMs: number };

export type PreparedFacts = {
  readonly situation: Situation;
  readonly pack: PackId;
  readonly channel: Channel | null;
  readonly purpose: Purpose;
  readonly target: Target | null;
  readonly targetRole: TargetRole | null;
  readonly borrowerZones: readonly string[];
  readonly targetZones: readonly string[];
  /** Every attempt in the history, oldest first. */
  readonly attempts: readonly TimedAttempt[];
  readonly allHolds: readonly TimedHold[];
  readonly allAgreements: readonly TimedAgreement[];
  readonly allEvents: readonly TimedEvent[];
  /** The instant of each opt-out of the situation, in its order. */
  readonly optOutMs: readonly number[];
  contentFindings(): readonly ContentFinding[] | null;
};

export type Facts = PreparedFacts & {
  readonly nowMs: number;
  /** Holds of these kinds active now on the situation's account (or on the borrower as a whole). */
  holds(kinds: readonly HoldKind[]): readonly TimedHold[];
  /** Agreements of a kind by a party, recorded by now and not revoked by now. */
  agreements(kind: AgreementKind, partyId: string): readonly TimedAgreement[];
  optedOut(partyId: string, channel: Channel): boolean;
  /** Events of a kind on the situation's account that happened by now, oldest first. */
  events(kind: EventKind): readonly TimedEvent[];
};

const msOf = (iso: string | undefined): number | null => (iso === undefined ? null : parseInstantMs(iso));

export function prepareFacts(situation: Situation): PreparedFacts {
  const attempts = byTime(situation.history.map((attempt) => ({
    ...attempt, atMs: parseInstantMs(attempt.at),
  })));
  const account = situation.accountId;
  const forAccount = (accountId: string | undefined) =>
    accountId === undefined || account === undefined || accountId === account;
  const allHolds = situation.holds.filter((hold) => forAccount(hold.accountId)).map((hold) => ({
    ...hold, startedMs: parseInstantMs(hold.startedAt), endedMs: msOf(hold.endedAt),
  }));
  const allAgreements = situation.agreements.map((agreement) => ({
    ...agreement, recordedMs: parseInstantMs(agreement.recordedAt), startsMs: msOf(agreement.startsAt),
    endsMs: msOf(agreement.endsAt), revokedMs: msOf(agreement.revokedAt),
  }));
  const allEvents = byTime((situation.events ?? []).filter((event) => forAccount(event.accountId))
    .map((event) => ({ ...event, atMs: parseInstantMs(event.at) })));
  const target = situation.target ?? null;
  let findings: readonly ContentFinding[] | null | undefined;
  return {
    situation,
    pack: situation.pack,
    channel: situation.action === 'contact' ? situation.channel ?? null : null,
    purpose: situation.purpose ?? 'collect',
    target,
    targetRole: target?.role ?? null,
    borrowerZones: situation.borrower.timeZones,
    targetZones: target?.timeZones ?? situation.borrower.timeZones,
    attempts,
    allHolds,
    allAgreements,
    allEvents,
    optOutMs: situation.optOuts.map((optOut) => parseInstantMs(optOut.at)),
    contentFindings() {
      if (findings === undefined) findings = situation.content === undefined ? null : scanContent(situation);
      return findings;
    },
  };
}

/**
 * Records oldest first, in a stable order; most histories arrive in order already, and a stable sort
 * of a sorted list is the list itself, so those are kept as they are.
 */
function byTime<T extends { readonly atMs: number }>(records: T[]): T[] {
  for (let index = 1; index < records.length; index += 1) {
    // Negated, so that an instant that is not a number (NaN) also goes to the sort.
    if (!(records[index - 1]!.atMs <= records[index]!.atMs)) {
      return records.sort((left, right) => left.atMs - right.atMs);
    }
  }
  return records;
}

export function factsAt(prepared: PreparedFacts, nowMs: number): Facts {
  const situation = prepared.situation;
  return {
    situation,
    pack: prepared.pack,
    channel: prepared.channel,
    purpose: prepared.purpose,
    target: prepared.target,
    targetRole: prepared.targetRole,
    borrowerZones: prepared.borrowerZones,
    targetZones: prepared.targetZones,
    attempts: prepared.attempts,
    allHolds: prepared.allHolds,
    allAgreements: prepared.allAgreements,
    allEvents: prepared.allEvents,
    optOutMs: prepared.optOutMs,
    contentFindings: prepared.contentFindings,
    nowMs,
    holds: (kinds) => prepared.allHolds.filter((hold) => kinds.includes(hold.kind) &&
      hold.startedMs <= nowMs && (hold.endedMs === null || nowMs < hold.endedMs)),
    agreements: (kind, partyId) => prepared.allAgreements.filter((agreement) => agreement.kind === kind &&
      agreement.partyId === partyId && agreement.recordedMs <= nowMs &&
      (agreement.revokedMs === null || nowMs < agreement.revokedMs)),
    optedOut: (partyId, channel) => situation.optOuts.some((optOut, index) =>
      optOut.partyId === partyId && optOut.channel === channel && prepared.optOutMs[index]! <= nowMs),
    events: (kind) => prepared.allEvents.filter((event) => event.kind === kind && event.atMs <= nowMs),
  };
}
