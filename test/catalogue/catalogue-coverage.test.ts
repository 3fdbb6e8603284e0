// The packs against the rule catalogue: every id of grade A or B of a shipped jurisdiction has a row in
// CATALOGUE_COVERAGE, implemented rows name rules the pack really has, and explained rows say why. The
// catalogue is read from the copy in docs/research/, parsed here from its own layout (bold ids with a
// "Grade" line, and table rows whose last cell starts with the grade).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PACKS } from '../../src/policy/packs/packs.ts';
import { CATALOGUE_COVERAGE, type CoverageEntry } from '../../src/policy/docs/catalogue-coverage.ts';

const CATALOGUE = readFileSync(new URL('../../docs/research/regulations.md', import.meta.url), 'utf8');
const ID = '((?:CN|US|UK)-[A-Z0-9]+(?:-[A-Z0-9]+)*)';

/** Each id the catalogue defines, with the grade text of its own block ("A", "B/C"; null when none). */
function catalogueIds(text: string): Map<string, string | null> {
  const ids = new Map<string, string | null>();
  let current: string | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) current = null;
    const bold = new RegExp(`^(?:- )?\\*\\*(?:Engine rule )?${ID}\\b`).exec(line);
    const row = new RegExp(`^\\| ${ID} \\|`).exec(line);
    const id = bold?.[1] ?? row?.[1];
    if (id !== undefined) {
      current = id;
      ids.set(id, null);
    }
    if (current === null || ids.get(current) !== null) continue;
    const grade = /Grade \*\*([A-C](?:\/[A-C])?)\*\*/.exec(line)
      ?? (row === null ? null : /\| ([A-C])\b[^|]*\|\s*$/.exec(line));
    if (grade !== null) ids.set(current, grade[1]!);
  }
  return ids;
}

/** The ids of grade A or B (alone or beside another grade) whose prefix is a shipped pack's. */
function gradedShippedIds(text: string, packIds: readonly string[]): string[] {
  return [...catalogueIds(text)].filter(([id, grade]) => grade !== null && /[AB]/.test(grade)
    && packIds.includes(id.slice(0, 2))).map(([id]) => id);
}

function missingIds(text: string, coverage: readonly CoverageEntry[]): string[] {
  const covered = new Set(coverage.map((entry) => entry.id));
  return gradedShippedIds(text, Object.keys(PACKS)).filter((id) => !covered.has(id));
}

test('the catalogue copy parses: ids with their grades, in both layouts', () => {
  const ids = catalogueIds(CATALOGUE);
  assert.equal(ids.get('US-02'), 'A/B');
  assert.equal(ids.get('US-06'), 'A');
  assert.equal(ids.get('CN-VISIT-05'), 'B');
  assert.equal(ids.get('CN-NIFA23-03'), 'C');
  assert.ok(gradedShippedIds(CATALOGUE, ['CN', 'US']).length >= 50);
});

test('every grade A or B id of a shipped pack is implemented or explained', () => {
  assert.deepEqual(missingIds(CATALOGUE, CATALOGUE_COVERAGE), []);
});

test('a graded id added to the catalogue without a row is named', () => {
  const added = `${CATALOGUE}\n### New\n\n**US-99 A new duty.** Something.\n- Grade **B**.\n`;
  assert.deepEqual(missingIds(added, CATALOGUE_COVERAGE), ['US-99']);
  const ungraded = `${CATALOGUE}\n### New\n\n**US-98 A rumour.** Something.\n- Grade **C**.\n`;
  assert.deepEqual(missingIds(ungraded, CATALOGUE_COVERAGE), []);
});

test('each row names a graded id once, and rules its pack has, with fields or a reason', () => {
  const graded = new Set(gradedShippedIds(CATALOGUE, Object.keys(PACKS)));
  const seen = new Set<string>();
  const ruleIds = new Set(Object.values(PACKS).flatMap((pack) => pack.rules.map((rule) => rule.id)));
  for (const entry of CATALOGUE_COVERAGE) {
    assert.ok(graded.has(entry.id), `${entry.id}: not a graded id of a shipped pack`);
    assert.ok(!seen.has(entry.id), `${entry.id}: two rows`);
    seen.add(entry.id);
    for (const id of entry.rules) assert.ok(ruleIds.has(id), `${entry.id}: no shipped rule ${id}`);
    if (entry.kind === 'rule') {
      assert.ok(entry.rules.length > 0 && entry.fields !== '', `${entry.id}: a rule row names rules and fields`);
    } else {
      assert.ok(entry.note.length > 20, `${entry.id}: say why it is not a gate rule`);
    }
    if (entry.kind === 'covered_by') assert.ok(entry.rules.length > 0, `${entry.id}: covered by what?`);
  }
});

test('a shipped rule that carries a catalogue id is the row\'s own rule', () => {
  const rows = new Map(CATALOGUE_COVERAGE.map((entry) => [entry.id, entry]));
  for (const pack of Object.values(PACKS)) {
    for (const rule of pack.rules) {
      const row = rows.get(rule.id);
      if (row === undefined) continue;
      assert.equal(row.kind, 'rule', `${rule.id} is shipped, but its row says ${row.kind}`);
      assert.ok(row.rules.includes(rule.id), `${rule.id}: its row does not name it`);
    }
  }
});
