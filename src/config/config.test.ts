// FAIRCOLLECT_SETTINGS names the lender's settings file; empty counts as unset, as for the other
// variables, so a script that clears it runs under the packs' own parameters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { readConfig } from './config.ts';

test('FAIRCOLLECT_SETTINGS is a resolved path, or null when unset or empty', () => {
  const settingsPath = (env: NodeJS.ProcessEnv) => {
    const read = readConfig(env);
    assert.ok(read.ok);
    return read.config.settingsPath;
  };
  assert.equal(settingsPath({}), null);
  assert.equal(settingsPath({ FAIRCOLLECT_SETTINGS: '' }), null);
  const relative = 'lender/settings.yaml';
  assert.equal(settingsPath({ FAIRCOLLECT_SETTINGS: relative }), resolve(relative));
});

// The daily cycle's time and zone: 02:30 in Asia/Shanghai by default, "off" to leave the cycle to
// `faircollect cycle`, and a value that is not a time or a zone is refused naming its variable.
test('FAIRCOLLECT_CYCLE_AT and FAIRCOLLECT_CYCLE_ZONE: defaults, off, valid and refused values', () => {
  const cycle = (env: NodeJS.ProcessEnv) => {
    const read = readConfig(env);
    return read.ok ? { at: read.config.cycleAt, zone: read.config.cycleZone } : read.reason;
  };
  assert.deepEqual(cycle({}), { at: { hour: 2, minute: 30 }, zone: 'Asia/Shanghai' });
  assert.deepEqual(cycle({ FAIRCOLLECT_CYCLE_AT: '', FAIRCOLLECT_CYCLE_ZONE: '' }),
    { at: { hour: 2, minute: 30 }, zone: 'Asia/Shanghai' });
  assert.deepEqual(cycle({ FAIRCOLLECT_CYCLE_AT: 'off' }), { at: null, zone: 'Asia/Shanghai' });
  assert.deepEqual(cycle({ FAIRCOLLECT_CYCLE_AT: '23:59', FAIRCOLLECT_CYCLE_ZONE: 'America/New_York' }),
    { at: { hour: 23, minute: 59 }, zone: 'America/New_York' });
  assert.deepEqual(cycle({ FAIRCOLLECT_CYCLE_AT: '00:00', FAIRCOLLECT_CYCLE_ZONE: 'UTC' }),
    { at: { hour: 0, minute: 0 }, zone: 'UTC' });
  for (const at of ['24:00', '2:30', '02:60', '0230', 'noon']) {
    assert.equal(cycle({ FAIRCOLLECT_CYCLE_AT: at }), 'FAIRCOLLECT_CYCLE_AT must be a time of day HH:MM '
      + `(00:00 to 23:59) or "off", got "${at}"`);
  }
  for (const zone of ['Mars/Olympus', '+08:00', 'Shanghai']) {
    assert.equal(cycle({ FAIRCOLLECT_CYCLE_ZONE: zone }), 'FAIRCOLLECT_CYCLE_ZONE must be an IANA time '
      + `zone such as Asia/Shanghai or America/New_York, got "${zone}"`);
  }
});

test('TRUST_PROXY_HOPS: none by default, a whole number of proxies, anything else refused', () => {
  const hops = (value: string | undefined) => {
    const read = readConfig(value === undefined ? {} : { TRUST_PROXY_HOPS: value });
    return read.ok ? read.config.trustProxyHops : read.reason;
  };
  assert.equal(hops(undefined), 0);
  assert.equal(hops(''), 0);
  assert.equal(hops('1'), 1);
  for (const value of ['-1', '11', 'yes', '1.5']) {
    assert.equal(hops(value), `TRUST_PROXY_HOPS must be a whole number from 0 to 10, got "${value}"`);
  }
});
