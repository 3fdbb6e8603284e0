// The lender's settings file (FAIRCOLLECT_SETTINGS) as a lender runs the product: a file that tightens
// the calling hours to 09:00–20:00 changes what `serve` answers over HTTP, what `cycle` decides for its
// planned actions, what `check` and `policy test` decide; `check --settings` overrides the variable;
// a file that loosens the law (07:00–23:00 in China) stops every one of them with one line naming the
// bounds and their citation, before anything is decided or served.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createSharedTestDatabase, type SharedTestDatabase } from '../../test/support/test-database.ts';
import { insertPhoneCollectionBorrower } from '../../test/support/ledger-fixture.ts';

const CLI = fileURLToPath(new URL('./main.ts', import.meta.url));
const SERVER_START_MS_MAX = 60_000;
/** A command that would serve instead of refusing must fail the test, not hang it. */
const COMMAND_MS_MAX = 60_000;
const directory = mkdtempSync(join(tmpdir(), 'faircollect-lender-settings-'));
const file = (name: string, text: string): string => {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
};
const TIGHT = file('tight.yaml', 'quiet_hours:\n  allowed_start: "09:00"\n  allowed_end: "20:00"\n');
const LATER = file('later.yaml', 'CN:\n  quiet_hours: { allowed_start: "10:00", allowed_end: "20:00" }\n');
const LAW = file('law.yaml', 'quiet_hours: { allowed_start: "08:00" }\n');
const LOOSE = file('loose.yaml', 'CN:\n  quiet_hours: { allowed_start: "07:00", allowed_end: "23:00" }\n');
const CITATION = 'GB/T 45251-2025 §5.3 催收时间 (sub-clause not verified) (grade B)';
const LOOSE_LINE = `faircollect: FAIRCOLLECT_SETTINGS ${LOOSE}: `
  + `CN quiet_hours.allowed_start 07:00 is earlier than the legal bound 08:00 (CN-GBT-01), ${CITATION}; `
  + `CN quiet_hours.allowed_end 23:00 is later than the legal bound 22:00 (CN-GBT-01), ${CITATION}\n`;

let database: SharedTestDatabase;
let token: string;
let readerToken: string;
before(async () => {
  database = await createSharedTestDatabase();
  const db = await database.open();
  // 13 days past due on 2026-03-10: phone collection, whose collector call is planned that day.
  await insertPhoneCollectionBorrower(db);
  await db.close();
  // A dialler's token, made the way an operator makes one: printed once on standard output.
  const made = run(['token', 'create', '--name', 'settings-test', '--role', 'dialler'], null);
  assert.equal(made.status, 0, made.stderr);
  token = made.stdout.trim();
  assert.match(token, /^fct_[\w-]{43}$/);
  const reader = run(['token', 'create', '--name', 'settings-reader', '--role', 'manager'], null);
  assert.equal(reader.status, 0, reader.stderr);
  readerToken = reader.stdout.trim();
});
after(async () => {
  await database.dispose();
  rmSync(directory, { recursive: true, force: true });
});

/** The environment of a command: the test database, and the settings file when one is given. */
function envOf(target: SharedTestDatabase, settings: string | null): NodeJS.ProcessEnv {
  // The server's own daily cycle would run today's date and refuse the test's earlier cycle dates.
  const env: NodeJS.ProcessEnv =
    { ...process.env, ...target.env, LOG_LEVEL: 'warn', FAIRCOLLECT_CYCLE_AT: 'off' };
  if (settings === null) delete env.FAIRCOLLECT_SETTINGS;
  else env.FAIRCOLLECT_SETTINGS = settings;
  return env;
}

function run(args: string[], settings: string | null, input = '', target = database) {
  const done = spawnSync(process.execPath, [CLI, ...args],
    { env: envOf(target, settings), input, encoding: 'utf8', timeout: COMMAND_MS_MAX });
  return { status: done.status, stdout: done.stdout, stderr: withoutNodeWarnings(done.stderr) };
}

/** Node's own process warnings (deprecations in a dependency) are not the product's output. */
function withoutNodeWarnings(stderr: string): string {
  return stderr.split(/(?<=\n)/)
    .filter((line) => !/^\(node:\d+\) /.test(line) && !line.startsWith('(Use `node --trace-warnings'))
    .join('');
}

