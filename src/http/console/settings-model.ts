import type { Db } from '../../db/database.ts';
import type { PolicyGate } from '../../app/gate/policy-gate.ts';
import { listStrategyVersions } from '../../app/strategy/list-strategy-versions.ts';
import { loadActiveStrategy } from '../../app/strategy/active-strategy.ts';
import { packParameters } from '../../policy/pack.ts';
import { assert } from '../../stdx/assert.ts';
import { parseMajor } from '../../stdx/money.ts';
import { formatAmount } from '../i18n/format-amount.ts';
import type { Locale } from '../i18n/locale.ts';

/** What the settings page shows: the policy every decision of this server is made under. */
export type SettingsPageOptions = {
  gate: PolicyGate;
  /** How the lender's settings file was named; null when the packs' own parameters apply. */
  settingsSource: string | null;
};

/**
 * The settings page's model: for each pack its policy version and every parameter with the value in
 * force, the pack's default and the legal bound (a value the lender set is flagged), then the
 * active strategy's ladder and every stored strategy version.
 */
export async function settingsModel(db: Db, options: SettingsPageOptions, locale: Locale) {
  const packs = Object.values(options.gate.evaluators).map((evaluator) => ({
    id: evaluator.pack.id,
    title: evaluator.pack.title,
    policyVersion: evaluator.version,
    parameters: [...packParameters(evaluator.pack)].map(([key, { spec, ruleId }]) => {
      const value = evaluator.settings[key] ?? spec.default;
      return {
        key, value: String(value), default: String(spec.default), ruleId,
        bound: spec.legalBound === null ? null : String(spec.legalBound),
        lenderSet: value !== spec.default,
      };
    }),
  }));
  const active = await loadActiveStrategy(db);
  return {
    settingsSource: options.settingsSource,
    packs,
    strategy: {
      version: active.version,
      name: active.strategy.name,
      description: active.strategy.description ?? '',
      stages: active.strategy.stages.map((stage) => ({
        stage: stage.stage, minDpd: stage.minDpd,
        minOverdue: Object.entries(stage.minOverdue ?? {})
          .map(([currency, amount]) => thresholdText(amount, currency, locale)).join(', '),
        treatments: active.strategy.treatments.filter((treatment) => treatment.stage === stage.stage)
          .map((treatment) => ({
            action: treatment.action, channel: treatment.channel, day: treatment.startDay,
            every: treatment.everyDays ?? null,
          })),
      })),
    },
    versions: await listStrategyVersions(db),
  };
}

/** A stage's overdue threshold in the reader's format (the strategy's validation parsed it when stored). */
function thresholdText(amount: string, currency: string, locale: Locale): string {
  const minor = parseMajor(amount, currency);
  assert(minor !== null, `a stored strategy's threshold ${amount} ${currency} is a valid amount`);
  return formatAmount(minor, currency, locale);
}
