import { CYCLE_WORK_MEM_MB } from '../../config/limits.ts';
import type { Db } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import type { CivilDate } from '../../stdx/civil-date.ts';
import { defaultPolicyGate, type PolicyGate } from '../gate/policy-gate.ts';
import { loadProductTerms } from '../product/load-product-terms.ts';
import { loadActiveStrategy, type ActiveStrategy } from '../strategy/active-strategy.ts';
import { accrueCharges } from './accrue-charges.ts';
import { applyCredit } from './apply-credit.ts';
import { decideActions } from './decide-actions.ts';
import { planActions } from './plan-actions.ts';
import { postPayments } from './post-payments.ts';
import { recomputeDelinquency } from './recompute-delinquency.ts';
import { settlePromises } from './settle-promises.ts';
import { takeSnapshot } from './take-snapshot.ts';
import { updateAccountStatus } from './update-account-status.ts';
import { updateCases } from './update-cases.ts';

/**
 * The daily cycle for one date (R1, R2): post payments → apply credit balances → settle promises to
 * pay (kept or broken, from the payments just posted) → accrue fees and penalty interest → recompute
 * delinquency → freeze/unfreeze → open, move and close cases → plan the strategy's actions, putting
 * each through the compliance gate → decide any a date's earlier, interrupted run left undecided →
 * snapshot the portfolio.
 *
 * Resumable by construction: each step commits together with its row in `cycle_step`, and a rerun
 * skips the steps already recorded. Payment posting commits in batches and only ever picks up
 * payments not yet posted, so a crash inside it resumes where it stopped. Every other step is one
 * transaction and is itself idempotent for its date. Hence kill -9 at any point and a rerun give
 * exactly what an uninterrupted run gives (test: cycle crash-resume).
 */
export const CYCLE_STEPS = [
  'post_payments', 'apply_credit', 'settle_promises', 'accrue_charges', 'recompute_delinquency',
  'update_account_status', 'update_cases', 'plan_actions', 'decide_actions', 'take_snapshot',
] as const;
const VACUUMED_TABLES = ['installment', 'delinquency', 'collection_case', 'account', 'payment'];

export type CycleStep = (typeof CYCLE_STEPS)[number];

export type CycleReport = {
  asOf: CivilDate;
  status: 'completed' | 'already_completed';
  strategyVersion: string;
  steps: { step: CycleStep; status: 'ran' | 'skipped'; detail: Record<string, number> }[];
};

export type CycleRejection = { reason: 'cycle_date_before_last_completed'; lastCompleted: CivilDate };

export type RunCycleOptions = {
  db: Db;
  asOf: CivilDate;
  /** The compiled policy the planned actions are decided under; the packs' defaults when absent. */
  gate?: PolicyGate;
  onStep?: (step: CycleStep, phase: 'start' | 'done' | 'skipped') => void;
};

export async function runCycle(
  options: RunCycleOptions,
): Promise<{ ok: true; report: CycleReport } | { ok: false; rejection: CycleRejection }> {
  const { db, asOf } = options;
  const [last] = await db.query<{ as_of: string | null }>(
    `SELECT max(as_of) AS as_of FROM cycle_step WHERE step = 'done'`,
  );
  if (last?.as_of != null && last.as_of > asOf) {
    return {
      ok: false, rejection: { reason: 'cycle_date_before_last_completed', lastCompleted: last.as_of },
    };
  }
  const done = new Set(
    (await db.query<Pick<Row<'cycle_step'>, 'step'>>('SELECT step FROM cycle_step WHERE as_of = $1', [asOf]))
      .map((row) => row.step),
  );
  const active = await loadActiveStrategy(db);
  const report: CycleReport = {
    asOf, status: done.has('done') ? 'already_completed' : 'completed', strategyVersion: active.version,
    steps: [],
  };
  for (const step of CYCLE_STEPS) {
    if (done.has(step)) {
      options.onStep?.(step, 'skipped');
      report.steps.push({ step, status: 'skipped', detail: {} });
      continue;
    }
    options.onStep?.(step, 'start');
    const detail = await runStep(db, step, asOf, active, options.gate ?? defaultPolicyGate());
    options.onStep?.(step, 'done');
    report.steps.push({ step, status: 'ran', detail });
  }
  if (!done.has('done')) {
    await db.query(
      `INSERT INTO cycle_step (as_of, step) VALUES ($1, 'done') ON CONFLICT DO NOTHING`, [asOf],
    );
    // The embedded engine runs no autovacuum, and the cycle rewrites the overdue installments
    // and delinquency rows daily; without this their dead versions pile up and every later
    // cycle reads through them. A server's autovacuum does the same on its own.
    if (db.kind === 'pglite') await db.exec(`VACUUM (ANALYZE) ${VACUUMED_TABLES.join(', ')}`);
  }
  return { ok: true, report };
}

async function runStep(
  db: Db, step: CycleStep, asOf: CivilDate, active: ActiveStrategy, gate: PolicyGate,
): Promise<Record<string, number>> {
  const record = (tx: Db, detail: Record<string, number>) => tx.query(
    'INSERT INTO cycle_step (as_of, step, detail) VALUES ($1, $2, $3)', [asOf, step, JSON.stringify(detail)],
  );
  if (step === 'post_payments') {
    // Commits per batch (see post-payments.ts); the ledger row is written once all batches are in.
    const detail = await postPayments(db, asOf, await loadProductTerms(db));
    await record(db, detail);
    return detail;
  }
  return db.transaction(async (tx) => {
    // Only on a server: the embedded engine's memory is the process's own, and it holds far fewer
    // accounts. JIT compilation is off: each statement runs once a day, and compiling it cost more
    // than it saved (~300 ms of a 570 ms planning query on 300k accounts, whose estimated cost is
    // inflated by its subqueries).
    if (tx.kind === 'postgres') {
      await tx.exec(`SET LOCAL work_mem = '${CYCLE_WORK_MEM_MB}MB'; SET LOCAL jit = off`);
    }
    const detail = await runTransactionalStep(tx, step, asOf, active, gate);
    await record(tx, detail);
    return detail;
  });
}

async function runTransactionalStep(tx: Db, step: Exclude<CycleStep, 'post_payments'>, asOf: CivilDate,
  active: ActiveStrategy, gate: PolicyGate): Promise<Record<string, number>> {
  switch (step) {
    case 'apply_credit': return applyCredit(tx, asOf, await loadProductTerms(tx));
    case 'settle_promises': return settlePromises(tx, asOf, active);
    case 'accrue_charges': return accrueCharges(tx, asOf);
    case 'recompute_delinquency': return recomputeDelinquency(tx, asOf, active.strategy);
    case 'update_account_status': return updateAccountStatus(tx, asOf);
    case 'update_cases': return updateCases(tx, asOf, active);
    case 'plan_actions': return planActions(tx, asOf, active, gate);
    case 'decide_actions': return decideActions(tx, asOf, gate);
    case 'take_snapshot': return takeSnapshot(tx, asOf);
  }
}
