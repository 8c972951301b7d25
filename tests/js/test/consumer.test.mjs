// The package as a consumer installs it: `npm pack` of npm/, `npm install --offline <tarball>` in a
// fresh project, then Node ESM, CommonJS, an esbuild bundle in headless Chromium, and TypeScript
// (node16 and bundler resolution) against what was installed — never against the repository's npm/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import {
  bundleForBrowser, installPackedPackage, launchChromium, npmDir, run, runNode, tscPath, writeFiles,
} from '../support/consumer.mjs';
import { startStaticServer } from '../support/static_server.mjs';

let app;

before(() => {
  app = installPackedPackage();
});

after(() => app?.cleanup());

const installedDist = () => path.join(app.dir, 'node_modules/payref/dist');

test('the tarball holds dist/ with all three wasm modules and both entries, and nothing else', () => {
  const files = new Set(app.files);
  for (const f of ['package.json', 'dist/index.node.mjs', 'dist/index.node.cjs', 'dist/index.browser.mjs',
    'dist/index.d.ts', 'dist/index.d.cts', 'dist/payref-validation.wasm', 'dist/payref-financing.wasm',
    'dist/payref-client.wasm', 'dist/payref-validation.mjs', 'dist/payref-financing.mjs', 'dist/payref-client.mjs']) {
    assert.ok(files.has(f), `${f} is not in the tarball`);
  }
  const strays = app.files.filter((f) => f !== 'package.json' && !f.startsWith('dist/') && !/^(README|LICENSE)/i.test(f));
  assert.deepEqual(strays, []);
  // Every target of every condition in "exports" (and main/types) is in the tarball.
  const manifest = JSON.parse(readFileSync(path.join(app.dir, 'node_modules/payref/package.json'), 'utf8'));
  const targets = (v) => (typeof v === 'string' ? [v] : Object.values(v).flatMap(targets));
  for (const t of [...targets(manifest.exports), manifest.main, manifest.types]) {
    assert.ok(files.has(t.replace(/^\.\//, '')), `${t} (named in package.json) is not in the tarball`);
  }
  // An installed copy, not a link to the repository's npm/.
  const installed = path.join(app.dir, 'node_modules/payref');
  assert.equal(realpathSync(installed), installed);
  assert.notEqual(realpathSync(installed), npmDir);
});

test('Node ESM: import createPayref, { createClient } from "payref" validates, quotes and builds a client', () => {
  writeFiles(app.dir, {
    'esm.mjs': `
      import createPayref, { createClient, createPayref as named, DeclinedError, PayrefError } from 'payref';
      import createValidation from 'payref/validation';
      const payref = await createPayref({ financing: true });
      const slim = await createValidation();
      const client = await createClient({ baseUrl: 'http://127.0.0.1:9', gateway: { id: '1', key: 'k' } });
      console.log(JSON.stringify({
        resolved: import.meta.resolve('payref'),
        same: named === createPayref,
        card: payref.card.validateNumber('4111 1111 1111 1111'),
        bad: slim.card.validateNumber('4111 1111 1111 1112').reason,
        quote: payref.financing.quote('250.00', 'CAD', { monthlyAdminFee: '3.00' }, 6).termAmount,
        charge: typeof client.gateway.payments.charge,
        errors: new DeclinedError({ kind: 'declined' }) instanceof PayrefError,
      }));`,
  });
  const r = runNode(app.dir, 'esm.mjs');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.resolved, `file://${installedDist()}/index.node.mjs`);
  assert.equal(out.same, true);
  assert.equal(out.card.isValid, true);
  assert.equal(out.card.brand, 'visa');
  assert.equal(out.bad, 'card.luhn_failed');
  assert.equal(out.quote, '44.67');
  assert.equal(out.charge, 'function');
  assert.equal(out.errors, true);
});

// The CommonJS entry, run twice: as Node 20.20 runs it, and with require(esm) switched off, as in
// Node 18, 20.0–20.18 and 22.0–22.11 (there `require` of an ES-only package throws ERR_REQUIRE_ESM).
for (const nodeArgs of [[], ['--no-experimental-require-module']]) {
  test(`CommonJS: require('payref')${nodeArgs.length ? ' without require(esm)' : ''} validates and shares the error classes`,
    { skip: nodeArgs.some((a) => !process.allowedNodeEnvironmentFlags.has(a)) && `this Node has no ${nodeArgs}` }, () => {
    writeFiles(app.dir, {
      'cjs.cjs': `
        const createPayref = require('payref');
        const { createClient, DeclinedError, PayrefError } = require('payref');
        const validation = require('payref/validation');
        (async () => {
          const before = typeof require('payref').DeclinedError;
          const payref = await createPayref();
          const named = await createPayref.createPayref({ financing: true });
          const slim = await validation.createPayref();
          const client = await createClient({ baseUrl: 'http://127.0.0.1:9', gateway: { id: '1', key: 'k' } });
          const esm = await import('payref');
          console.log(JSON.stringify({
            resolved: require.resolve('payref'),
            isDefault: createPayref.default === createPayref,
            card: payref.card.validateNumber('5555 5555 5555 4444'),
            slim: slim.card.validateNumber('4111').isPotentiallyValid,
            quote: named.financing.quote('250.00', 'CAD', { monthlyAdminFee: '3.00' }, 6).termAmount,
            charge: typeof client.gateway.payments.charge,
            before,
            sameClasses: require('payref').DeclinedError === esm.DeclinedError && require('payref').PayrefError === esm.PayrefError,
            destructuredEarly: DeclinedError === esm.DeclinedError,
            instance: new esm.DeclinedError({ kind: 'declined' }) instanceof require('payref').PayrefError,
          }));
        })().catch((e) => { console.error(e); process.exit(1); });`,
    });
    const r = runNode(app.dir, 'cjs.cjs', nodeArgs);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /Warning/);
    const out = JSON.parse(r.stdout);
    assert.equal(out.resolved, path.join(installedDist(), 'index.node.cjs'));
    assert.equal(out.isDefault, true);
    assert.equal(out.card.isValid, true);
    assert.equal(out.card.brand, 'mastercard');
    assert.equal(out.slim, true);
    assert.equal(out.quote, '44.67');
    assert.equal(out.charge, 'function');
    assert.equal(out.sameClasses, true);
    assert.equal(out.instance, true);
    // With require(esm) the classes are there at require() time; without it, once a module loaded.
    assert.equal(out.before, nodeArgs.length ? 'undefined' : 'function');
    assert.equal(out.destructuredEarly, !nodeArgs.length);
  });
}

test('TypeScript resolves the installed types: node16 (ESM and CommonJS files) and bundler', () => {
  writeFiles(app.dir, {
    'types/esm.mts': `
      import createPayref, { createClient, DeclinedError, type Payref, type FinancingQuote } from 'payref';
      import createValidation from 'payref/validation';
      const payref: Payref = await createPayref();
      const valid: boolean = payref.card.validateNumber('4111').isValid;
      const fin = await createPayref({ financing: true });
      const q = fin.financing.quote('250.00', 'CAD', {}, 6);
      if (q.ok) { const t: FinancingQuote['termAmount'] = q.termAmount; void t; }
      // @ts-expect-error the financing group needs { financing: true }
      payref.financing;
      const slim = await createValidation();
      void slim.card.brands();
      const client = await createClient({ baseUrl: 'http://127.0.0.1:8080' });
      try { await client.gateway.transactions.list({ Email: "a@example.com" }); } catch (e) { if (e instanceof DeclinedError) { const k: string = e.kind; void k; } }
      void valid;`,
    'types/cjs.cts': `
      import payref = require('payref');
      import type { Payref } from 'payref';
      async function main(): Promise<void> {
        const p: Payref = await payref.createPayref();
        const viaDefault: Payref = await payref.default();
        const valid: boolean = p.card.validateNumber('4111').isValid && viaDefault.card.validateNumber('4111').isValid;
        // @ts-expect-error the financing group needs { financing: true }
        p.financing;
        const client = await payref.createClient({ baseUrl: 'http://127.0.0.1:8080' });
        try { await client.gateway.transactions.list({ Email: "a@example.com" }); } catch (e) { if (e instanceof payref.DeclinedError) { const k: string = e.kind; void k; } }
        // @ts-expect-error options are an object
        await payref.createPayref(42);
        void valid;
      }
      void main();`,
    'types/bundler.ts': `
      import createPayref, { createClient, type Payref } from 'payref';
      import createValidation from 'payref/validation';
      const payref: Payref = await createPayref();
      // @ts-expect-error the financing group needs { financing: true }
      payref.financing;
      void createValidation; void createClient;`,
    'tsconfig.node16.json': JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'node16', moduleResolution: 'node16', target: 'es2022', lib: ['es2022', 'dom'], types: [] },
      files: ['types/esm.mts', 'types/cjs.cts'],
    }),
    'tsconfig.bundler.json': JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom'], types: [] },
      files: ['types/bundler.ts'],
    }),
  });
  const listed = (project) => {
    const out = run(process.execPath, [tscPath, '-p', project, '--listFiles'], { cwd: app.dir });
    return out.split('\n').filter((l) => l.includes('node_modules/payref/')).map((l) => path.basename(l.trim()));
  };
  const node16 = listed('tsconfig.node16.json');
  assert.ok(node16.includes('index.d.ts') && node16.includes('index.d.cts'), `node16 read ${node16.join(', ')}`);
  const bundler = listed('tsconfig.bundler.json');
  assert.ok(bundler.includes('index.d.ts') && !bundler.includes('index.d.cts'), `bundler read ${bundler.join(', ')}`);
});

