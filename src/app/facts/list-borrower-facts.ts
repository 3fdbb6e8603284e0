import { CASE_FACTS_ROWS_MAX } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { maskContactValue } from '../../domain/people/mask-contact-value.ts';

/**
 * What the persons on a borrower's file told the lender, as the desk lists it: who the persons are
 * (the borrower, and those of `shownParties` on the file, the third parties the reader may see) with
 * any employer's prohibition of calls at work, the attorney representations (open and past), the
 * inconvenient times and places still in force, and the daily contact times not revoked. An
 * attorney's phone and email and a stated place's number are masked like every contact value.
 */
export type BorrowerFacts = {
  persons: { externalId: string; name: string; kind: 'borrower' | 'contact_person';
    employerProhibitsSince: Date | null }[];
  attorneys: {
    id: string; account: string | null; name: string; firm: string | null; maskedPhone: string | null;
    maskedEmail: string | null; learnedAt: Date; failedToRespondAt: Date | null;
    consentsAt: Date | null; endedAt: Date | null; recordedBy: string;
  }[];
  inconveniences: {
    id: string; person: string; kind: 'time' | 'workplace' | 'contact_point'; from: string | null;
    until: string | null; maskedPlace: string | null; statedAt: Date; recordedBy: string;
  }[];
  contactTimes: {
    id: string; person: string; from: string; until: string; onlyThen: boolean; channel: string | null;
    recordedBy: string;
  }[];
};

type PersonRow = { external_id: string; full_name: string; kind: 'borrower' | 'contact_person';
  employer_prohibits_contact_since: Date | null };
type AttorneyRow = {
  id: string; account: string | null; attorney_name: string; firm: string | null; phone: string | null;
  email: string | null; learned_at: Date; failed_to_respond_at: Date | null;
  consents_to_direct_contact_at: Date | null; ended_at: Date | null; recorded_by: string;
};
type InconvenienceRow = {
  id: string; person: string; kind: 'time' | 'workplace' | 'contact_point'; from_time: string | null;
  until_time: string | null; point_kind: string | null; point_value: string | null; stated_at: Date;
  recorded_by: string;
};
type ContactTimeRow = {
  id: string; person: string; daily_from: string; daily_until: string; only_then: boolean;
  channel: string | null; recorded_by: string;
};

export async function listBorrowerFacts(db: Db, borrowerId: bigint,
  shownParties: readonly string[]): Promise<BorrowerFacts> {
  const persons = await db.query<PersonRow>(`SELECT external_id, full_name, kind,
      employer_prohibits_contact_since
    FROM party WHERE borrower_id = $1 AND (id = $1 OR external_id = ANY($2::text[]))
    ORDER BY id = $1 DESC, id LIMIT $3`, [borrowerId, shownParties, CASE_FACTS_ROWS_MAX]);
  const names = persons.map((person) => person.external_id);
  const attorneys = await db.query<AttorneyRow>(`SELECT r.id::text AS id, a.external_id AS account,
      r.attorney_name, r.firm, r.phone, r.email, r.learned_at, r.failed_to_respond_at,
      r.consents_to_direct_contact_at, r.ended_at, r.recorded_by
    FROM attorney_representation r LEFT JOIN account a ON a.id = r.account_id
    WHERE r.borrower_id = $1 ORDER BY r.ended_at IS NOT NULL, r.learned_at DESC, r.id DESC LIMIT $2`,
  [borrowerId, CASE_FACTS_ROWS_MAX]);
  const inconveniences = await db.query<InconvenienceRow>(`SELECT s.id::text AS id, p.external_id AS person,
      s.kind, s.from_time, s.until_time, c.kind AS point_kind, c.value AS point_value, s.stated_at,
      s.recorded_by
    FROM stated_inconvenience s JOIN party p ON p.id = s.party_id
    LEFT JOIN contact_point c ON c.id = s.contact_point_id
    WHERE s.borrower_id = $1 AND s.withdrawn_at IS NULL AND p.external_id = ANY($2::text[])
    ORDER BY s.stated_at DESC, s.id DESC LIMIT $3`, [borrowerId, names, CASE_FACTS_ROWS_MAX]);
  const contactTimes = await db.query<ContactTimeRow>(`SELECT g.id::text AS id, p.external_id AS person,
      g.daily_from, g.daily_until, g.only_then, g.channel, g.recorded_by
    FROM agreement g JOIN party p ON p.id = g.party_id
    WHERE g.borrower_id = $1 AND g.kind = 'contact_time' AND g.revoked_at IS NULL
      AND g.daily_from IS NOT NULL AND p.external_id = ANY($2::text[])
    ORDER BY g.recorded_at DESC, g.id DESC LIMIT $3`, [borrowerId, names, CASE_FACTS_ROWS_MAX]);
  return {
    persons: persons.map((row) => ({ externalId: row.external_id, name: row.full_name, kind: row.kind,
      employerProhibitsSince: row.employer_prohibits_contact_since })),
    attorneys: attorneys.map((row) => ({
      id: row.id, account: row.account, name: row.attorney_name, firm: row.firm,
      maskedPhone: row.phone === null ? null : maskContactValue('mobile', row.phone),
      maskedEmail: row.email === null ? null : maskContactValue('email', row.email),
      learnedAt: row.learned_at, failedToRespondAt: row.failed_to_respond_at,
      consentsAt: row.consents_to_direct_contact_at, endedAt: row.ended_at, recordedBy: row.recorded_by,
    })),
    inconveniences: inconveniences.map((row) => ({
      id: row.id, person: row.person, kind: row.kind, from: row.from_time, until: row.until_time,
      maskedPlace: row.point_kind === null || row.point_value === null ? null
        : maskContactValue(row.point_kind, row.point_value),
      statedAt: row.stated_at, recordedBy: row.recorded_by,
    })),
    contactTimes: contactTimes.map((row) => ({ id: row.id, person: row.person, from: row.daily_from,
      until: row.daily_until, onlyThen: row.only_then, channel: row.channel, recordedBy: row.recorded_by })),
  };
}