/** `serve --port 0` under the settings, the given requests against it, then SIGTERM. */
async function withServer<T>(settings: string | null, body: (origin: string) => Promise<T>): Promise<T> {
  const server = spawn(process.execPath, [CLI, 'serve', '--port', '0'],
    { env: envOf(database, settings), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  try {
    const port = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not start')), SERVER_START_MS_MAX);
      createInterface({ input: server.stdout }).on('line', (text) => {
        const found = /:(\d+)\/console/.exec(text)?.[1];
        if (found === undefined) return;
        clearTimeout(timer);
        resolve(found);
      });
      void exited.then((code) => reject(new Error(`the server exited with ${code}: ${stderr}`)));
    });
    return await body(`http://127.0.0.1:${port}`);
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
}

type Check = {
  allowed: boolean; nextAllowedAt: string | null;
  outcomes: { ruleId: string; result: string; reason: string; settings?: Record<string, string> }[];
};
async function contactCheck(origin: string, at: string): Promise<Check> {
  const response = await fetch(`${origin}/api/v1/contact-checks`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ accountId: 'zhou-1', channel: 'voice', at }),
  });
  assert.equal(response.status, 200);
  return (await response.json()) as Check;
}
const denials = (check: Check) => check.outcomes.filter((outcome) => outcome.result === 'deny')
  .map((outcome) => `${outcome.ruleId}:${outcome.reason}`);

test('serve: a call at 08:30 Shanghai is denied under 09:00–20:00 and allowed without the file', async () => {
  await withServer(TIGHT, async (origin) => {
    const early = await contactCheck(origin, '2026-03-10T08:30:00+08:00');
    assert.deepEqual([early.allowed, early.nextAllowedAt], [false, '2026-03-10T01:00:00.000Z']);
    assert.deepEqual(denials(early),
      ['CN-GBT-01:outside_contact_window', 'CN-CBA-01:outside_contact_window']);
    assert.deepEqual(early.outcomes.find((outcome) => outcome.ruleId === 'CN-GBT-01')?.settings,
      { 'quiet_hours.allowed_start': '09:00', 'quiet_hours.allowed_end': '20:00' },
      'the denial names the setting');
    assert.equal((await contactCheck(origin, '2026-03-10T09:00:00+08:00')).allowed, true);
    const headers = { authorization: `Bearer ${readerToken}` };
    const page = await (await fetch(`${origin}/console/settings`, { headers })).text();
    assert.ok(page.includes(`<code>FAIRCOLLECT_SETTINGS ${TIGHT}</code>`), 'the page names the file');
    const row = '<tr data-key="quiet_hours.allowed_start"><td><code>quiet_hours.allowed_start</code></td>'
      + '<td class="flag">09:00 · 机构设置</td>'
      + '<td>08:00</td><td>08:00</td><td>CN-GBT-01</td>';
    assert.ok(page.includes(row), page);
  });
  await withServer(null, async (origin) => {
    const early = await contactCheck(origin, '2026-03-10T08:30:00+08:00');
    assert.deepEqual([early.allowed, denials(early)], [true, []]);
  });
});

test('a loosening stops serve, cycle, check, policy test and demo with one line naming the bounds', () => {
  const situation = JSON.stringify({ time: '2026-03-10T08:30:00+08:00', pack: 'CN', action: 'contact' });
  const commands = [
    ['serve', '--port', '0'], ['cycle', '--as-of', '2026-03-10'], ['check'],
    ['policy', 'test', fileURLToPath(new URL('../../examples/policy-tests', import.meta.url))],
    ['demo', '--no-serve', '--borrowers', '1', '--days', '1'],
  ];
  for (const args of commands) {
    assert.deepEqual(run(args, LOOSE, situation), { status: 2, stdout: '', stderr: LOOSE_LINE },
      args.join(' '));
  }
});

