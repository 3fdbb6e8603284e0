import { GATE_HISTORY_DAYS } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { shippedHistoryReads, shippedRulesBeyond } from '../../policy/rules/look-back.ts';
import { assert } from '../../stdx/assert.ts';
import { attemptsSql } from './attempts-sql.ts';

/**
 * Everything the gate knows about a borrower, loaded for many borrowers at once (a fixed number
 * of queries per batch, never one per borrower): the people on file (the borrower and the contact
 * persons), their numbers and addresses, the accounts with their jurisdiction, the contact history
 * of the lender and all its agencies (every attempt of the last GATE_HISTORY_DAYS, and before them the
 * attempts the whole-history rules read), agreements, holds, agency placements, the times and places
 * people said are inconvenient, and the attorneys known to represent the borrower.
 */
export type PartyRow = {
  id: bigint;
  external_id: string;
  kind: 'borrower' | 'contact_person';
  borrower_id: bigint;
  relationship: string | null;
  time_zone: string;
  extra_time_zones: string[];
  do_not_contact_since: Date | null;
  employer_prohibits_contact_since: Date | null;
};
export type ContactPointRow = {
  id: bigint;
  external_id: string;
  party_id: bigint;
  borrower_id: bigint;
  kind: string;
  status: string;
  employer_provided: boolean;
  workplace: boolean;
};
export type AccountRow = { id: bigint; external_id: string; borrower_id: bigint; jurisdiction: string };
export type AttemptRow = {
  borrower_id: bigint;
  started_at: Date;
  channel: string;
  direction: string;
  party_id: bigint;
  contact_point_id: bigint | null;
  actor_kind: string;
  actor_id: string;
  agency_id: string | null;
  outcome: string;
  account_id: bigint | null;
  purpose: string | null;
  decision_id: string | null;
};
export type AgreementRow = {
  borrower_id: bigint;
  party_id: bigint;
  kind: string;
  channel: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
  recorded_at: Date;
  revoked_at: Date | null;
  daily_from: string | null;
  daily_until: string | null;
  only_then: boolean;
};
/** A time or place the person said is inconvenient, not withdrawn. */
type InconvenienceRow = {
  borrower_id: bigint;
  party_id: bigint;
  kind: 'time' | 'workplace' | 'contact_point';
  from_time: string | null;
  until_time: string | null;
  contact_point_id: bigint | null;
  stated_at: Date;
};
type AttorneyRow = {
  id: bigint;
  borrower_id: bigint;
  account_id: bigint | null;
  learned_at: Date;
  failed_to_respond_at: Date | null;
  consents_to_direct_contact_at: Date | null;
  ended_at: Date | null;
};
export type HoldRow = {
  borrower_id: bigint;
  account_id: bigint | null;
  kind: string;
  started_at: Date;
  ended_at: Date | null;
  detail: Record<string, unknown>;
};
export type PlacementRow = {
  borrower_id: bigint;
  account_id: bigint;
  agency_id: string;
  placed_on: string;
  recalled_on: string | null;
};

export type BorrowerFile = {
  parties: PartyRow[];
  contactPoints: ContactPointRow[];
  accounts: AccountRow[];
  attempts: AttemptRow[];
  agreements: AgreementRow[];
  holds: HoldRow[];
  placements: PlacementRow[];
  inconveniences: InconvenienceRow[];
  attorneys: AttorneyRow[];
};

// The history the gate loads must reach as far back as every shipped rule's bounded look-back.
assert(shippedRulesBeyond(GATE_HISTORY_DAYS).length === 0,
  `rules read further back than GATE_HISTORY_DAYS: ${shippedRulesBeyond(GATE_HISTORY_DAYS).join(', ')}`);

const shipped = shippedHistoryReads();
// A rule that searches the whole history but declares no reads would see only GATE_HISTORY_DAYS, and
// for some (a third party reached or refusing long ago, an old first notice) the cut allows what the
// whole history refuses; the gate does not start with such a rule shipped.
assert(shipped.undeclared.length === 0,
  `whole-history rules without history reads, or bounded ones with: ${shipped.undeclared.join(', ')}`);
