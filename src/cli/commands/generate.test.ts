// `faircollect generate` without --as-of takes the same "today" as the demo, the business date in
// Asia/Shanghai; between 16:00 and 24:00 UTC that differs from the UTC date. The help says which.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { businessDate } from '../../app/calendar/business-date.ts';
import { parseGenerateOptions } from './generate.ts';

const CLI = fileURLToPath(new URL('../main.ts', import.meta.url));

test('the default as-of date is the business date, not the UTC date', async () => {
  const evening = new Date('2026-03-10T20:00:00Z');
  assert.deepEqual(await parseGenerateOptions({ borrowers: '10', seed: '7' }, evening), {
    borrowers: 10, seed: 7, asOf: '2026-03-11', historyDays: 365,
  });
  assert.equal(businessDate(evening), '2026-03-11');
  const given = await parseGenerateOptions({ borrowers: '10', seed: '7', asOf: '2026-03-10' }, evening);
  assert.equal(given.asOf, '2026-03-10');
});

test('the help names the zone of the default date', () => {
  const help = spawnSync(process.execPath, [CLI, 'generate', '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout.replace(/\s+/g, ' '), /default: the business date, today in Asia\/Shanghai/);
});
