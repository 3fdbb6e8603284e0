import { basename } from 'node:path';
import { IMPORT_KINDS, type ImportKind } from '../../domain/import/import-records.ts';
import type { FileFormat } from './read-rows.ts';

/**
 * Which kind and format each file is, and the order to import them in: products, parties, contact
 * points, accounts, installments, payments, so every row finds what it refers to whatever order
 * the files were named in. Files of the same kind keep the order they were given.
 */
export type PlannedFile = { path: string; kind: ImportKind; format: FileFormat };
export type ImportPlan = { ok: true; files: PlannedFile[] } | { ok: false; message: string };

export function planImport(paths: readonly string[], kind?: ImportKind): ImportPlan {
  const files: PlannedFile[] = [];
  for (const path of paths) {
    const format = formatFromPath(path);
    if (format === null) return { ok: false, message: `${path} must end in .csv, .jsonl or .ndjson` };
    const fileKind = kind ?? kindFromPath(path);
    if (fileKind === null) {
      return { ok: false, message: `cannot tell the kind of ${path} from its name; use --kind` };
    }
    files.push({ path, kind: fileKind, format });
  }
  const rank = (file: PlannedFile) => IMPORT_KINDS.indexOf(file.kind);
  return { ok: true, files: files.sort((left, right) => rank(left) - rank(right)) };
}

/**
 * The kind named by a file: products.csv, contact-points.jsonl, 2026-11_payments.csv,
 * installments_march.csv. A name that fits no kind, or more than one, has none.
 */
export function kindFromPath(path: string): ImportKind | null {
  const stem = basename(path).replace(/\.(csv|jsonl|ndjson)$/i, '').toLowerCase().replaceAll('-', '_');
  const matches = IMPORT_KINDS.filter((kind) => stem === kind || stem.endsWith(`_${kind}`)
    || stem.startsWith(`${kind}_`));
  return matches.length === 1 ? matches[0]! : null;
}

export function formatFromPath(path: string): FileFormat | null {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'jsonl';
  return null;
}
