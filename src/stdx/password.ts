import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { assert } from './assert.ts';

/**
 * Password hashing with scrypt from node:crypto: a fresh 16-byte salt per password, the cost in the
 * stored text so it can be raised later without invalidating older hashes, and a constant-time
 * compare. Stored as `scrypt$N$r$p$salt$hash` (base64url).
 */
const KEY_BYTES = 32;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;

export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost, BLOCK_SIZE, PARALLELISM);
  return ['scrypt', cost, BLOCK_SIZE, PARALLELISM, salt.toString('base64url'), key.toString('base64url')]
    .join('$');
}

/** True when `password` matches `stored`. A stored text of another format never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [cost, blockSize, parallelism] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] as string, 'base64url');
  const expected = Buffer.from(parts[5] as string, 'base64url');
  if (expected.length !== KEY_BYTES) return false;
  const key = await derive(password, salt, cost, blockSize, parallelism);
  return timingSafeEqual(key, expected);
}

function derive(
  password: string, salt: Buffer, cost: number, blockSize: number, parallelism: number,
): Promise<Buffer> {
  assert(Number.isInteger(cost) && cost >= 2 && (cost & (cost - 1)) === 0, 'scrypt cost is a power of two');
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES,
      { N: cost, r: blockSize, p: parallelism, maxmem: 256 * cost * blockSize }, (error, key) => {
        if (error === null) resolve(key);
        else reject(error);
      });
  });
}
