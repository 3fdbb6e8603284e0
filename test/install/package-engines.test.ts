// `npm install` runs on the machine's own Node.js, which may be as old as package.json's `engines`
// allows (FairCollect itself then runs on the Node.js 24 that install brings). Every package in
// package-lock.json must admit that oldest version, or npm warns EBADENGINE on a clean install.
// The range check below knows the forms npm packages use; an unknown form fails the test, so a
// new one is read by a person before it is trusted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

type Version = [number, number, number];
type Lock = { packages: Record<string, { version?: string; engines?: { node?: string } }> };

const ROOT = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', ROOT), 'utf8')) as Lock;

test('every locked package admits the oldest Node.js that package.json allows', () => {
  const oldest = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(manifest.engines.node);
  assert.ok(oldest !== null, `package.json engines.node is a lower bound: ${manifest.engines.node}`);
  const version = fill(oldest[1]!);
  const refusing = Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && entry.engines?.node !== undefined
      && !admits(entry.engines.node, version))
    .map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')}@${entry.version}: ${entry.engines?.node}`);
  assert.deepEqual(refusing, []);
});

test('the range check', () => {
  const cases: [string, string, boolean][] = [
    ['>=22', '20.19.0', false], ['>=18', '20.19.0', true], ['>= 20.16.0', '20.19.0', true],
    ['>=20.19', '20.19.0', true], ['>=20.20', '20.19.0', false], ['^20.19.0 || ^22.13.0', '20.19.0', true],
    ['^20.20.0 || >=23', '20.19.0', false], ['10.* || >= 12.*', '20.19.0', true], ['>= 10.x', '20.1.0', true],
    ['>=9.4.0 || ^8.9.4', '20.19.0', true], ['20.x', '22.0.0', false], ['>=18 <20', '20.19.0', false],
  ];
  for (const [range, version, expected] of cases) {
    assert.equal(admits(range, fill(version)), expected, `${range} ∋ ${version}`);
  }
  assert.throws(() => admits('node >= 20', fill('20.19.0')), /unknown engines range/);
});

function fill(text: string): Version {
  const [major = 0, minor = 0, patch = 0] = text.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : 0));
  return [major, minor, patch];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function admits(range: string, version: Version): boolean {
  return range.split('||').some((alternative) => alternative.trim().replace(/([<>=^~]+)\s+/g, '$1')
    .split(/\s+/).every((comparator) => satisfies(comparator, version, range)));
}

function satisfies(comparator: string, version: Version, range: string): boolean {
  const match = /^(>=|<=|>|<|\^|~|=)?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?$/.exec(comparator);
  if (match === null) throw new Error(`unknown engines range "${range}": extend the check`);
  const [, operator = '=', ...parts] = match;
  const bound = fill(parts.filter((part) => part !== undefined).join('.'));
  const given = parts.filter((part) => part !== undefined && /^\d+$/.test(part)).length;
  const order = compare(version, bound);
  switch (operator) {
    case '>=': return order >= 0;
    case '>': return order > 0;
    case '<=': return order <= 0;
    case '<': return order < 0;
    case '^': return version[0] === bound[0] && order >= 0;
    case '~': return version[0] === bound[0] && version[1] === bound[1] && order >= 0;
    default: return version.slice(0, given).every((part, index) => part === bound[index]);
  }
}
