// Reports the JavaScript a first visit loads, gzip-compressed, and fails the build above the budget:
// the entry chunk, the app shell it always loads next (main.tsx imports src/App.tsx once config.json is
// read) and everything those import statically. Route chunks and the English messages load on use.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_KB = Number(process.env.INITIAL_JS_BUDGET_KB ?? 350);
const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);

const initial = new Set();
function walk(key) {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) {
    return;
  }
  initial.add(chunk.file);
  for (const imported of chunk.imports ?? []) {
    walk(imported);
  }
}
walk(entry);
walk('src/App.tsx');

const gz = (file) => gzipSync(readFileSync(join(dist, file))).length / 1024;
const rows = [...initial].map((file) => [file, gz(file)]);
const total = rows.reduce((sum, [, kb]) => sum + kb, 0);
const lazy = Object.values(manifest).filter((c) => c.file.endsWith('.js') && !initial.has(c.file));
const lazyTotal = lazy.reduce((sum, c) => sum + gz(c.file), 0);

for (const [file, kb] of rows) {
  console.log(`  initial  ${kb.toFixed(1).padStart(7)} kB gzip  ${file}`);
}
console.log(`initial JavaScript: ${total.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB); ${lazy.length} lazy chunks: ${lazyTotal.toFixed(1)} kB gzip`);
if (total > BUDGET_KB) {
  console.error(`initial JavaScript over budget by ${(total - BUDGET_KB).toFixed(1)} kB`);
  process.exit(1);
}
