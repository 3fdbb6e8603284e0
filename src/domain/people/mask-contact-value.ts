import { MASKED_ADDRESS_SHOWN_CHARACTERS_MAX } from '../../config/limits.ts';
import { maskEmail } from './mask-email.ts';
import { maskPhone } from './mask-phone.ts';

/** The kinds of contact point a borrower's file holds (contact_point.kind). */
type ContactPointKind = 'mobile' | 'landline' | 'email' | 'address' | 'app_push';

/**
 * A contact point's value as staff see it by default. Numbers and email addresses are masked as
 * their own functions describe. A postal address keeps its first third (at most 12 characters:
 * province, city and district in a Chinese address), enough to plan a visit by area, and hides the
 * street and the door. An app's push token is an opaque key: only its last 4 characters stay.
 */
export function maskContactValue(kind: string, value: string): string {
  switch (kind as ContactPointKind) {
    case 'mobile':
    case 'landline':
      return maskPhone(value);
    case 'email':
      return maskEmail(value);
    case 'address':
      return keepFirst(value,
        Math.min(MASKED_ADDRESS_SHOWN_CHARACTERS_MAX, Math.floor([...value].length / 3)));
    case 'app_push':
      return keepLast(value, PUSH_TOKEN_SHOWN_CHARACTERS);
  }
  // A kind the schema does not know yet is hidden whole rather than shown.
  return keepFirst(value, 0);
}

const PUSH_TOKEN_SHOWN_CHARACTERS = 4;

function keepFirst(value: string, shown: number): string {
  const kept = (character: string, index: number) => index < shown || character === ' ';
  return [...value].map((character, index) => (kept(character, index) ? character : '*')).join('');
}

function keepLast(value: string, shown: number): string {
  const characters = [...value];
  const from = Math.max(characters.length - shown, Math.ceil(characters.length / 2));
  return characters.map((character, index) => (index >= from ? character : '*')).join('');
}
