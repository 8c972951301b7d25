// Time to first validation in headless Chromium: from navigation start (performance.timeOrigin)
// to the first card.validateNumber() result of a page that loads payref, median of N loads, each
// in a fresh browser context (empty HTTP cache). Two pages: the package's browser entry as
// separate ES modules (/dist/index.browser.mjs), and an esbuild bundle of the same page (one
// minified .js, the .wasm copied next to it). Served from 127.0.0.1 without compression, so this
// is the browser's work (module loading, wasm compile and instantiate, the first call), not the
// network's. Not a test: it measures and prints; see docs/performance.md ("Time to first validation").
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleForBrowser, launchChromium } from '../js/support/consumer.mjs';
import { repoRoot } from '../js/support/paths.mjs';
import { startStaticServer } from '../js/support/static_server.mjs';

const N = Number(process.env.PAYREF_BENCH_LOADS ?? 15);
const dist = path.join(repoRoot, 'npm/dist');
const www = mkdtempSync(path.join(tmpdir(), 'payref-first-validation-'));
process.on('exit', () => rmSync(www, { recursive: true, force: true }));

const measure = (importFrom) => `
  import createPayref from '${importFrom}';
  const payref = await createPayref();
  const r = payref.card.validateNumber('4111 1111 1111 1111');
  const at = performance.now();
  const res = (name) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(name));
  window.__first = { at, valid: r.isValid, wasmEnd: res('payref-validation.wasm')?.responseEnd ?? null,
    dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null };`;
writeFileSync(path.join(www, 'modules.html'),
  `<!doctype html><meta charset="utf-8"><title>payref</title><script type="module">${measure('/dist/index.browser.mjs')}</script>`);
writeFileSync(path.join(www, 'entry.mjs'), measure('payref'));
const built = await bundleForBrowser(path.join(repoRoot, 'tests'), path.join(www, 'entry.mjs'), path.join(www, 'bundle'), { minify: true, nodePaths: [path.join(repoRoot, 'tests/node_modules')] });
if (built.errors.length) throw new Error(JSON.stringify(built.errors));
copyFileSync(path.join(dist, 'payref-validation.wasm'), path.join(www, 'bundle/payref-validation.wasm'));
writeFileSync(path.join(www, 'bundle.html'),
  '<!doctype html><meta charset="utf-8"><title>payref</title><script type="module" src="/bundle/entry.js"></script>');

// Control: the same page shape without payref (a module script that answers at once), so the
// browser's own cost of a fresh context and navigation on this machine can be subtracted.
writeFileSync(path.join(www, 'control.html'), '<!doctype html><meta charset="utf-8"><title>payref</title><script type="module">' +
  "window.__first = { at: performance.now(), valid: true, wasmEnd: null, dcl: null };</script>");

const server = await startStaticServer({ '/dist/': dist, '/': www });
const browser = await launchChromium();
const pages = { 'browser entry (ES modules from dist/)': 'modules.html', 'esbuild bundle (minified, .wasm beside it)': 'bundle.html',
  'control: the page without payref': 'control.html' };
const samples = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
try {
  for (let i = 0; i < N + 1; i++) {  // load 0 of each warms the browser process and is dropped
    for (const [name, file] of Object.entries(pages)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/${file}`);
      await page.waitForFunction(() => window.__first, null, { timeout: 30_000 });
      const first = await page.evaluate(() => window.__first);
      await context.close();
      if (!first.valid) throw new Error(`${file}: the first validation did not pass`);
      if (i > 0) samples[name].push(first);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`Time to first validation in headless Chromium (navigation start → first validateNumber result), ${N} cold loads each, median (min–max):`);
for (const [name, xs] of Object.entries(samples)) {
  const at = xs.map((x) => x.at);
  console.log(`  ${name.padEnd(44)} ${ms(median(at))} (${ms(Math.min(...at))}–${ms(Math.max(...at))});` +
    (xs[0].wasmEnd === null ? '' : ` DOMContentLoaded ${ms(median(xs.map((x) => x.dcl)))}, .wasm received ${ms(median(xs.map((x) => x.wasmEnd)))}`));
}
