// The catalogues against each other and against the pages that use them: the type checker already
// refuses a key one locale lacks, so this checks what it cannot see: empty texts, placeholders that
// differ between languages, a key a template (which is not type-checked) uses that no catalogue
// has, a message no page shows any more, and English pack titles that drifted from the packs' own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { PACKS } from '../../policy/packs/packs.ts';
import { LOCALES } from './locale.ts';
import { MESSAGES } from './messages.ts';

const REFERENCE = MESSAGES['zh-CN'];
const CONSOLE = new URL('../console/', import.meta.url);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

test('every locale has the same keys, no empty text and the same placeholders', () => {
  for (const locale of LOCALES) {
    const catalogue: Readonly<Record<string, string>> = MESSAGES[locale];
    assert.deepEqual(Object.keys(catalogue).sort(), Object.keys(REFERENCE).sort(), locale);
    for (const [key, text] of Object.entries(catalogue)) {
      assert.notEqual(text.trim(), '', `${locale} ${key} is empty`);
      const reference: string = REFERENCE[key as keyof typeof REFERENCE];
      assert.deepEqual(placeholders(text), placeholders(reference), `${locale} ${key}: placeholders`);
    }
  }
});

test('every key the console uses exists, and every key is used', () => {
  const sources = [
    ...readdirSync(new URL('views/', CONSOLE)).map((name) => new URL(`views/${name}`, CONSOLE)),
    ...readdirSync(CONSOLE).filter((name) => name.endsWith('.ts') && !name.includes('.test.'))
      .map((name) => new URL(name, CONSOLE)),
  ].map((file) => readFileSync(file, 'utf8')).join('\n');
  const used = new Set([...sources.matchAll(/\b(?:t|tCode|translate\(locale,)\s*\(?\s*'([\w.]+)'/g)]
    .map((match) => match[1]!));
  assert.ok(used.size > 20, `found only ${used.size} keys: the pattern no longer matches the templates`);
  assert.deepEqual([...used].filter((key) => !(key in REFERENCE)), [], 'keys no catalogue has');
  const packTitles = Object.keys(PACKS).map((id) => `pack.title.${id}`);
  const unused = Object.keys(REFERENCE).filter((key) => !used.has(key) && !packTitles.includes(key));
  assert.deepEqual(unused, [], 'messages no page shows');
});

test('each shipped pack has a title in every locale, the English one the pack\'s own', () => {
  for (const [id, pack] of Object.entries(PACKS)) {
    for (const locale of LOCALES) assert.ok(`pack.title.${id}` in MESSAGES[locale], `${locale} ${id}`);
    assert.equal(MESSAGES.en[`pack.title.${id}` as keyof typeof MESSAGES.en], pack.title);
  }
});