/** What the shipped whole-history rules read: loaded whatever its age, kept when a history is cut. */
export const GATE_HISTORY_READS = shipped.reads;
const ATTEMPTS_SQL = attemptsSql(GATE_HISTORY_READS);

export async function loadBorrowerFiles(
  db: Db,
  borrowerIds: readonly bigint[],
  now: Date,
): Promise<Map<bigint, BorrowerFile>> {
  const files = new Map(borrowerIds.map((id) => [id, emptyFile()]));
  const ids = [...files.keys()];
  const since = new Date(now.getTime() - GATE_HISTORY_DAYS * 86_400_000);
  // Asked all at once: inside a transaction they queue on its one connection and run back to back,
  // without waiting for this process between them; outside one, the pool runs them side by side.
  const [parties, contactPoints, accounts, attempts, agreements, holds, placements, [inconveniences,
    attorneys]] = await Promise.all([
    db.query<PartyRow>(
      `SELECT id, external_id, kind, borrower_id, relationship, time_zone, extra_time_zones,
          do_not_contact_since, employer_prohibits_contact_since
          FROM party WHERE borrower_id = ANY($1::bigint[])`,
      [ids],
    ),
    db.query<ContactPointRow>(
      `SELECT id, external_id, party_id, borrower_id, kind, status, employer_provided, workplace
          FROM contact_point WHERE borrower_id = ANY($1::bigint[])`,
      [ids],
    ),
    db.query<AccountRow>(
      `SELECT a.id, a.external_id, a.borrower_id, p.jurisdiction
          FROM account a JOIN product p ON p.id = a.product_id
          WHERE a.borrower_id = ANY($1::bigint[])`,
      [ids],
    ),
    db.query<AttemptRow>(
      ATTEMPTS_SQL,
      [ids, since],
    ),
    db.query<AgreementRow>(
      `SELECT borrower_id, party_id, kind, channel, starts_at, ends_at, recorded_at, revoked_at,
          daily_from, daily_until, only_then FROM agreement WHERE borrower_id = ANY($1::bigint[])`,
      [ids],
    ),
    db.query<HoldRow>(
      `SELECT borrower_id, account_id, kind, started_at, ended_at, detail
          FROM hold WHERE borrower_id = ANY($1::bigint[])`,
      [ids],
    ),
    db.query<PlacementRow>(
      `SELECT borrower_id, account_id, agency_id, placed_on,
          recalled_on FROM placement WHERE borrower_id = ANY($1::bigint[])`,
      [ids],
    ),
    loadStatements(db, ids),
  ]);
  const into = <K extends keyof BorrowerFile>(key: K, rows: BorrowerFile[K]) => {
    for (const row of rows) (files.get(row.borrower_id)![key] as (typeof row)[]).push(row);
  };
  into('parties', parties);
  into('contactPoints', contactPoints);
  into('accounts', accounts);
  into('attempts', attempts);
  into('agreements', agreements);
  into('holds', holds);
  into('placements', placements);
  into('inconveniences', inconveniences);
  into('attorneys', attorneys);
  return files;
}

/** What people said about their times and places, and the attorneys of the borrowers. */
function loadStatements(db: Db, ids: readonly bigint[]): Promise<[InconvenienceRow[], AttorneyRow[]]> {
  return Promise.all([
    db.query<InconvenienceRow>(
      `SELECT borrower_id, party_id, kind, from_time, until_time, contact_point_id, stated_at
          FROM stated_inconvenience WHERE borrower_id = ANY($1::bigint[]) AND withdrawn_at IS NULL
          ORDER BY id`,
      [ids],
    ),
    db.query<AttorneyRow>(
      `SELECT id, borrower_id, account_id, learned_at, failed_to_respond_at, consents_to_direct_contact_at,
          ended_at FROM attorney_representation WHERE borrower_id = ANY($1::bigint[]) ORDER BY id`,
      [ids],
    ),
  ]);
}

function emptyFile(): BorrowerFile {
  return {
    parties: [], contactPoints: [], accounts: [], attempts: [], agreements: [], holds: [], placements: [],
    inconveniences: [], attorneys: [],
  };
}
