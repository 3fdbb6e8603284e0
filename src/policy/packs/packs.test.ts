// The packs registry: PACKS holds every shipped pack under its own id, agrees with PACK_IDS, and
// each entry carries what the rest of the product reads from it: the locale of its messages, the
// rule that enforces each content reason (the first rule in pack order that claims it), and a
// settings schema generated from the rules' parameters that admits exactly the values the engine's
// own settings validation admits, bound by bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateSettings } from '../engine/validate-settings.ts';
import { packParameters, type Pack } from '../pack.ts';
import type { ParameterSpec } from '../rule.ts';
import { PACK_IDS } from '../situation.ts';
import { findPack, isPackId, PACKS, shippedPacks } from './packs.ts';

test('PACKS holds each shipped pack under its id, with the locale of its messages', () => {
  assert.deepEqual(Object.keys(PACKS), [...PACK_IDS]);
  assert.deepEqual(shippedPacks().map((pack) => [pack.id, pack.locale]), [['CN', 'zh-CN'], ['US', 'en']]);
  assert.equal(findPack('US'), PACKS.US);
  assert.equal(findPack('UK'), null);
  assert.equal(findPack('toString'), null, 'an inherited property is not a pack');
  assert.deepEqual(['CN', 'US', 'UK', ''].map(isPackId), [true, true, false, false]);
});

test('each content reason maps to the first rule of the pack that enforces it', () => {
  for (const pack of shippedPacks()) {
    const expected: Record<string, string> = {};
    for (const rule of pack.rules) {
      for (const reason of rule.contentReasons ?? []) expected[reason] ??= rule.id;
    }
    const actual = Object.fromEntries(Object.entries(pack.contentRules)
      .map(([reason, rule]) => [reason, rule.id]));
    assert.deepEqual(actual, expected, pack.id);
  }
  assert.ok(Object.keys(PACKS.CN.contentRules).length > 0 && Object.keys(PACKS.US.contentRules).length > 0);
});

type Node = { properties?: Record<string, Node>; pattern?: string; minimum?: number; maximum?: number;
  enum?: readonly string[]; type?: string };

function schemaOf(pack: Pack, key: string): Node {
  let node: Node = pack.settingsSchema;
  for (const part of key.split('.')) node = node.properties![part]!;
  return node;
}

/** Whether the engine refuses a value for one parameter on its own (relations to others aside). */
function engineRefuses(pack: Pack, key: string, value: string | number): boolean {
  const checked = validateSettings(pack, { [key]: value });
  return !checked.ok
    && checked.problems.some((problem) => problem.path === key && problem.reason !== 'inconsistent');
}

function schemaAdmits(node: Node, value: string | number): boolean {
  if (node.enum !== undefined) return node.enum.includes(String(value));
  if (node.pattern !== undefined) return new RegExp(node.pattern).test(String(value));
  return Number(value) >= node.minimum! && Number(value) <= node.maximum!;
}

function candidates(spec: ParameterSpec): Array<string | number> {
  if (spec.kind === 'level') return ['warn', 'deny'];
  if (spec.kind === 'count') {
    const [low, high] = spec.range ?? [0, 100];
    return Array.from({ length: high - low + 3 }, (_, index) => low - 1 + index);
  }
  const times = ['24:00', '24:01', '7:00', '08:60'];
  for (let minute = 0; minute < 24 * 60; minute += 1) {
    times.push(`${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
  }
  return times;
}

test('the settings schema admits exactly the values the engine admits, parameter by parameter', () => {
  const disagreements: string[] = [];
  for (const pack of shippedPacks()) {
    for (const [key, { spec }] of packParameters(pack)) {
      const node = schemaOf(pack, key);
      for (const value of candidates(spec)) {
        if (schemaAdmits(node, value) === engineRefuses(pack, key, value)) {
          disagreements.push(`${pack.id} ${key} ${value}`);
        }
      }
    }
  }
  assert.deepEqual(disagreements, []);
});

test('the schema names each bound and its citation, and refuses unknown keys', () => {
  const start = schemaOf(PACKS.CN, 'quiet_hours.allowed_start') as Node & { description: string };
  assert.match(start.description, /Legal bound 08:00, at least as strict \(CN-GBT-01, GB\/T 45251-2025/);
  assert.equal((PACKS.US.settingsSchema as { additionalProperties?: boolean }).additionalProperties, false);
  assert.equal(schemaOf(PACKS.US, 'contact_hours').type, 'object');
});
