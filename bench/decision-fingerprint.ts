import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { buildPolicyGate, type GateSettings } from '../src/app/gate/policy-gate.ts';
import { parseSituation, type Situation } from '../src/policy/index.ts';
import { createRandom, type Random } from '../src/stdx/random.ts';
import { generateSituations, type GeneratedSituation } from './generate-situations.ts';

/**
 * A sha256 over every Decision the gate makes for a seeded set of situations, so that a change
 * meant to make the engine faster can be shown to change no decision: the same command before and
 * after must print the same hashes. Each Decision is hashed whole as JSON (id, policy version,
 * every outcome with its reason, citation, detail and next allowed instant).
 *
 * Beside the bench's own situations it decides variants the bench never meets: the same
 * situations moved onto daylight-saving changes (US spring and autumn, at every quarter hour
 * around them), borrowers and contact persons with several zones, and a gate under tightened
 * lender settings (later windows, lower caps, a limit softened to a warning). Hashes are printed
 * per part and per kind, so a difference points at where to look.
 *
 * `node bench/decision-fingerprint.ts [--situations N] [--seed N]`
 */
export type FingerprintPart = { readonly name: string; readonly decisions: number; readonly sha256: string };

export const TIGHTENED_SETTINGS: GateSettings = {
  CN: {
    'quiet_hours.allowed_start': '09:00', 'quiet_hours.allowed_end': '20:30',
    'unanswered_attempts.per_number_per_day_max': 2, 'unanswered_attempts.level': 'warn',
    'voice.connected_calls_per_day_max': 1, 'third_party.consecutive_failures_min': 5,
  },
  US: {
    'contact_hours.allowed_start': '09:15', 'contact_hours.allowed_end': '20:00',
    'us_calls.per_7_days_max': 3, 'us_calls.cooldown_days': 10,
  },
};

/** Instants just before the US changes of 2026 (08 March, 01 November) and the one of 2027. */
const DAYLIGHT_SAVING_EDGES_MS = [
  Date.parse('2026-03-08T05:00:00Z'), Date.parse('2026-11-01T04:00:00Z'), Date.parse('2027-03-14T05:00:00Z'),
];
const EXTRA_ZONES = ['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Asia/Shanghai',
  'Asia/Urumqi', 'Pacific/Honolulu', 'Europe/London', 'Australia/Lord_Howe', 'America/St_Johns'];
const QUARTER_HOUR_MS = 15 * 60_000;

export function decisionFingerprint(count: number, seed: number): FingerprintPart[] {
  const base = generateSituations(count, seed);
  const random = createRandom(seed + 7);
  const shifted = base.map((item) => moveOntoDaylightSavingEdge(random, item));
  const multiZone = base.map((item) => withSeveralZones(random, item));
  for (const item of [...base, ...shifted, ...multiZone]) {
    const parsed = parseSituation(item.situation);
    if (!parsed.ok) throw new Error(`situation refused: ${JSON.stringify(parsed.problems)}`);
  }
  const parts: FingerprintPart[] = [];
  for (const [gateName, settings] of [['default', {}], ['tightened', TIGHTENED_SETTINGS]] as const) {
    const built = buildPolicyGate(settings);
    if (!built.ok) throw new Error(`settings refused: ${JSON.stringify(built.problems)}`);
    const { evaluators } = built.gate;
    for (const [setName, items] of [['bench', base], ['dst', shifted], ['zones', multiZone]] as const) {
      const byKind = new Map<string, { hash: ReturnType<typeof createHash>; decisions: number }>();
      const all = createHash('sha256');
      for (const item of items) {
        const json = JSON.stringify(evaluators[item.situation.pack].evaluate(item.situation, item.now));
        all.update(json).update('\n');
        const name = `${item.situation.pack} ${item.kind}`;
        const kind = byKind.get(name) ?? { hash: createHash('sha256'), decisions: 0 };
        kind.hash.update(json).update('\n');
        kind.decisions += 1;
        byKind.set(name, kind);
      }
      parts.push({ name: `${gateName}/${setName}`, decisions: items.length, sha256: all.digest('hex') });
      for (const [name, kind] of [...byKind].sort(([left], [right]) => left.localeCompare(right))) {
        parts.push({ name: `  ${gateName}/${setName}/${name}`, decisions: kind.decisions,
          sha256: kind.hash.digest('hex') });
      }
    }
  }
  return parts;
}

/** One hash over the parts, the line to compare at a glance. */
export function overallFingerprint(parts: readonly FingerprintPart[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.name}\t${part.decisions}\t${part.sha256}\n`);
  return hash.digest('hex');
}

/** The situation moved so that its instant falls within a day of a daylight-saving change. */
function moveOntoDaylightSavingEdge(random: Random, item: GeneratedSituation): GeneratedSituation {
  const edge = random.pick(DAYLIGHT_SAVING_EDGES_MS);
  const targetMs = edge + random.int(-48, 96) * QUARTER_HOUR_MS;
  const deltaMs = targetMs - item.now.getTime();
  return { ...item, situation: shiftInstants(item.situation, deltaMs) as Situation, now: new Date(targetMs) };
}

/** Every instant of a value moved by the same amount; other values kept. */
function shiftInstants(value: unknown, deltaMs: number): unknown {
  if (typeof value === 'string') {
    return /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(Date.parse(value) + deltaMs).toISOString() : value;
  }
  if (Array.isArray(value)) return value.map((entry) => shiftInstants(entry, deltaMs));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, shiftInstants(entry, deltaMs)]));
  }
  return value;
}

/** The borrower (and a contact person) given one to three zones, some of them far apart. */
function withSeveralZones(random: Random, item: GeneratedSituation): GeneratedSituation {
  const zones = (): string[] => {
    const picked = new Set([random.pick(EXTRA_ZONES)]);
    const more = random.int(0, 2);
    for (let index = 0; index < more; index += 1) picked.add(random.pick(EXTRA_ZONES));
    return [...picked];
  };
  const situation = item.situation;
  const target = situation.target === undefined ? undefined
    : random.chance(0.5) ? { ...situation.target, timeZones: zones() } : situation.target;
  return { ...item, situation: { ...situation, borrower: { ...situation.borrower, timeZones: zones() },
    ...(target === undefined ? {} : { target }) } };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const option = (name: string, fallback: number) => {
    const index = process.argv.indexOf(`--${name}`);
    return index === -1 ? fallback : Number(process.argv[index + 1]);
  };
  const parts = decisionFingerprint(option('situations', 20_000), option('seed', 1));
  for (const part of parts) process.stdout.write(`${part.sha256}  ${String(part.decisions).padStart(6)}  ${part.name}\n`);
  process.stdout.write(`${overallFingerprint(parts)}  overall\n`);
}
