import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, verifyPassword } from './password.ts';

test('a password verifies against its own hash only, with a fresh salt each time', async () => {
  const first = await hashPassword('correct horse battery', 1024);
  const second = await hashPassword('correct horse battery', 1024);
  assert.notEqual(first, second);
  assert.match(first, /^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  assert.equal(await verifyPassword('correct horse battery', first), true);
  assert.equal(await verifyPassword('correct horse batterY', first), false);
  assert.equal(await verifyPassword('', first), false);
});

test('a stored text of another shape never matches', async () => {
  const others = ['', 'plain', 'scrypt$1024$8$1$abc', 'bcrypt$1$2$3$4$5', 'scrypt$1024$8$1$c2FsdA$c2hvcnQ'];
  for (const stored of others) {
    assert.equal(await verifyPassword('x', stored), false, stored);
  }
});

test('the same password in composed and decomposed Unicode is one password', async () => {
  const stored = await hashPassword('café-passwort', 1024);
  assert.equal(await verifyPassword('cafe\u0301-passwort', stored), true);
});
