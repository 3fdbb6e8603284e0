import { randomBytes } from 'node:crypto';
import { sha256Hex } from './hash.ts';

/**
 * Unguessable secrets for sessions and API tokens: random bytes from the operating system, as
 * base64url. Only their SHA-256 is stored, so a read of the database yields nothing usable; a
 * 256-bit random secret needs no salt or slow hash, as nothing can be guessed from its hash.
 */
export function secretToken(bytes: number, prefix = ''): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

export function secretHash(token: string): string {
  return sha256Hex(`faircollect-secret:${token}`);
}
