import { assert } from '../../stdx/assert.ts';
import { parseMajor, type Minor } from '../../stdx/money.ts';
import type { Stage, StrategyDocument, StrategyTreatment } from './strategy-document.ts';

/**
 * The ladder's answer for one case: the highest stage whose entry thresholds the case meets.
 * A case in collection always has a stage; below the first threshold it sits on the first rung.
 * The cycle computes the same thing in SQL (see app/cycle); a test checks both agree.
 */
export function stageFor(
  strategy: StrategyDocument, maxDpd: number, overdueMinor: Minor, currency: string,
): Stage {
  assert(strategy.stages.length > 0, 'a strategy has at least one stage');
  let chosen: Stage = strategy.stages[0]!.stage;
  for (const stage of strategy.stages) {
    if (maxDpd < stage.minDpd) continue;
    const threshold = stage.minOverdue?.[currency];
    if (threshold !== undefined && overdueMinor < parseMajor(threshold, currency)!) continue;
    chosen = stage.stage;
  }
  return chosen;
}

/** The treatments a stage proposes on a given day in that stage (0 = the day it was entered). */
export function treatmentsDue(
  strategy: StrategyDocument, stage: Stage, dayInStage: number,
): StrategyTreatment[] {
  return strategy.treatments.filter((treatment) => {
    if (treatment.stage !== stage || dayInStage < treatment.startDay) return false;
    if (treatment.everyDays === undefined) return dayInStage === treatment.startDay;
    return (dayInStage - treatment.startDay) % treatment.everyDays === 0;
  });
}
