// Checks the layering of src/: every folder is a layer named in src/README.md
// (as a "**name/**" paragraph), and a file may include only headers of its
// own layer or of the layers listed before it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const src = new URL('../../src/', import.meta.url).pathname;
const layers = [...readFileSync(join(src, 'README.md'), 'utf8').matchAll(/^\*\*([a-z_]+)\/\*\*/gm)].map((m) => m[1]);
const rank = new Map(layers.map((name, i) => [name, i]));
const problems = [];

for (const entry of readdirSync(src)) {
  if (statSync(join(src, entry)).isDirectory() && !rank.has(entry))
    problems.push(`src/${entry}/ is not a layer in src/README.md`);
}

function* files(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(cpp|hpp|in)$/.test(entry)) yield path;
  }
}

for (const layer of layers) {
  for (const file of files(join(src, layer))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const m = line.match(/^#include "([a-z_]+)\//);
      if (!m) return;
      const used = m[1];
      if (!rank.has(used)) problems.push(`${relative(src, file)}:${i + 1} includes unknown layer ${used}/`);
      else if (rank.get(used) > rank.get(layer))
        problems.push(`${relative(src, file)}:${i + 1}: ${layer}/ may not use ${used}/ (listed below it)`);
    });
  }
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`lagen in orde: ${layers.join(' → ')}`);
