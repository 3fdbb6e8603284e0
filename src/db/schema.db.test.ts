// schema.ts against the migrated database, as information_schema describes it: the same tables, and
// in each the same columns with the same type, nullability and generation. A column a migration
// adds, drops or changes without the declaration following (or the other way round) fails here.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from './database.ts';
import { declaredColumns, TABLE_NAMES, type DeclaredColumn, type TableName } from './schema.ts';
import { openTestDatabase } from '../../test/support/test-database.ts';

let db: Db;

before(async () => {
  db = await openTestDatabase();
});

after(async () => {
  await db.close();
});

test('every table of the migrated database is declared, with the same columns', async () => {
  assert.deepEqual(await driftOf(db), []);
});

test('a column added, dropped, retyped or made nullable by a migration is drift', async () => {
  const rolledBack = new Error('rolled back');
  await assert.rejects(db.transaction(async (tx) => {
    await tx.exec(`ALTER TABLE ledger_change ADD COLUMN noted text;
      ALTER TABLE snapshot_roll DROP COLUMN accounts;
      ALTER TABLE agency_number ALTER COLUMN phone TYPE char(20);
      ALTER TABLE agency ALTER COLUMN name DROP NOT NULL;
      CREATE TABLE undeclared (id bigint)`);
    assert.deepEqual(await driftOf(tx), [
      'agency.name: declared text, migrated text null',
      'agency_number.phone: declared text, migrated char(20)',
      'ledger_change.noted: not declared, migrated text null',
      'snapshot_roll.accounts: declared integer, not migrated',
      'undeclared: a migrated table that is not declared',
    ]);
    throw rolledBack;
  }), rolledBack);
  assert.deepEqual(await driftOf(db), []);
});

type ColumnRow = {
  table_name: string; column_name: string; udt_name: string; character_maximum_length: number | null;
  is_nullable: 'YES' | 'NO'; is_generated: 'ALWAYS' | 'NEVER';
};

/** information_schema's type names, in the spelling of the migrations (and schema.ts). */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  int8: 'bigint', int4: 'integer', bool: 'boolean', timestamptz: 'timestamptz', text: 'text', date: 'date',
  json: 'json', jsonb: 'jsonb', bpchar: 'char',
};

/** Each difference between schema.ts and the database, as one line naming the column. */
async function driftOf(target: Db): Promise<string[]> {
  const rows = await target.query<ColumnRow>(`SELECT c.table_name, c.column_name, c.udt_name,
      c.character_maximum_length, c.is_nullable, c.is_generated
    FROM information_schema.columns c JOIN information_schema.tables t
      ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name, c.ordinal_position`);
  const migrated = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const columns = migrated.get(row.table_name) ?? new Map<string, string>();
    columns.set(row.column_name, describeMigrated(row));
    migrated.set(row.table_name, columns);
  }
  const drift: string[] = [];
  for (const table of migrated.keys()) {
    if (!(TABLE_NAMES as readonly string[]).includes(table)) {
      drift.push(`${table}: a migrated table that is not declared`);
    }
  }
  for (const table of TABLE_NAMES) drift.push(...columnDrift(table, migrated.get(table)));
  return drift.sort();
}

function columnDrift(table: TableName, migrated: ReadonlyMap<string, string> | undefined): string[] {
  if (migrated === undefined) return [`${table}: declared, but no such table is migrated`];
  const declared = new Map(declaredColumns(table).map((column) => [column.name, describeDeclared(column)]));
  const drift: string[] = [];
  for (const name of new Set([...declared.keys(), ...migrated.keys()])) {
    const inDeclaration = declared.get(name);
    const inDatabase = migrated.get(name);
    if (inDeclaration === inDatabase) continue;
    const declaredAs = inDeclaration === undefined ? 'not declared' : `declared ${inDeclaration}`;
    const migratedAs = inDatabase === undefined ? 'not migrated' : `migrated ${inDatabase}`;
    drift.push(`${table}.${name}: ${declaredAs}, ${migratedAs}`);
  }
  return drift;
}

function describeDeclared(column: DeclaredColumn): string {
  return [column.type, column.nullable ? 'null' : '', column.generated ? 'generated' : '']
    .filter((part) => part !== '').join(' ');
}

function describeMigrated(row: ColumnRow): string {
  const array = row.udt_name.startsWith('_');
  const base = array ? row.udt_name.slice(1) : row.udt_name;
  const name = TYPE_NAMES[base] ?? base;
  const length = row.character_maximum_length === null ? '' : `(${row.character_maximum_length})`;
  return [`${name}${length}${array ? '[]' : ''}`, row.is_nullable === 'YES' ? 'null' : '',
    row.is_generated === 'ALWAYS' ? 'generated' : ''].filter((part) => part !== '').join(' ');
}
