import type { PackId } from '../../../src/policy/situation.ts';

/**
 * The id of a pack this build does not ship. PackId names the shipped packs only (the keys of
 * PACKS), so a test pack's id is one the type does not list; the engine reads a pack's id only to
 * label its Decisions and to check that its rules belong to it, so the label is all it takes.
 */
export const UK = 'UK' as PackId;
