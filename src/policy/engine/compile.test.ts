// The policy version covers everything that decides. Goal: a change to any of the rules' code,
// the shared code the digest of policy-sources.ts covers (helpers, engine, content guard), the
// lender's settings, the pack's content rules or locale, or the strategy yields another version, and
// nothing else does. Method: compute the version of the shipped US pack, then of variants that
// differ in one of those only. (test/policy-sources/ holds the digest to the files on disk.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definePack } from '../pack.ts';
import { US_PACK } from '../packs/us-pack.ts';
import { compile, policyVersion } from './compile.ts';
import { POLICY_SOURCES_DIGEST } from './policy-sources.ts';
import { validateSettings } from './validate-settings.ts';

const defaults = validateSettings(US_PACK, {});
assert.ok(defaults.ok);
const base = policyVersion(US_PACK, defaults.settings, null);

function versionOf(settings: Record<string, unknown>): string {
  const compiled = compile(US_PACK, null, settings);
  assert.ok(compiled.ok);
  return compiled.evaluator.version;
}

test('every evaluator of the same inputs carries the version, which covers the sources digest', () => {
  assert.equal(versionOf({}), base);
  assert.equal(policyVersion(US_PACK, defaults.settings, null, POLICY_SOURCES_DIGEST), base);
  assert.notEqual(policyVersion(US_PACK, defaults.settings, null, '0'.repeat(64)), base,
    'a change to a shared helper or the content guard changes the digest, and so the version');
});

test('a change to the settings or the strategy changes the version', () => {
  assert.notEqual(versionOf({ contact_hours: { allowed_start: '09:00' } }), base);
  assert.notEqual(policyVersion(US_PACK, defaults.settings, { name: 'lender-ladder' }), base);
});

test("a change to a rule's predicate, content reasons or parameters changes the version", () => {
  const [first, ...rest] = US_PACK.rules;
  const variant = (changed: typeof first) => definePack({ id: 'US', title: US_PACK.title, locale: 'en',
    rules: [changed!, ...rest] });
  const predicate = variant({ ...first!, build: (params, verdicts) => {
    const check = first!.build(params, verdicts);
    return (facts) => check(facts);
  } });
  const content = variant({ ...first!, contentReasons: ['missing_institution_identity'] });
  const parameters = variant({ ...first!, parameters: first!.parameters.map((spec) => ({ ...spec,
    description: `${spec.description} (reworded)` })) });
  const locale = definePack({ id: 'US', title: US_PACK.title, locale: 'zh-CN', rules: US_PACK.rules });
  const versions = [predicate, content, parameters, locale]
    .map((pack) => policyVersion(pack, defaults.settings, null));
  assert.deepEqual(versions.filter((version) => version === base), []);
  assert.equal(new Set(versions).size, versions.length);
  assert.equal(policyVersion(definePack({ id: 'US', title: 'renamed', locale: 'en', rules: US_PACK.rules }),
    defaults.settings, null), base, 'a title decides nothing');
});
