// The package's browser entry in headless Chromium (Debian's, driven by playwright-core): the
// glue fetches the .wasm next to itself, and every vector case gives the same output as in Node.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import createPayref from 'payref';
import { startStaticServer } from '../support/static_server.mjs';
import { runCase, toPlain, vectorFiles } from '../support/vectors.mjs';

let server;
let browser;
let page;

before(async () => {
  server = await startStaticServer();
  browser = await chromium.launch({
    executablePath: process.env.PAYREF_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/page.html`);
  await page.waitForFunction(() => window.__ready || window.__error, null, { timeout: 20_000 });
  assert.equal(await page.evaluate(() => window.__error ?? null), null);
  assert.deepEqual(errors, []);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the package runs under a strict CSP without unsafe-eval', async () => {
  const strict = await browser.newPage();
  try {
    const response = await strict.goto(`${server.url}/strict-csp.html`);
    assert.match(response.headers()['content-security-policy'], /'wasm-unsafe-eval'/);
    await strict.waitForFunction(() => window.__ready || window.__error, null, { timeout: 20_000 });
    assert.equal(await strict.evaluate(() => window.__error ?? null), null);
    assert.deepEqual(await strict.evaluate(() => window.__cspViolations), []);
    // Embind-bound (cvv, detect) and direct-export (number, expiry) paths both work.
    const r = await strict.evaluate(() => [
      window.payref.card.validateNumber('378282246310005').brand,
      window.payref.card.validateCvv('12', 'american-express').reason,
      window.payref.card.detect('4111').join(),
      window.payref.card.validateExpiry('12/30', '2026-01-01').isValid,
    ]);
    assert.deepEqual(r, ['american-express', 'cvv.too_short', 'visa', true]);
  } finally {
    await strict.close();
  }
});

test('the browser entry loads the wasm over HTTP and validates', async () => {
  const r = await page.evaluate(() => window.payref.card.validateNumber('4111 1111 1111 1111'));
  assert.equal(r.isValid, true);
  assert.equal(r.brand, 'visa');
});

test('every vector case gives the same output in Chromium as in Node', async () => {
  const node = await createPayref({ financing: true });
  const cases = vectorFiles().flatMap(({ name, doc }) => doc.cases.map((c) => ({ file: name, ...c })));
  const inBrowser = await page.evaluate((all) => {
    const call = (payref, name, args) => { const [g, f] = name.split('.'); return payref[g][f](...args); };
    return all.map((c) => JSON.parse(JSON.stringify(call(window.payref, c.call, c.args) ?? null)));
  }, cases);
  const differences = [];
  cases.forEach((c, i) => {
    const expected = toPlain(runCase(node, c.call, c.args)) ?? null;
    if (JSON.stringify(expected) !== JSON.stringify(inBrowser[i])) {
      differences.push(`${c.file} / ${c.name}: browser ${JSON.stringify(inBrowser[i])} node ${JSON.stringify(expected)}`);
    }
  });
  assert.deepEqual(differences, []);
  assert.ok(cases.length > 100, `only ${cases.length} cases`);
});
