import type { FastifyRequest } from 'fastify';
import { Temporal } from 'temporal-polyfill';
import { appendAuditEvent } from '../../app/audit/append-audit-event.ts';
import type { CaseFile } from '../../app/desk/get-case-file.ts';
import { listBorrowerFacts, type BorrowerFacts } from '../../app/facts/list-borrower-facts.ts';
import { recordAttorney } from '../../app/facts/record-attorney.ts';
import { ATTORNEY_EVENTS, recordAttorneyEvent } from '../../app/facts/record-attorney-event.ts';
import { recordContactTime } from '../../app/facts/record-contact-time.ts';
import { recordEmployerProhibition } from '../../app/facts/record-employer-prohibition.ts';
import { recordInconvenience } from '../../app/facts/record-inconvenience.ts';
import { withdrawInconvenience } from '../../app/facts/withdraw-inconvenience.ts';
import {
  ATTORNEY_EMAIL_CHARS_MAX, ATTORNEY_NAME_CHARS_MAX, ATTORNEY_PHONE_CHARS_MAX,
} from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import { principalName } from '../../domain/people/principal.ts';
import { auditContextOf } from '../auth/audit-context-of.ts';
import { principalOf } from '../auth/principal-of.ts';
import { caseInScope, type CaseState } from './desk-actions.ts';
import { shownParties } from './desk-facts-model.ts';
import type { DeskContext } from './desk-routes.ts';

/**
 * What the case page's "what the person told us" forms do. Each finds the case in the principal's
 * scope (404 otherwise), then accepts only what that page could show: a person on the file the reader
 * sees, one of the borrower's representations or statements, an account or number in the scope. The
 * fact and its `fact.recorded` audit event are written in one transaction, under the principal's name.
 * A refusal is the case page again, 400, naming the field.
 */
type FactForm = Readonly<Record<string, string | undefined>>;

type Recorded = { subjectKind: string; subjectId: string; fact: string };
type Rejection = { reason: string; field: string };
type Step = { ok: true; recorded: Recorded } | ({ ok: false } & Rejection);
type Seen = { file: CaseFile; facts: BorrowerFacts; recordedBy: string; now: Date };

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The forms, as the last segment of the address each posts to. */
export const FACT_KINDS = ['attorney', 'attorney-event', 'work-calls', 'inconvenient-time',
  'inconvenient-place', 'withdrawal', 'contact-time'] as const;
type FactKind = (typeof FACT_KINDS)[number];

export async function factAction(context: DeskContext, request: FastifyRequest, caseId: string,
  kind: FactKind, form: FactForm): Promise<CaseState> {
  const file = await caseInScope(request, context, caseId);
  const facts = await listBorrowerFacts(context.db, file.borrowerId, shownParties(file));
  const now = context.clock.now();
  const seen: Seen = { file, facts, recordedBy: principalName(principalOf(request)), now };
  const step = await context.db.transaction(async (tx) => {
    const result = await STEPS[kind](tx, seen, form);
    if (result.ok) {
      await appendAuditEvent(tx, {
        context: auditContextOf(request), action: 'fact.recorded', subjectKind: result.recorded.subjectKind,
        subjectId: result.recorded.subjectId, borrowerId: file.borrowerId, at: now,
        detail: { fact: result.recorded.fact, caseId: file.caseId },
      });
    }
    return result;
  });
  if (!step.ok) {
    return { kind: 'refused', status: 400, reason: step.reason, field: step.field, denials: [],
      nextAllowedAt: null };
  }
  return { kind: 'done' };
}

const STEPS: Readonly<Record<FactKind, (tx: Db, seen: Seen, form: FactForm) => Promise<Step>>> = {
  attorney: attorneyStep,
  'attorney-event': async (tx, seen, form) => {
    const id = form.representationId ?? '';
    const event = ATTORNEY_EVENTS.find((known) => known === form.event);
    if (!seen.facts.attorneys.some((row) => row.id === id)) return rejected('unknown_representation', 'id');
    if (event === undefined) return rejected('unknown_event', 'event');
    const result = await recordAttorneyEvent(tx, BigInt(id), event, undefined, seen.now);
    return result.ok ? done('attorney_representation', id, `attorney_${event}`) : result;
  },
  'work-calls': async (tx, seen, form) => {
    const person = personOf(seen, form);
    if (person === null) return rejected('unknown_person', 'partyId');
    if (form.prohibits !== 'yes' && form.prohibits !== 'no') return rejected('invalid_choice', 'prohibits');
    const prohibits = form.prohibits === 'yes';
    const result = await recordEmployerProhibition(tx, person, prohibits, undefined, seen.now);
    const fact = prohibits ? 'employer_prohibition' : 'employer_prohibition_lifted';
    return result.ok ? done('party', person, fact) : result;
  },
  'inconvenient-time': async (tx, seen, form) => {
    const person = personOf(seen, form);
    if (person === null) return rejected('unknown_person', 'partyId');
    const range = timeRange(form);
    if ('reason' in range) return { ok: false, ...range };
    const result = await recordInconvenience(tx, person, { kind: 'time', ...range }, seen.recordedBy,
      seen.now);
    return result.ok ? done('stated_inconvenience', String(result.id), 'inconvenient_time') : result;
  },
  'inconvenient-place': placeStep,
  withdrawal: async (tx, seen, form) => {
    const id = form.statementId ?? '';
    if (!seen.facts.inconveniences.some((row) => row.id === id)) return rejected('unknown_statement', 'id');
    const result = await withdrawInconvenience(tx, BigInt(id), seen.now);
    return result.ok ? done('stated_inconvenience', id, 'inconvenience_withdrawn') : result;
  },
  'contact-time': async (tx, seen, form) => {
    const person = personOf(seen, form);
    if (person === null) return rejected('unknown_person', 'partyId');
    const range = timeRange(form);
    if ('reason' in range) return { ok: false, ...range };
    const result = await recordContactTime(tx, person, { ...range, onlyThen: true, channel: 'voice' },
      seen.recordedBy, seen.now);
    return result.ok ? done('agreement', String(result.id), 'only_contact_time') : result;
  },
};