/** One cycle on 2026-03-10 on a copy of the database: the collector call's decision and its policy. */
async function cycleUnder(settings: string | null) {
  const copy = await database.copy();
  try {
    const ran = run(['cycle', '--as-of', '2026-03-10'], settings, '', copy);
    assert.equal(ran.status, 0, ran.stderr);
    const db = await copy.open();
    try {
      const rows = await db.query<{ status: string; next: Date | null; version: string; settings: unknown }>(
        `SELECT p.status, p.next_allowed_at AS next, d.policy_version AS version, v.settings
           FROM planned_action p JOIN decision d ON d.id = p.decision_id
           JOIN policy_version v ON v.version = d.policy_version
          WHERE p.action = 'collector_call'`);
      assert.equal(rows.length, 1);
      return { ...rows[0]!, next: rows[0]!.next === null ? null : new Date(rows[0]!.next).toISOString() };
    } finally {
      await db.close();
    }
  } finally {
    await copy.dispose();
  }
}

test('cycle: the planned call is decided under the lender\'s settings and their policy version', async () => {
  const plain = await cycleUnder(null);
  assert.deepEqual([plain.status, plain.next, plain.settings], ['planned', null, {}]);
  const tight = await cycleUnder(TIGHT);
  // Planned calls are decided at 09:00 local, inside 09:00–20:00: still allowed, under the lender's policy.
  assert.deepEqual([tight.status, tight.settings],
    ['planned', { quiet_hours: { allowed_start: '09:00', allowed_end: '20:00' } }]);
  assert.notEqual(tight.version, plain.version);
  const later = await cycleUnder(LATER);
  assert.deepEqual([later.status, later.next], ['deferred', '2026-03-10T02:00:00.000Z']);
});

test('check and policy test read FAIRCOLLECT_SETTINGS; check --settings overrides it', () => {
  const situation = JSON.stringify({
    time: '2026-03-10T08:30:00+08:00', pack: 'CN', action: 'contact', channel: 'voice', accountId: 'acct-1',
    borrower: { id: 'b-1', timeZones: ['Asia/Shanghai'] },
    target: { partyId: 'b-1', role: 'borrower', contactPointId: 'cp-1' }, actor: { kind: 'agent', id: 'a-7' },
    history: [], agreements: [], optOuts: [], holds: [],
  });
  const denied = (stdout: string) => (JSON.parse(stdout) as Check).outcomes
    .filter((outcome) => outcome.result === 'deny').map((outcome) => outcome.ruleId);
  const tight = run(['check'], TIGHT, situation);
  assert.deepEqual([tight.status, denied(tight.stdout)], [1, ['CN-GBT-01', 'CN-CBA-01']], tight.stderr);
  assert.equal(run(['check'], null, situation).status, 0);
  const overridden = run(['check', '--settings', LAW], TIGHT, situation);
  assert.equal(overridden.status, 0, 'the flag overrides the variable');
  const tests = join(directory, 'policy-tests');
  mkdirSync(tests);
  file('policy-tests/lender.yaml', `cases:\n  - name: a call at 08:30\n    situation: ${situation}\n`
    + '    expect: { allowed: false, deny: [CN-GBT-01, CN-CBA-01] }\n');
  const lender = run(['policy', 'test', tests], TIGHT);
  assert.deepEqual([lender.status, lender.stdout.split('\n')[0]], [0, 'PASS: lender.yaml: a call at 08:30']);
  assert.equal(run(['policy', 'test', tests], null).status, 1);
});

test('demo: the catch-up cycles decide under the lender\'s settings, as its server does', async () => {
  const copy = await database.copy();
  try {
    const ran = run(['demo', '--no-serve', '--borrowers', '1', '--days', '1'], LATER, '', copy);
    assert.equal(ran.status, 0, ran.stderr);
    const db = await copy.open();
    try {
      const rows = await db.query<{ settings: unknown }>(
        `SELECT DISTINCT v.settings FROM planned_action p JOIN decision d ON d.id = p.decision_id
           JOIN policy_version v ON v.version = d.policy_version`);
      assert.deepEqual(rows.map((row) => row.settings),
        [{ quiet_hours: { allowed_start: '10:00', allowed_end: '20:00' } }]);
    } finally {
      await db.close();
    }
  } finally {
    await copy.dispose();
  }
});
