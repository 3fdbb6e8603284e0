import type { Random } from '../../stdx/random.ts';
import type { ContactPointRecord, PartyRecord } from '../import/import-records.ts';
import {
  CN_CITIES, CN_GIVEN, CN_MOBILE_PREFIXES, CN_SURNAMES, US_CITIES, US_EMPLOYERS, US_FIRST, US_HISPANIC_FIRST,
  US_HISPANIC_LAST, US_LAST, type City, type UsCity,
} from './portfolio-names.ts';

/**
 * The people of one borrower: the borrower and one to three contact persons (紧急联系人 in China,
 * relatives and references in the US), each with their contact points. What makes collection hard
 * is here on purpose: numbers that no longer work, numbers that reach someone else, a work e-mail
 * the employer provided (US-06), parents who live in another city, and consumers whose phone
 * number and address point to different time zones (US-01), or who live in Xinjiang where two
 * clocks are in use.
 */
export type People = { parties: PartyRecord[]; contactPoints: ContactPointRecord[] };

export type Segment = 'CN' | 'US';

const CN_RELATIONSHIPS = [
  ['spouse', 25], ['parent', 30], ['sibling', 20], ['friend', 15], ['colleague', 10],
] as const;
const US_RELATIONSHIPS = [
  ['spouse', 30], ['parent', 25], ['sibling', 20], ['friend', 15], ['colleague', 10],
] as const;
const CONTACT_COUNTS = [[1, 45], [2, 35], [3, 20]] as const;
const CONTACT_STATUSES = [['valid', 86], ['invalid', 10], ['wrong_person', 4]] as const;
const CN_CITY_WEIGHTS = CN_CITIES.map((city) => [city, city.weight] as const);
const US_CITY_WEIGHTS = US_CITIES.map((city) => [city, city.weight] as const);

type Relationship = PartyRecord['relationship'];

export function generatePeople(random: Random, borrowerId: string, segment: Segment, into: People): void {
  if (segment === 'CN') addChinesePeople(random, borrowerId, into);
  else addUsPeople(random, borrowerId, into);
}

function addChinesePeople(random: Random, id: string, into: People): void {
  const city = random.weighted(CN_CITY_WEIGHTS);
  const surname = random.weighted(CN_SURNAMES);
  into.parties.push(party(id, null, 'self', surname + givenName(random), city, 'CN', 'zh-CN'));
  into.contactPoints.push(point(`${id}-M1`, id, 'mobile', cnMobile(random), 'valid'));
  // A number the borrower has since given up (停机 or 空号): it stays on file and must not be dialled.
  if (random.chance(0.12)) {
    into.contactPoints.push(point(`${id}-M2`, id, 'mobile', cnMobile(random), 'invalid'));
  }
  if (random.chance(0.6)) into.contactPoints.push(point(`${id}-P1`, id, 'app_push', `app:${id}`, 'valid'));
  const relationships = pickRelationships(random, CN_RELATIONSHIPS);
  relationships.forEach((relationship, index) => {
    const contactId = `${id}-C${index + 1}`;
    // Fathers and siblings usually share the surname; parents often live in the home town.
    const shares = (relationship === 'parent' && random.chance(0.6))
      || (relationship === 'sibling' && random.chance(0.8));
    const name = (shares ? surname : random.weighted(CN_SURNAMES)) + givenName(random);
    const home = relationship === 'parent' && random.chance(0.4) ? random.weighted(CN_CITY_WEIGHTS) : city;
    into.parties.push(party(contactId, id, relationship, name, home, 'CN', 'zh-CN'));
    into.contactPoints.push(point(`${contactId}-M1`, contactId, 'mobile', cnMobile(random),
      random.weighted(CONTACT_STATUSES)));
  });
}

