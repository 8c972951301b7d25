// Browser access to payref-server (docs/sandbox.md "Browser access"), tried in headless Chromium
// from pages on other origins: a checkout page elsewhere may call the API families, but no page
// but the server's own may read the demo site (whose config.json carries the demo merchant's
// keys) or the /_sandbox/ admin API; --cors-origin narrows the API families to the origins named.
//
// Every page here is a blank page on a static server of its own port: another origin than the
// payref-server's. Each call is made by the page itself (fetch), so Chromium applies CORS exactly
// as for a real checkout page; a call the policy refuses rejects with a TypeError.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import path from 'node:path';
import { startServer } from '../support/server.mjs';
import { startStaticServer } from '../support/static_server.mjs';
import { repoRoot } from '../support/paths.mjs';

const demoArgs = ['--demo', path.join(repoRoot, 'web-demo'), '--package', path.join(repoRoot, 'npm/dist')];
let browser;
let shop;   // the checkout page's origin
let other;  // an origin nobody allowed

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.PAYREF_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  shop = await startStaticServer();
  other = await startStaticServer();
});

after(async () => {
  await browser?.close();
  await shop?.close();
  await other?.close();
});

// A page of `origin` that runs `call` (an async function of `args`, serialised into the page) and
// returns { ok, status, body } or { error } when the browser refuses to hand over the answer.
async function fromPage(origin, call, args) {
  const page = await browser.newPage();
  try {
    await page.goto(`${origin.url}/blank.html`);
    return await page.evaluate(async ([source, a]) => {
      try {
        // eslint-disable-next-line no-new-func
        return await new Function(`return (${source})`)()(a);
      } catch (e) {
        return { error: `${e.name}: ${e.message}` };
      }
    }, [call.toString(), args]);
  } finally {
    await page.close();
  }
}

async function readJson(url, init) {
  const response = await fetch(url, init);
  return { ok: response.ok, status: response.status, body: await response.text() };
}

// The transactions list of the demo merchant: a real gateway read, JSON with a preflight.
function listTransactions({ base, id, key }) {
  return fetch(`${base}/api/v1/transactions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ Authentication: { Id: id, Key: key }, Request: { Email: 'nobody@example.com' } }),
  }).then(async (r) => ({ ok: r.ok, status: r.status, body: await r.text() }));
}

function gatewayArgs(server) {
  return { base: server.baseUrl, id: server.gateway.id, key: server.gateway.key };
}

describe('default policy (any origin for the API families only)', () => {
  let server;
  before(async () => { server = await startServer(demoArgs); });
  after(async () => { await server?.stop(); });

  test('a page on another origin cannot read /demo/config.json', async () => {
    const r = await fromPage(shop, readJson, `${server.baseUrl}/demo/config.json`);
    assert.match(r.error ?? '', /TypeError/, JSON.stringify(r));
    // And the server did not hand it out either: the request was refused, not just hidden.
    const direct = await fetch(`${server.baseUrl}/demo/config.json`, { headers: { Origin: shop.url } });
    assert.equal(direct.status, 403);
    assert.equal(direct.headers.get('access-control-allow-origin'), null);
    assert.doesNotMatch(await direct.text(), new RegExp(server.gateway.key));
  });

  test('a page on another origin cannot call the /_sandbox/ API, even with the admin token', async () => {
    const r = await fromPage(shop, readJson, `${server.baseUrl}/_sandbox/credentials`);
    assert.match(r.error ?? '', /TypeError/, JSON.stringify(r));
    const withToken = await fromPage(shop, ({ url, token }) => fetch(url, { headers: { Authorization: `Bearer ${token}` } })
      .then(async (x) => ({ ok: x.ok, status: x.status, body: await x.text() })),
    { url: `${server.baseUrl}/_sandbox/credentials`, token: server.adminToken });
    assert.match(withToken.error ?? '', /TypeError/, JSON.stringify(withToken));
  });

  test('the demo page itself, on the server\'s origin, still reads its config', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.baseUrl}/demo/`);
      const r = await page.evaluate(() => fetch('/demo/config.json').then(async (x) => ({ status: x.status, body: await x.text() })));
      assert.equal(r.status, 200);
      assert.ok(r.body.includes(server.gateway.key), r.body);
    } finally {
      await page.close();
    }
  });

  test('a checkout page on another origin calls the gateway and reads the answer', async () => {
    const r = await fromPage(shop, listTransactions, gatewayArgs(server));
    assert.equal(r.error, undefined, r.error);
    assert.equal(r.status, 200, r.body);
    // Authenticated and answered: the (empty) transaction list of a customer nobody created.
    assert.deepEqual(JSON.parse(r.body).Response?.Transactions, [], r.body);
  });

  test('the API answers carry no permission for credentials (cookies)', async () => {
    const r = await fromPage(shop, ({ base, id, key }) => fetch(`${base}/api/v1/transactions`, {
      method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Authentication: { Id: id, Key: key }, Request: { Email: 'nobody@example.com' } }),
    }).then((x) => ({ status: x.status })), gatewayArgs(server));
    // "*" may not be combined with credentials: the browser refuses to hand the answer over.
    assert.match(r.error ?? '', /TypeError/, JSON.stringify(r));
  });
});

describe('--cors-origin names the origins that may call the API families', () => {
  let server;
  before(async () => { server = await startServer([...demoArgs, '--cors-origin', shop.url]); });
  after(async () => { await server?.stop(); });

  test('the named origin calls the gateway', async () => {
    const r = await fromPage(shop, listTransactions, gatewayArgs(server));
    assert.equal(r.error, undefined, r.error);
    assert.equal(r.status, 200, r.body);
  });

  test('an origin not named is refused by the browser', async () => {
    const r = await fromPage(other, listTransactions, gatewayArgs(server));
    assert.match(r.error ?? '', /TypeError/, JSON.stringify(r));
    const preflight = await fetch(`${server.baseUrl}/api/v1/transactions`, {
      method: 'OPTIONS',
      headers: { Origin: other.url, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    assert.equal(preflight.headers.get('vary'), 'Origin');
  });

  test('even the named origin cannot read /demo/config.json', async () => {
    const r = await fromPage(shop, readJson, `${server.baseUrl}/demo/config.json`);
    assert.match(r.error ?? '', /TypeError/, JSON.stringify(r));
  });
});
