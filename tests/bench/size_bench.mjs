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
// Everything the browser entry imports statically (followed through the files themselves, so a
// new static import is counted), plus the wasm it fetches.
const importsOf = (file) => {
  const text = readFileSync(path.join(dist, file), 'utf8');
  const find = (re) => [...text.matchAll(re)].map((m) => m[1]).filter((s) => s.startsWith('./')).map((s) => s.slice(2));
  return { static: find(/(?:\bfrom\s*|\bimport\s*)["']([^"']+)["']/g), dynamic: find(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g) };
};
const closure = (roots) => {
  const seen = new Set();
  const visit = (f) => { if (seen.has(f)) return; seen.add(f); importsOf(f).static.forEach(visit); };
  roots.forEach(visit);
  return seen;
};
const entryFiles = closure(['index.browser.mjs']);
const ours = ['payref-validation.wasm', ...entryFiles];

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

// ---- Package size by use (docs/performance.md "Package size by use") ----------------------
// What each way of using the package downloads in a browser: the files reachable from the
// browser entry by static imports (fetched as the page loads), plus what each call loads on
// request (dynamic import() and the module's .wasm). Each file gzip -9n on its own, as a server
// sends it. Then the same pages bundled by esbuild, and the npm tarball.
const financingLoad = [...closure(['payref-financing.mjs', 'financing-core.mjs']), 'payref-financing.wasm'];
const clientLoad = [...closure(['payref-client.mjs', 'client-core.mjs']), 'payref-client.wasm'];
const uses = {
  'validation only: createPayref()': [...entryFiles, 'payref-validation.wasm'],
  'validation + financing: createPayref({ financing: true })': [...entryFiles, 'payref-validation.wasm', ...financingLoad],
  'client only: createClient()': [...entryFiles, ...clientLoad],
  'checkout: createPayref() + createClient()': [...entryFiles, 'payref-validation.wasm', ...clientLoad],
  'all three modules': [...entryFiles, 'payref-validation.wasm', ...financingLoad, ...clientLoad],
};
const sizeOf = (files) => {
  const s = { wasmRaw: 0, wasmGz: 0, jsRaw: 0, jsGz: 0 };
  for (const f of new Set(files)) {
    const buf = readFileSync(path.join(dist, f));
    if (f.endsWith('.wasm')) { s.wasmRaw += buf.length; s.wasmGz += gz(buf); } else { s.jsRaw += buf.length; s.jsGz += gz(buf); }
  }
  return s;
};
const n = (x) => x.toLocaleString('en-US').padStart(7);
console.log('\npackage size by use (browser entry; wasm | glue + JS | total; raw / gzip -9 bytes):');
for (const [use, files] of Object.entries(uses)) {
  const s = sizeOf(files);
  console.log(`  ${use.padEnd(58)} wasm ${n(s.wasmRaw)} / ${n(s.wasmGz)} | JS ${n(s.jsRaw)} / ${n(s.jsGz)} | total ${n(s.wasmRaw + s.jsRaw)} / ${n(s.wasmGz + s.jsGz)}`);
}
const optional = readdirSync(dist).filter((f) => f.endsWith('.mjs') && !Object.values(uses).flat().includes(f) && !f.startsWith('index.'));
if (optional.length) {
  const s = sizeOf(optional);
  console.log(`  (not counted above, loaded only on request: ${optional.join(', ')}: ${s.jsRaw} B raw, ${s.jsGz} B gzip -9)`);
}

// The same uses bundled by esbuild (--bundle --minify --splitting --format=esm), as an app would
// ship them: the entry chunk and the chunks it imports statically are what the page fetches first;
// lazily imported chunks and the .wasm follow when the call is made.
const { build } = await import('esbuild');
const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const work = mkdtempSync(path.join(tmpdir(), 'payref-size-'));
// `lazy`: package files whose chunks the use loads on request.
const pagesToBundle = {
  'validation only': { code: "import createPayref from 'payref'; createPayref().then((p) => p.card.validateNumber('4111'));",
    lazy: [], wasm: ['payref-validation.wasm'] },
  'validation + financing': { code: "import createPayref from 'payref'; createPayref({ financing: true }).then((p) => p.financing.quote('250.00', 'CAD', {}, 6));",
    lazy: ['payref-financing.mjs', 'financing-core.mjs'], wasm: ['payref-validation.wasm', 'payref-financing.wasm'] },
  'checkout (validation + client)': { code: "import createPayref, { createClient } from 'payref'; createPayref(); createClient({ baseUrl: '/' });",
    lazy: ['payref-client.mjs', 'client-core.mjs'], wasm: ['payref-validation.wasm', 'payref-client.wasm'] },
};
try {
  console.log('esbuild 0.28 bundles (--bundle --minify --splitting --format=esm --platform=browser; raw / gzip -9 bytes):');
  for (const [name, { code, lazy, wasm }] of Object.entries(pagesToBundle)) {
    const entry = path.join(work, `${name.replace(/\W+/g, '-')}.mjs`);
    writeFileSync(entry, code);
    const result = await build({ entryPoints: [entry], bundle: true, minify: true, splitting: true, format: 'esm',
      platform: 'browser', target: 'es2022', outdir: path.join(work, `out-${path.basename(entry, '.mjs')}`), metafile: true,
      logLevel: 'silent', absWorkingDir: work, nodePaths: [path.join(repoRoot, 'tests/node_modules')] });
    const outputs = result.metafile.outputs;
    const chunkClosure = (roots) => {
      const seen = new Set();
      const walk = (o) => { if (seen.has(o)) return; seen.add(o); outputs[o].imports.filter((i) => i.kind === 'import-statement').forEach((i) => walk(i.path)); };
      roots.forEach(walk);
      return seen;
    };
    const js = Object.keys(outputs).filter((o) => o.endsWith('.js'));
    // (esbuild marks dynamically imported files as entry points too: pick the page's own.)
    const first = chunkClosure(js.filter((o) => outputs[o].entryPoint === path.basename(entry)));
    const used = chunkClosure([...first, ...js.filter((o) => Object.keys(outputs[o].inputs).some((i) => lazy.some((f) => i.endsWith(`/dist/${f}`))))]);
    const tot = (list) => [...list].reduce((a, o) => { const b = readFileSync(path.join(work, o)); return [a[0] + b.length, a[1] + gz(b)]; }, [0, 0]);
    const [fRaw, fGz] = tot(first);
    const [uRaw, uGz] = tot(used);
    const w = sizeOf(wasm);
    console.log(`  ${name.padEnd(32)} at load JS ${n(fRaw)} / ${n(fGz)} | JS incl. lazy chunks it uses ${n(uRaw)} / ${n(uGz)} | + wasm ${n(w.wasmRaw)} / ${n(w.wasmGz)} | total ${n(uRaw + w.wasmRaw)} / ${n(uGz + w.wasmGz)} (${js.length} chunks emitted)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

// The npm tarball (npm pack --dry-run): what `npm install payref` downloads and unpacks.
const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: path.join(repoRoot, 'npm'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
console.log(`npm tarball: ${packed.size.toLocaleString('en-US')} B packed, ${packed.unpackedSize.toLocaleString('en-US')} B unpacked, ${packed.entryCount} files`);
