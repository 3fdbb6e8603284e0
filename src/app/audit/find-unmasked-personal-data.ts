import { AUDIT_DETAIL_DEPTH_MAX } from '../../config/limits.ts';

/**
 * Where an audit event's detail holds what must never be written there, or null. The audit trail
 * is kept for years and read by compliance staff and auditors, and it cannot be edited, so a phone
 * number or a national ID written into it could never be taken out again (PIPL's minimum
 * necessary). The rule for callers: the detail holds ids, codes, amounts and masked values
 * (`138****5678`, `1101**********1234`), never a person's name, full phone number, national ID,
 * e-mail address, password, token or session id; the record's own id is `subjectId`, and who is
 * named by a reveal is its subject, not its detail.
 *
 * This check catches the shapes a machine can recognise: keys that name a secret, and strings that
 * look like a Chinese mobile number, a Chinese national ID, a US Social Security number, a phone
 * number written with a country code or separators, or an e-mail address. Amounts in minor units
 * are digit strings that can look like a number, so values under a key ending in `Minor` (the
 * naming rule for amounts) are not read as text. Names and addresses cannot be recognised: the
 * rule above is the only guard against them. The answer names the path, never the value.
 */
export function findUnmaskedPersonalData(detail: unknown): string | null {
  return findIn(detail, 'detail', 0);
}

const SECRET_KEY =
  /^(password|passwordHash|secret|token|apiToken|bearer|sessionId|session|cookie|authorization)$/i;
const AMOUNT_KEY = /Minor$/;
const PERSONAL_TEXT: readonly RegExp[] = [
  /(?<![\dA-Za-z])1[3-9]\d{9}(?![\dA-Za-z])/, // a Chinese mobile number
  /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/, // a Chinese resident ID number
  /(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)/, // a US Social Security number
  /\+\d[\d -]{7,17}\d/, // a phone number with its country code
  /(?<!\d)\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?!\d)/, // a US phone number written with separators
  /[^\s@]+@[^\s@]+\.[^\s@]+/, // an e-mail address
];
/** A content hash or a Decision's id: long lower-case hex, whose digit runs are not numbers. */
const HASH_TEXT = /^[0-9a-f]{32,}$/;

function looksPersonal(text: string): boolean {
  return !HASH_TEXT.test(text) && PERSONAL_TEXT.some((pattern) => pattern.test(text));
}

function findIn(value: unknown, path: string, depth: number): string | null {
  if (typeof value === 'string') return looksPersonal(value) ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  // Deeper than any detail a use case writes: a bug, reported at its path.
  if (depth >= AUDIT_DETAIL_DEPTH_MAX) return path;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = findIn(value[index], `${path}[${index}]`, depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    const innerPath = `${path}.${key}`;
    if (SECRET_KEY.test(key)) return innerPath;
    if (AMOUNT_KEY.test(key) && (typeof inner === 'string' || typeof inner === 'bigint')) continue;
    const found = findIn(inner, innerPath, depth + 1);
    if (found !== null) return found;
  }
  return null;
}
