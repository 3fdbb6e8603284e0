import { BUSINESS_TIME_ZONE } from '../../app/calendar/business-date.ts';
import type { CaseFile } from '../../app/desk/get-case-file.ts';
import type { BorrowerFacts } from '../../app/facts/list-borrower-facts.ts';
import { civilDateInZone } from '../../stdx/civil-date.ts';
import { formatLocalTime } from '../i18n/format-local-time.ts';
import type { PageText } from '../i18n/localise-request.ts';

/**
 * The "what the person told us" section of the case page: the facts already recorded, in the reader's
 * words, and the choices its forms offer (the persons, accounts and numbers the reader sees). Dates a
 * person gave are civil dates in the borrower's zone; when a fact was recorded is on the desk's clock.
 */
export function factsModel(text: PageText, file: CaseFile, facts: BorrowerFacts) {
  const nameOf = new Map(facts.persons.map((person) => [person.externalId, person.name]));
  const day = (at: Date) => civilDateInZone(at, file.timeZone);
  return {
    persons: facts.persons.map((person) => ({
      id: person.externalId,
      label: person.kind === 'borrower' ? text.t('desk.facts.borrower', { name: person.name }) : person.name,
      prohibited: person.employerProhibitsSince !== null,
      workCalls: person.employerProhibitsSince === null ? text.t('desk.facts.work.none')
        : text.t('desk.facts.work.prohibited', { date: day(person.employerProhibitsSince) }),
    })),
    accounts: file.accounts.map((account) => account.externalId),
    points: file.accounts.flatMap((account) => account.contactPoints)
      .filter((point, index, all) => all.findIndex((other) => other.id === point.id) === index)
      .map((point) => ({ id: point.id, party: point.partyExternalId,
        label: `${point.partyName} · ${point.maskedValue}` })),
    attorneys: facts.attorneys.map((row) => ({
      id: row.id, name: row.name, firm: row.firm ?? '—',
      reach: [row.maskedPhone, row.maskedEmail].filter((value) => value !== null).join(' · ') || '—',
      account: row.account ?? text.t('desk.facts.attorney.allAccounts'),
      learnedOn: day(row.learnedAt), open: row.endedAt === null,
      status: attorneyStatus(text, row, day),
      recorded: text.t('desk.facts.recordedBy', { who: row.recordedBy }),
    })),
    inconveniences: facts.inconveniences.map((row) => ({
      id: row.id, person: nameOf.get(row.person) ?? row.person,
      what: row.kind === 'time'
        ? text.t('desk.facts.time.row', { from: row.from ?? '', until: row.until ?? '' })
        : row.kind === 'workplace' ? text.t('desk.facts.place.workplace')
        : text.t('desk.facts.place.row', { number: row.maskedPlace ?? '—' }),
      stated: formatLocalTime(row.statedAt, BUSINESS_TIME_ZONE),
      recorded: text.t('desk.facts.recordedBy', { who: row.recordedBy }),
    })),
    contactTimes: facts.contactTimes.map((row) => ({
      person: nameOf.get(row.person) ?? row.person,
      what: row.onlyThen ? text.t('desk.facts.only.row', { from: row.from, until: row.until })
        : text.t('desk.facts.only.preferred', { from: row.from, until: row.until }),
      recorded: text.t('desk.facts.recordedBy', { who: row.recordedBy }),
    })),
  };
}

/** The persons whose numbers the case page shows: the third parties the reader may see on the file. */
export function shownParties(file: CaseFile): string[] {
  return file.accounts.flatMap((account) => account.contactPoints).map((point) => point.partyExternalId);
}

function attorneyStatus(text: PageText, row: BorrowerFacts['attorneys'][number],
  day: (at: Date) => string): string {
  const events = [
    row.failedToRespondAt === null ? null
      : text.t('desk.facts.attorney.failedOn', { date: day(row.failedToRespondAt) }),
    row.consentsAt === null ? null : text.t('desk.facts.attorney.consentedOn', { date: day(row.consentsAt) }),
    row.endedAt === null ? null : text.t('desk.facts.attorney.endedOn', { date: day(row.endedAt) }),
  ].filter((event) => event !== null);
  if (events.length === 0) return text.t('desk.facts.attorney.represents');
  return events.join(text.t('list.separator'));
}
