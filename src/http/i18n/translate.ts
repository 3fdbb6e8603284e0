import { assert } from '../../stdx/assert.ts';
import type { Locale } from './locale.ts';
import { MESSAGES, type MessageArguments, type MessageKey } from './messages.ts';

/**
 * A message in a locale, its `{placeholders}` filled with the values given, as plain text (a
 * template escapes it like any other value). A key or a value the message lacks is a bug, caught
 * by the type checker in code and by this assertion in templates, which are not type-checked.
 */
export function translate<Key extends MessageKey>(
  locale: Locale, key: Key, ...[params]: MessageArguments<Key>
): string {
  return fill(message(locale, key), params ?? {}, (value) => value);
}

/**
 * A message as HTML: its text escaped, each placeholder's value escaped and set as code (a command,
 * a file, an environment variable), for the sentences that name one in the middle.
 */
export function translateWithCode<Key extends MessageKey>(
  locale: Locale, key: Key, ...[params]: MessageArguments<Key>
): string {
  return fill(escapeHtml(message(locale, key)), params ?? {}, (value) => `<code>${escapeHtml(value)}</code>`);
}

function message(locale: Locale, key: string): string {
  const catalogue: Readonly<Record<string, string>> = MESSAGES[locale];
  const text = catalogue[key];
  assert(text !== undefined, `no message ${key} in ${locale}`);
  return text;
}

function fill(text: string, params: Readonly<Record<string, string | number>>,
  show: (value: string) => string): string {
  return text.replace(/\{(\w+)\}/g, (_placeholder, name: string) => {
    const value = params[name];
    assert(value !== undefined, `no value for {${name}} in "${text}"`);
    return show(String(value));
  });
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}
