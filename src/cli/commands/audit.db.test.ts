// `faircollect audit verify` as an operator runs it, in its own process against a database it
// opens itself: exit 0 with the count and head of a whole chain, exit 1 naming the event an edit
// in the middle broke, exit 2 for bad usage.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../../test/support/run-cli.ts';
import { createSharedTestDatabase, type SharedTestDatabase } from '../../../test/support/test-database.ts';
import { appendPaymentEvents } from '../../../test/support/audit-fixture.ts';


let database: SharedTestDatabase;
let ids: bigint[];
let head: string;
before(async () => {
  database = await createSharedTestDatabase();
  const db = await database.open();
  await appendPaymentEvents(db, 5);
  const rows = await db.query<{ id: bigint; hash: string }>('SELECT id, hash FROM audit_event ORDER BY id');
  ids = rows.map((row) => row.id);
  head = rows[4]!.hash;
  await db.close();
});
after(async () => {
  await database.dispose();
});

function run(...args: string[]) {
  return runCli(database, args);
}

test('a whole chain: exit 0, its count and head', () => {
  assert.deepEqual(run('audit', 'verify'), {
    status: 0, stderr: '', stdout: `audit chain intact: 5 events; head: seq 5, hash ${head}\n`,
  });
});

test('an edited event in the middle: exit 1, naming it', async () => {
  const db = await database.open();
  await db.exec(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update;
    UPDATE audit_event SET subject_id = 'P-forged' WHERE seq = 3;
    ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`);
  const [stored] = await db.query<{ hash: string }>('SELECT hash FROM audit_event WHERE seq = 3');
  await db.close();
  const result = run('audit', 'verify');
  assert.equal(result.status, 1);
  assert.equal(result.stderr, '');
  assert.match(result.stdout, new RegExp(`^audit chain broken at event ${ids[2]} \\(seq 3\\): `
    + `its content hashes to [0-9a-f]{64}, not to its stored hash ${stored!.hash}, so it was edited; `
    + '2 events before it verified\\n$'));
});

test('bad usage: exit 2', () => {
  const result = run('audit', 'verify', 'everything');
  assert.equal(result.status, 2);
  assert.match(result.stderr, /too many arguments for 'verify'/);
});
