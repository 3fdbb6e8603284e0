import type { Pack } from '../pack.ts';
import type { PackId } from '../situation.ts';
import { CN_PACK } from './cn-pack.ts';
import { US_PACK } from './us-pack.ts';

/**
 * Every shipped pack, by id: the one place that knows which packs exist. Each jurisdiction's
 * branch (the gate's evaluators, replay, the locale of templates, `check`, the policy pages) reads
 * this registry, so adding a pack is a folder of rules, its pack file, its id in PACK_IDS and one
 * line here; the type makes the registry and PACK_IDS agree.
 */
export const PACKS = {
  CN: CN_PACK,
  US: US_PACK,
} satisfies Record<PackId, Pack>;

/** A registry of packs by id: PACKS, or PACKS extended with packs the build does not ship. */
export type PackRegistry = Readonly<Record<string, Pack>>;

/** The pack of an id, or null for an id no pack of the registry has (an old or foreign record). */
export function findPack(id: string, packs: PackRegistry = PACKS): Pack | null {
  return Object.hasOwn(packs, id) ? packs[id]! : null;
}

/** Whether an id names a shipped pack (a product's jurisdiction, a stored Decision's pack). */
export function isPackId(id: string): id is PackId {
  return Object.hasOwn(PACKS, id);
}

/** The shipped packs in registry order. */
export function shippedPacks(): readonly Pack[] {
  return Object.values(PACKS);
}
