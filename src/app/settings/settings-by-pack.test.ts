// A lender's settings file reaches each pack: by pack (`CN:` / `US:`) or flat, each group going to
// the packs that declare it, and a group no pack declares to every pack, whose validation names it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CN_PACK, US_PACK } from '../../policy/index.ts';
import { settingsByPack } from './settings-by-pack.ts';

const PACKS = [CN_PACK, US_PACK];
const CN_HOURS = { quiet_hours: { allowed_start: '09:00', allowed_end: '20:00' } };
const US_HOURS = { contact_hours: { allowed_start: '09:00' } };

test('a file by pack gives each pack its own settings', () => {
  assert.deepEqual(settingsByPack({ CN: CN_HOURS, US: US_HOURS }, PACKS),
    { ok: true, settings: { CN: CN_HOURS, US: US_HOURS } });
});

test('a flat file sends each group to the pack that declares it', () => {
  assert.deepEqual(settingsByPack({ ...CN_HOURS, ...US_HOURS, 'us_calls.per_7_days_max': 5 }, PACKS),
    { ok: true, settings: { CN: CN_HOURS, US: { ...US_HOURS, 'us_calls.per_7_days_max': 5 } } });
});

test('a group no pack declares goes to every pack, to be refused there by name', () => {
  assert.deepEqual(settingsByPack({ calling_hours: { start: '09:00' } }, PACKS), {
    ok: true,
    settings: { CN: { calling_hours: { start: '09:00' } }, US: { calling_hours: { start: '09:00' } } },
  });
});

test('a pack entry that is not an object is refused naming the pack', () => {
  assert.deepEqual(settingsByPack({ CN: CN_HOURS, US: '09:00' }, PACKS), {
    ok: false, reason: 'pack_settings_not_an_object', field: 'US',
    message: 'US must hold an object of the US pack\'s parameters, got "09:00"',
  });
});
