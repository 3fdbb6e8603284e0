import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditContext } from '../audit/audit-context.ts';
import type { Db } from '../../db/database.ts';
import {
  strategyVersion, validateStrategy, type StrategyProblem,
} from '../../policy/strategy/strategy-document.ts';
import { activateStrategy, loadActiveStrategy } from './active-strategy.ts';

/**
 * `faircollect strategy activate`: a lender's strategy document becomes the one the cycle applies
 * from its next run. The document is stored as a version (its content hash) beside every earlier
 * one, which stays readable: cases and planned actions name the version they were treated under.
 * The strategy in force before is stored first, so the shipped default is kept too when a lender's
 * document replaces it before any cycle ran.
 */
export type LoadedStrategy =
  | {
    readonly ok: true;
    readonly version: string;
    /** The version that was active before, or the same version when it already was. */
    readonly previous: string;
    /** False when this exact document had been loaded before (reactivated, not stored again). */
    readonly stored: boolean;
  }
  | {
    readonly ok: false; readonly reason: 'invalid_strategy'; readonly problems: readonly StrategyProblem[];
  };

export async function loadStrategy(
  db: Db, document: unknown, audit: { context: AuditContext; now: Date } | null = null,
): Promise<LoadedStrategy> {
  const checked = validateStrategy(document);
  if (!checked.ok) return { ok: false, reason: 'invalid_strategy', problems: checked.problems };
  const previous = await loadActiveStrategy(db);
  const version = strategyVersion(checked.strategy);
  const [known] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM strategy_document WHERE version = $1', [version]);
  await activateStrategy(db, checked.strategy);
  if (audit !== null && version !== previous.version) {
    await appendAuditEvent(db, {
      context: audit.context, action: 'strategy.activated', subjectKind: 'strategy_document',
      subjectId: version,
      borrowerId: null, at: audit.now, detail: { previous: previous.version },
    });
  }
  return { ok: true, version, previous: previous.version, stored: (known?.n ?? 0) === 0 };
}
