// The people commands as an operator runs them, each in its own process on a database it opens
// itself: teams, users (the password piped on standard input, never an argument), tokens printed
// once; refusals exit 2 with their reason; what each command changed is in the audit trail under
// the operating-system user who ran it; and what they made works at the edge (a user signs in, a
// token authenticates until it is revoked).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../../test/support/run-cli.ts';
import { createSharedTestDatabase, type SharedTestDatabase } from '../../../test/support/test-database.ts';
import { signInThroughForm } from '../../../test/support/staff-access.ts';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../http/app.ts';

let database: SharedTestDatabase;

before(async () => {
  database = await createSharedTestDatabase();
});
after(async () => {
  await database.dispose();
});

async function withApp<T>(work: (app: FastifyInstance) => Promise<T>): Promise<T> {
  const db = await database.open();
  const app = await buildApp({ db });
  try {
    return await work(app);
  } finally {
    await app.close();
    await db.close();
  }
}

function run(args: string[], input = '') {
  return runCli(database, args, input);
}

test('teams, users and a token, made and refused as an operator would', async () => {
  assert.deepEqual(run(['team', 'add', 'south', '--name', 'South team']), {
    status: 0, stdout: 'added team south\n', stderr: '' });
  assert.equal(run(['team', 'add', 'South Team']).status, 2);
  const password = 'a-long-enough-password';
  assert.equal(run(['user', 'add', 'lin', '--role', 'supervisor', '--team', 'south', '--name', '林主管'],
    `${password}\n`).status, 0);
  const addWu = ['user', 'add', 'wu', '--role', 'collector', '--team', 'south'];
  assert.equal(run(addWu, `${password}\n`).status, 0);
  const refusals: [string[], string, string][] = [
    [['user', 'add', 'wu', '--role', 'collector'], password, 'user wu: username_taken'],
    [['user', 'add', 'zhao', '--role', 'collector'], 'short', 'user zhao: password_too_short'],
    [['user', 'add', 'zhao', '--role', 'chief'], password, 'user zhao: unknown_role'],
    [['user', 'add', 'zhao', '--role', 'agency_collector'], password, 'user zhao: agency_required'],
    [['user', 'add', 'zhao', '--role', 'collector'], '', 'no password on standard input'],
    [['team', 'supervisor', 'south', 'wu'], '', 'team south: not_a_supervisor'],
    [['token', 'create', '--name', 'feed', '--role', 'system', '--expires', 'tomorrow'], '',
      '--expires tomorrow'],
    [['token', 'revoke', 'nothing'], '', 'token nothing: unknown_token'],
  ];
  for (const [args, input, message] of refusals) {
    const refused = run(args, input === '' ? '' : `${input}\n`);
    assert.equal(refused.status, 2, args.join(' '));
    assert.ok(refused.stderr.includes(message), `${args.join(' ')}: ${refused.stderr}`);
  }
  assert.deepEqual(run(['team', 'supervisor', 'south', 'lin']).stdout, 'lin now leads team south\n');
  assert.equal(run(['team', 'list']).stdout, 'south\tlin\t2\tSouth team\n');
  assert.equal(run(['user', 'list']).stdout,
    'lin\tsupervisor\tsouth\t-\tactive\t林主管\nwu\tcollector\tsouth\t-\tactive\twu\n');

  const made = run(['token', 'create', '--name', 'core-banking', '--role', 'system']);
  assert.equal(made.status, 0, made.stderr);
  const token = made.stdout.trim();
  assert.match(token, /^fct_[\w-]{43}$/);
  assert.match(made.stderr, /shown once/);

  // The embedded database takes one process at a time: the app opens it between the commands.
  const headers = { authorization: `Bearer ${token}` };
  const products = async (app: FastifyInstance) =>
    (await app.inject({ url: '/api/v1/products', headers })).statusCode;
  assert.equal(await withApp(products), 200);
  await withApp((app) => signInThroughForm(app, 'wu', password));
  assert.equal(run(['token', 'revoke', 'core-banking']).status, 0);
  assert.equal(await withApp(products), 401);
  assert.equal(run(['user', 'reset-password', 'wu'], 'another-long-password\n').status, 0);
  await withApp((app) => assert.rejects(signInThroughForm(app, 'wu', password), /answered 401/));
  await withApp((app) => signInThroughForm(app, 'wu', 'another-long-password'));
  assert.match(run(['user', 'disable', 'wu']).stdout, /^disabled wu; ended 1 session\(s\)\n$/);
  await withApp((app) =>
    assert.rejects(signInThroughForm(app, 'wu', 'another-long-password'), /answered 401/));
  const db = await database.open();
  try {
    const events = await db.query<{ action: string; actor: string; subject_id: string }>(
      `SELECT action, actor, subject_id FROM audit_event WHERE actor LIKE 'cli:%' ORDER BY seq`);
    assert.deepEqual(events.map((event) => `${event.action} ${event.subject_id}`), [
      'user.created lin', 'user.created wu', 'team.supervisor_set south', 'token.created core-banking',
      'token.revoked core-banking', 'user.password_reset wu', 'user.disabled wu',
    ]);
  } finally {
    await db.close();
  }
});
