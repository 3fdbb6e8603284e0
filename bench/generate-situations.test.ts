// The bench's situations are ones the gate accepts, cover what the headline row claims (both packs,
// calls, messages as planned and rendered, histories, agreements, holds), and lead to both answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPolicyGate } from '../src/app/gate/policy-gate.ts';
import { parseSituation } from '../src/policy/index.ts';
import { generateSituations } from './generate-situations.ts';

const items = generateSituations(2_000, 3);

test('every generated situation passes the situation parser', () => {
  for (const [index, item] of items.entries()) {
    const parsed = parseSituation(item.situation);
    assert.ok(parsed.ok, `situation ${index}: ${JSON.stringify(parsed.ok ? null : parsed.problems)}`);
  }
});

test('the mix covers both packs, every kind, and the histories, agreements and holds', () => {
  const seen = new Set(items.map((item) => `${item.situation.pack} ${item.kind}`));
  assert.deepEqual([...seen].sort(), ['CN calls', 'CN messages as planned', 'CN messages rendered', 'US calls',
    'US messages as planned', 'US messages rendered']);
  assert.ok(items.some((item) => item.situation.history.length >= 5));
  assert.ok(items.some((item) => item.situation.agreements.length > 0));
  assert.ok(items.some((item) => item.situation.holds.length > 0));
  const rendered = items.filter((item) => item.kind === 'messages rendered');
  assert.ok(rendered.every((item) => !item.situation.content!.text.includes('{{')), 'rendered texts are filled');
  assert.equal(new Set(rendered.map((item) => item.situation.content!.text)).size, rendered.length,
    'every rendered text is new to the content guard');
});

test('the gate allows some and denies others, so both paths of the evaluator are timed', () => {
  const built = buildPolicyGate();
  assert.ok(built.ok);
  const allowed = items.map((item) => built.gate.evaluators[item.situation.pack].evaluate(item.situation, item.now))
    .filter((decision) => decision.allowed).length;
  assert.ok(allowed > items.length * 0.1 && allowed < items.length * 0.9, `${allowed} of ${items.length} allowed`);
});
