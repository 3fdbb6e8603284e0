// Every template the default strategy names exists in both locales and passes the content guard as
// written, for every channel it can go out on, in the pack of its locale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkContent } from '../content/check-content.ts';
import { CN_PACK } from '../packs/cn-pack.ts';
import { US_PACK } from '../packs/us-pack.ts';
import { DEFAULT_STRATEGY } from '../strategy/default-strategy.ts';
import { findMessageTemplate, MESSAGE_TEMPLATES } from './message-templates.ts';

test('every template of the default strategy exists', () => {
  for (const treatment of DEFAULT_STRATEGY.treatments) {
    const id = treatment.template;
    if (id !== undefined) assert.ok(findMessageTemplate(id), id);
  }
});

test('every template passes the content guard in its locale, on every message channel', () => {
  for (const template of MESSAGE_TEMPLATES) {
    for (const channel of ['sms', 'app_push', 'letter', 'email'] as const) {
      const zh = { text: template.texts['zh-CN'], locale: 'zh-CN' as const, templateId: template.id };
      const cn = checkContent(CN_PACK, zh, { channel });
      assert.deepEqual(cn.problems, [], `${template.id} zh-CN ${channel}`);
      const us = checkContent(US_PACK, { text: template.texts.en, locale: 'en', templateId: template.id },
        { channel });
      assert.deepEqual(us.problems, [], `${template.id} en ${channel}`);
    }
  }
});

test('the guard is not blind to templates: a threat in one is refused', () => {
  const text = `${MESSAGE_TEMPLATES[0]!.texts['zh-CN']}再不还款就让你坐牢。`;
  const checked = checkContent(CN_PACK, { text, locale: 'zh-CN' }, { channel: 'sms' });
  assert.equal(checked.ok, false);
});
