// What a checkout page downloads for validation: the wasm, its glue and payref's JS, raw and
// gzip -9, against card-validator + credit-card-type (issue 2 target: ≤ 30 KB gzipped).
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { repoRoot } from '../js/support/paths.mjs';

const dist = path.join(repoRoot, 'npm/dist');
// GNU gzip itself, as the target names it (`-n`: no file name or time in the header). Node's
// zlib at level 9 comes out about 2 % larger on the same wasm.
const gz = (buf) => execFileSync('gzip', ['-9n'], { input: buf, maxBuffer: 1 << 24 }).length;
const ours = ['payref-validation.wasm', 'payref-validation.mjs', 'payref-core.mjs', 'index.browser.mjs'];

let rawTotal = 0;
let gzTotal = 0;
console.log('payref (what the browser entry loads):');
for (const f of ours) {
  const buf = readFileSync(path.join(dist, f));
  rawTotal += buf.length;
  gzTotal += gz(buf);
  console.log(`  ${f.padEnd(26)} ${String(buf.length).padStart(7)} B raw ${String(gz(buf)).padStart(7)} B gzip -9`);
}
console.log(`  ${'total'.padEnd(26)} ${String(rawTotal).padStart(7)} B raw ${String(gzTotal).padStart(7)} B gzip -9` +
  ` (target ≤ 30720: ${gzTotal <= 30720 ? 'met' : 'NOT met'})`);

// The financing module (quotes, licence decoding): fetched only by createPayref({ financing: true }).
const financingFiles = ['payref-financing.wasm', 'payref-financing.mjs', 'financing-core.mjs'];
let finRaw = 0;
let finGz = 0;
console.log('payref financing module (loaded on request, on top of the above):');
for (const f of financingFiles) {
  const buf = readFileSync(path.join(dist, f));
  finRaw += buf.length;
  finGz += gz(buf);
  console.log(`  ${f.padEnd(26)} ${String(buf.length).padStart(7)} B raw ${String(gz(buf)).padStart(7)} B gzip -9`);
}
console.log(`  ${'total'.padEnd(26)} ${String(finRaw).padStart(7)} B raw ${String(finGz).padStart(7)} B gzip -9`);

// card-validator as a bundler would include it: every module of both packages, concatenated.
const require = createRequire(import.meta.url);
const jsFiles = (pkg) => {
  const root = path.dirname(require.resolve(`${pkg}/package.json`));
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.js') ? [path.join(dir, e.name)] : []);
  return walk(path.join(root, 'dist'));
};
const theirs = Buffer.concat([...jsFiles('card-validator'), ...jsFiles('credit-card-type')].map((f) => readFileSync(f)));
console.log(`card-validator 10 + credit-card-type (all modules, unminified): ${theirs.length} B raw, ${gz(theirs)} B gzip -9`);