function addUsPeople(random: Random, id: string, into: People): void {
  const city = random.weighted(US_CITY_WEIGHTS);
  const hispanic = random.chance(0.2);
  const first = hispanic ? random.pick(US_HISPANIC_FIRST) : random.pick(US_FIRST);
  const last = hispanic ? random.pick(US_HISPANIC_LAST) : random.pick(US_LAST);
  const locale = hispanic && random.chance(0.5) ? 'es-US' : 'en-US';
  // A number kept from another state: the consumer may be in either zone, and the gate must hold in both.
  const phoneCity = random.chance(0.08) ? random.weighted(US_CITY_WEIGHTS) : city;
  const extraZones = phoneCity.zone === city.zone ? [] : [phoneCity.zone];
  const borrower = party(id, null, 'self', `${first} ${last}`, city, 'US', locale);
  into.parties.push({ ...borrower, extraTimeZones: extraZones });
  into.contactPoints.push(point(`${id}-M1`, id, 'mobile', usPhone(random, phoneCity), 'valid'));
  const handle = `${ascii(first)}.${ascii(last)}`;
  const personal = `${handle}${random.int(1, 999)}@example.com`;
  into.contactPoints.push(point(`${id}-E1`, id, 'email', personal, 'valid'));
  if (random.chance(0.12)) {
    const work = point(`${id}-E2`, id, 'email', `${handle}@${random.pick(US_EMPLOYERS)}.example`, 'valid');
    into.contactPoints.push({ ...work, employerProvided: true });
  }
  if (random.chance(0.2)) {
    into.contactPoints.push(point(`${id}-L1`, id, 'landline', usPhone(random, city), 'valid'));
  }
  const relationships = pickRelationships(random, US_RELATIONSHIPS);
  relationships.forEach((relationship, index) => {
    const contactId = `${id}-C${index + 1}`;
    const family = relationship !== 'friend' && relationship !== 'colleague' && random.chance(0.6);
    const given = random.pick(hispanic ? US_HISPANIC_FIRST : US_FIRST);
    const name = `${given} ${family ? last : random.pick(US_LAST)}`;
    const home = random.chance(0.25) ? random.weighted(US_CITY_WEIGHTS) : city;
    into.parties.push(party(contactId, id, relationship, name, home, 'US', locale));
    into.contactPoints.push(point(`${contactId}-M1`, contactId, 'mobile', usPhone(random, home),
      random.weighted(CONTACT_STATUSES)));
  });
}

/** One to three relationships; a borrower has at most one spouse. */
function pickRelationships(
  random: Random, weights: readonly (readonly [Relationship, number])[],
): Relationship[] {
  const count = random.weighted(CONTACT_COUNTS);
  const chosen: Relationship[] = [];
  for (let index = 0; index < count; index += 1) {
    const relationship = random.weighted(weights);
    chosen.push(relationship === 'spouse' && chosen.includes('spouse') ? 'friend' : relationship);
  }
  return chosen;
}

function party(externalId: string, borrowerId: string | null, relationship: Relationship, fullName: string,
  city: City, country: string, locale: string): PartyRecord {
  return {
    externalId, kind: borrowerId === null ? 'borrower' : 'contact_person', borrowerExternalId: borrowerId,
    relationship, fullName, timeZone: city.zone, extraTimeZones: [...city.alsoZones], city: city.name,
    country, locale,
  };
}

function point(externalId: string, partyId: string, kind: ContactPointRecord['kind'], value: string,
  status: ContactPointRecord['status']): ContactPointRecord {
  return {
    externalId, partyExternalId: partyId, kind, value, status, employerProvided: false, workplace: false,
  };
}

function givenName(random: Random): string {
  return random.pick(CN_GIVEN) + (random.chance(0.7) ? random.pick(CN_GIVEN) : '');
}

/** 1[3-9]x plus eight digits, as the carriers issue them. */
function cnMobile(random: Random): string {
  return random.pick(CN_MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');
}

/** E.164 in the 555-0100…0199 block NANP reserves for fiction, so no real subscriber is ever reached. */
function usPhone(random: Random, city: UsCity): string {
  return `+1${random.pick(city.areaCodes)}5550${random.int(100, 199)}`;
}

function ascii(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
