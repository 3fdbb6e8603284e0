import type { Db } from '../../db/database.ts';
import { DEFAULT_STRATEGY } from '../../policy/strategy/default-strategy.ts';
import {
  strategyVersion, validateStrategy, type StrategyDocument,
} from '../../policy/strategy/strategy-document.ts';
import { assert } from '../../stdx/assert.ts';

export type ActiveStrategy = { version: string; strategy: StrategyDocument };

/**
 * The strategy the cycle applies. A database without one gets the shipped default, stored like any
 * other version, so every case can name the document it was treated under.
 */
export async function loadActiveStrategy(db: Db): Promise<ActiveStrategy> {
  const [row] = await db.query<{ version: string; body: unknown }>(
    'SELECT version, body FROM strategy_document WHERE active');
  if (row === undefined) return activateStrategy(db, DEFAULT_STRATEGY);
  const checked = validateStrategy(row.body);
  assert(checked.ok, `stored strategy ${row.version} no longer validates`);
  return { version: row.version, strategy: checked.strategy };
}

/** Stores a validated document (idempotently, by version) and makes it the active one. */
export async function activateStrategy(db: Db, strategy: StrategyDocument): Promise<ActiveStrategy> {
  const checked = validateStrategy(strategy);
  assert(checked.ok, 'only a validated strategy can be activated');
  const version = strategyVersion(strategy);
  await db.transaction(async (tx) => {
    await tx.query(`INSERT INTO strategy_document (version, name, body) VALUES ($1, $2, $3)
      ON CONFLICT (version) DO NOTHING`, [version, strategy.name, JSON.stringify(strategy)]);
    await tx.query('UPDATE strategy_document SET active = false WHERE active AND version <> $1', [version]);
    await tx.query('UPDATE strategy_document SET active = true WHERE version = $1 AND NOT active', [version]);
  });
  return { version, strategy };
}