test('esbuild bundle in Chromium: fails without the .wasm files, works with them next to the bundle or via locateFile', async (t) => {
  const page = `
    import createPayref, { createClient } from 'payref';
    const options = globalThis.PAYREF_ASSETS ? { locateFile: (file) => globalThis.PAYREF_ASSETS + file } : {};
    try {
      const payref = await createPayref({ ...options, financing: true });
      const client = await createClient({ ...options, baseUrl: location.origin, gateway: { id: '1', key: 'k' } });
      window.__result = {
        card: payref.card.validateNumber('4111 1111 1111 1111'),
        quote: payref.financing.quote('250.00', 'CAD', { monthlyAdminFee: '3.00' }, 6).termAmount,
        charge: typeof client.gateway.payments.charge,
      };
    } catch (e) {
      window.__error = String((e && e.message) || e);
    }`;
  writeFiles(app.dir, {
    'web/app.mjs': page,
    'www/index.html': '<!doctype html><script type="module" src="./app.js"></script>',
    'www/locate.html': '<!doctype html><script>globalThis.PAYREF_ASSETS = "/assets/";</script><script type="module" src="./app.js"></script>',
  });
  const www = path.join(app.dir, 'www');
  const assets = path.join(app.dir, 'assets');
  const built = await bundleForBrowser(app.dir, 'web/app.mjs', www);
  assert.deepEqual(built.errors, []);
  const inputs = Object.keys(built.metafile.inputs);
  assert.ok(inputs.includes('node_modules/payref/dist/index.browser.mjs'), inputs.join(', '));
  assert.ok(!inputs.some((f) => f.endsWith('index.node.mjs')));
  const bundle = readFileSync(path.join(www, 'app.js'), 'utf8');
  // esbuild keeps the glue's `new URL("payref-*.wasm", import.meta.url)` and copies nothing.
  for (const wasm of ['payref-validation.wasm', 'payref-financing.wasm', 'payref-client.wasm']) {
    assert.match(bundle, new RegExp(`new URL\\("${wasm.replace('.', '\\.')}", import\\.meta\\.url\\)`));
  }

  const server = await startStaticServer({ '/assets/': assets, '/': www });
  const browser = await launchChromium();
  try {
    const load = async (file) => {
      const tab = await browser.newPage();
      try {
        await tab.goto(`${server.url}/${file}`);
        await tab.waitForFunction(() => window.__result || window.__error, null, { timeout: 20_000 });
        return await tab.evaluate(() => ({ result: window.__result ?? null, error: window.__error ?? null }));
      } finally {
        await tab.close();
      }
    };
    const missing = await load('index.html');
    assert.equal(missing.result, null);
    assert.match(missing.error, /wasm|abort/i);
    t.diagnostic(`without the .wasm files: ${missing.error}`);

    const wasmFiles = ['payref-validation.wasm', 'payref-financing.wasm', 'payref-client.wasm'];
    writeFiles(app.dir, { 'assets/.keep': '' });
    for (const f of wasmFiles) copyFileSync(path.join(installedDist(), f), path.join(assets, f));
    const located = await load('locate.html');
    assert.equal(located.error, null);
    assert.equal(located.result.card.isValid, true);
    assert.equal(located.result.quote, '44.67');
    assert.equal(located.result.charge, 'function');

    for (const f of wasmFiles) copyFileSync(path.join(installedDist(), f), path.join(www, f));
    const beside = await load('index.html');
    assert.equal(beside.error, null);
    assert.equal(beside.result.card.brand, 'visa');
    assert.equal(beside.result.quote, '44.67');
    assert.equal(beside.result.charge, 'function');
  } finally {
    await browser.close();
    await server.close();
  }
});
