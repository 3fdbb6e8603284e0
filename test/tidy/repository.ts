import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The files the tidy test looks at: what git tracks plus new files it does not ignore, so a file
 * is checked from the moment it is written, and node_modules, data/ and other ignored output
 * never are. Outside a git checkout (an unpacked release) it walks the tree instead.
 */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Folders skipped by the walk used when git is unavailable; they mirror .gitignore. */
const WALK_SKIPPED = new Set(['.git', 'node_modules', 'data', 'tmp', '.bench']);

export function listRepositoryFiles(root: string): string[] {
  const git = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  const listed = git.status === 0 ? git.stdout.split('\0').filter((path) => path !== '') : walk(root, '');
  // A tracked file deleted in the working tree is still listed by git until the deletion is staged.
  return [...new Set(listed)].filter((path) => isFile(join(root, path))).sort();
}

function walk(root: string, prefix: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(join(root, prefix))) {
    if (WALK_SKIPPED.has(name)) continue;
    const path = prefix === '' ? name : `${prefix}/${name}`;
    if (statSync(join(root, path)).isDirectory()) found.push(...walk(root, path));
    else found.push(path);
  }
  return found;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch (error) {
    // Listed but gone: the file was removed between the listing and this check.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** The file's text, or null for a binary file (one holding a NUL byte). */
export function readTextFile(root: string, path: string): string | null {
  const bytes = readFileSync(join(root, path));
  return bytes.includes(0) ? null : bytes.toString('utf8');
}