async function attorneyStep(tx: Db, seen: Seen, form: FactForm): Promise<Step> {
  const name = form.name?.trim() ?? '';
  if (name === '' || name.length > ATTORNEY_NAME_CHARS_MAX) return rejected('name_required', 'name');
  const firm = optional(form.firm);
  if (firm !== undefined && firm.length > ATTORNEY_NAME_CHARS_MAX) return rejected('too_long', 'firm');
  const phone = optional(form.phone);
  if (phone !== undefined && (phone.length > ATTORNEY_PHONE_CHARS_MAX || !/^\+?[\d\s()-]{5,}$/.test(phone))) {
    return rejected('invalid_phone', 'phone');
  }
  const email = optional(form.email);
  if (email !== undefined && (email.length > ATTORNEY_EMAIL_CHARS_MAX || !/^[^\s@]+@[^\s@]+$/.test(email))) {
    return rejected('invalid_email', 'email');
  }
  const account = optional(form.accountId);
  if (account !== undefined && !seen.file.accounts.some((row) => row.externalId === account)) {
    return rejected('unknown_account', 'accountId');
  }
  const learnedOn = optional(form.learnedOn);
  const learnedAt = learnedOn === undefined ? undefined : startOfDay(learnedOn, seen.file.timeZone);
  if (learnedAt === null) return rejected('invalid_date', 'learnedOn');
  const borrower = seen.facts.persons.find((person) => person.kind === 'borrower');
  if (borrower === undefined) return rejected('unknown_borrower', 'borrowerId');
  const input = Object.fromEntries(Object.entries({ borrowerId: borrower.externalId, accountId: account, name,
    firm, phone, email, learnedAt }).filter(([, value]) => value !== undefined));
  const result = await recordAttorney(tx, input as Parameters<typeof recordAttorney>[1], seen.recordedBy,
    seen.now);
  if (!result.ok) {
    // The form asks for the date, not the instant the API takes.
    const field = result.field === 'learnedAt' ? 'learnedOn' : result.field;
    return { ok: false, reason: result.reason, field };
  }
  return done('attorney_representation', String(result.id), 'attorney');
}

async function placeStep(tx: Db, seen: Seen, form: FactForm): Promise<Step> {
  if (form.place === 'workplace') {
    const person = personOf(seen, form);
    if (person === null) return rejected('unknown_person', 'partyId');
    const result = await recordInconvenience(tx, person, { kind: 'workplace' }, seen.recordedBy, seen.now);
    return result.ok ? done('stated_inconvenience', String(result.id), 'inconvenient_place') : result;
  }
  if (form.place !== 'contact_point') return rejected('invalid_choice', 'place');
  // A number names its own person: the statement is theirs, whoever the form's person field shows.
  const point = seen.file.accounts.flatMap((account) => account.contactPoints)
    .find((row) => row.id === form.contactPointId);
  const person = point === undefined ? null : personOf(seen, { partyId: point.partyExternalId });
  if (point === undefined || person === null) return rejected('unknown_contact_point', 'contactPointId');
  const result = await recordInconvenience(tx, person, { kind: 'contact_point', contactPointId: point.id },
    seen.recordedBy, seen.now);
  return result.ok ? done('stated_inconvenience', String(result.id), 'inconvenient_place') : result;
}

/** The person the form names, if the reader may see them on this file. */
function personOf(seen: Seen, form: FactForm): string | null {
  return seen.facts.persons.find((person) => person.externalId === form.partyId)?.externalId ?? null;
}

function timeRange(form: FactForm): { from: string; until: string } | Rejection {
  const from = form.from ?? '';
  const until = form.until ?? '';
  if (!LOCAL_TIME.test(from)) return { reason: 'invalid_time', field: 'from' };
  if (!LOCAL_TIME.test(until)) return { reason: 'invalid_time', field: 'until' };
  return { from, until };
}

/** The start of a civil date in the borrower's zone, as an instant; null when no such date exists. */
function startOfDay(text: string, zone: string): string | null {
  if (!CIVIL_DATE.test(text)) return null;
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' }).toZonedDateTime(zone).toInstant().toString();
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function optional(value: string | undefined): string | undefined {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
}

const rejected = (reason: string, field: string): Step => ({ ok: false, reason, field });
const done = (subjectKind: string, subjectId: string, fact: string): Step =>
  ({ ok: true, recorded: { subjectKind, subjectId, fact } });
