import type { Locale } from './locale.ts';
import { EN } from './en.ts';
import { ZH_CN } from './zh-cn.ts';

/**
 * Every locale's catalogue. The Chinese one defines the keys; `satisfies` makes a key missing from
 * (or added to) any other catalogue a type error, so no page can render a key one language lacks.
 */
export type MessageKey = keyof typeof ZH_CN;
export type Messages = { readonly [Key in MessageKey]: string };
export const MESSAGES = { 'zh-CN': ZH_CN, en: EN } satisfies Record<Locale, Messages>;

/** The names of a message's `{placeholders}`, read from the Chinese text's literal type. */
type Placeholders<Text extends string> =
  Text extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The values a message needs: none, or one per placeholder. */
export type MessageArguments<Key extends MessageKey> = [Placeholders<(typeof ZH_CN)[Key]>] extends [never]
  ? [] : [params: Record<Placeholders<(typeof ZH_CN)[Key]>, string | number>];

/** The keys of the shipped packs' titles, `pack.title.<pack id>`. */
type PackTitleKey = Extract<MessageKey, `pack.title.${string}`>;

/** Whether a key built from a pack's id names a title the catalogues hold. */
export function isPackTitleKey(key: string): key is PackTitleKey {
  return key.startsWith('pack.title.') && Object.hasOwn(ZH_CN, key);
}
