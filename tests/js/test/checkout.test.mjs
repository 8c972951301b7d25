// The web-demo checkout in headless Chromium, served by a live payref-server (--demo): as-you-type
// validation, a discount code, an approved and a declined payment. Saves a screenshot of the
// finished checkout to tests/artifacts/checkout.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from '../support/paths.mjs';
import { startServer } from '../support/server.mjs';

let server;
let browser;
let page;
const pageErrors = [];
const expiry = `12/${String((new Date().getUTCFullYear() + 3) % 100).padStart(2, '0')}`;

const chargeRequests = async () => {
  const res = await fetch(`${server.baseUrl}/_sandbox/requests?limit=9999`, { headers: { authorization: `Bearer ${server.adminToken}` } });
  const list = await res.json();
  assert.ok(Array.isArray(list), JSON.stringify(list).slice(0, 300));
  return list.filter((r) => r.path === "/api/v1/payments/creditcard/charge").length;
};

async function fillCard(number, cvv = '123') {
  await page.fill('#card-number', number);
  await page.fill('#expiry', expiry);
  await page.fill('#cvv', cvv);
  await page.locator('#cvv').blur();
}

before(async () => {
  server = await startServer(['--demo', path.join(repoRoot, 'web-demo'), '--package', path.join(repoRoot, 'npm/dist')]);
  browser = await chromium.launch({
    executablePath: process.env.PAYREF_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${server.baseUrl}/demo/`);
  await page.waitForFunction(() => window.__checkoutReady === true, null, { timeout: 30_000 });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the page loads the catalogue price through the client', async () => {
  assert.match(await page.textContent('#item-name'), /RenderRocket Standard/);
  assert.equal(await page.textContent('#total'), '499.00 USD');
  assert.deepEqual(pageErrors, []);
});

test('an invalid card is shown before any request, and Pay stays off', async () => {
  const before = await chargeRequests();
  await fillCard('4242 4242 4242 4241');
  assert.equal(await page.getAttribute('#card-number', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#card-number-message'), /not valid/);
  assert.equal(await page.isDisabled('#pay'), true);
  await page.evaluate(() => document.getElementById('pay-form').requestSubmit());
  assert.equal(await chargeRequests(), before);
});

test('fr-CA messages', async () => {
  // The language switch loads the package's French sentences (payref/messages) and relabels the page.
  await page.selectOption('#language', 'fr-CA');
  await page.waitForFunction(() => document.documentElement.lang === 'fr-CA');
  try {
    assert.equal(await page.textContent('label[for="card-number"]'), 'Numéro de carte');
    await fillCard('4242 4242 4242 4241');
    assert.equal(await page.textContent('#card-number-message'), 'Ce numéro de carte n’est pas valide\u00a0: vérifiez les chiffres.');
    assert.equal(await page.getAttribute('#card-number', 'aria-invalid'), 'true');
    assert.match(await page.textContent('#pay'), /^Payer 4/);
  } finally {
    await page.selectOption('#language', 'en-CA');
    await page.waitForFunction(() => document.documentElement.lang === 'en-CA');
  }
  // A message already on screen follows the switch back.
  assert.match(await page.textContent('#card-number-message'), /This card number is not valid/);
  assert.deepEqual(pageErrors, []);
});

test('typing formats the number and names the brand', async () => {
  await page.fill('#card-number', '378282246310005');
  assert.equal(await page.inputValue('#card-number'), '3782 822463 10005');
  assert.equal(await page.textContent('#card-brand'), 'American Express');
  assert.equal(await page.textContent('#cvv-label'), 'CID');
});

test('a discount code lowers the total', async () => {
  await page.fill('#discount', 'welcome10');
  await page.click('#apply');
  await page.waitForSelector('#discount-line:not([hidden])');
  assert.equal(await page.textContent('#discount-amount'), '−49.90 USD');
  assert.equal(await page.textContent('#total'), '449.10 USD');
  await page.fill('#discount', 'NOSUCHCODE');
  await page.click('#apply');
  await page.waitForFunction(() => document.getElementById('discount-message').textContent.length > 0);
  assert.match(await page.textContent('#discount-message'), /no discount code/);
  assert.equal(await page.textContent('#total'), '499.00 USD');
  await page.fill('#discount', 'WELCOME10');
  await page.click('#apply');
  await page.waitForFunction(() => document.getElementById('total').textContent === '449.10 USD');
});

test('a declining test card shows the decline', async () => {
  await fillCard('4000 0000 0000 0002');
  await page.click('#pay');
  await page.waitForSelector('#result.declined');
  assert.match(await page.textContent('#result'), /Declined: .*\(code 51\)/);
});

test('an approved payment shows the transaction, and the screenshot is kept', async () => {
  await fillCard('4242 4242 4242 4242');
  await page.click('#pay');
  await page.waitForSelector('#result.approved');
  const text = await page.textContent('#result');
  assert.match(text, /Payment approved: 449\.10 USD on Visa 424242\*+4242, transaction 3[0-9]{8}/);
  const dir = path.join(repoRoot, 'tests/artifacts');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, 'checkout.png'), fullPage: true });
  assert.deepEqual(pageErrors, []);
});

test('financing offer chosen and authorized', async () => {
  await page.getByLabel('Monthly payments (Flexiti financing)').check();
  assert.equal(await page.isHidden('#pay-form'), true);
  // Offers for the total (449.10 after the discount), quoted by the core and equal to the server's.
  await page.waitForSelector('#financing-form:not([hidden])');
  assert.equal(await page.textContent('#financing-amount'), '449.10 USD');
  assert.equal(await page.textContent('#financing-account-message'), '');
  assert.equal(await page.locator('input[name="financing-offer"]').count(), 8);
  const offer = page.getByLabel(/^ ?6 monthly payments of 77\.85 USD: 0% equal payments/);
  assert.match(await offer.evaluate((i) => i.parentElement.textContent), /cost of borrowing 18\.00 USD \(APR [0-9.]+\s%\), total 467\.10 USD/);
  assert.match(await page.textContent('#financing-offers'), /Nothing to pay for 12 months, then 449\.10 USD: No interest, no payments \(deferred\).*annual fee of 25\.00 USD/);
  await offer.focus();
  await page.keyboard.press('Space');  // keyboard-usable
  assert.equal(await page.isDisabled('#financing-pay'), true);  // not before the security answer
  assert.equal(await page.textContent('#financing-question'), 'What was the name of your first pet?');
  await page.fill('#financing-answer', 'rex');
  await page.click('#financing-pay');
  await page.waitForSelector('#financing-result.approved');
  const text = await page.textContent('#financing-result');
  assert.match(text, /Financing approved: 449\.10 USD on "0% equal payments, \$3\.00\/month admin fee", 6 × 77\.85 USD; authorization (8[0-9]{8}), capture 81[0-9]{7}\./);
  // The server holds the same authorization: captured at once, on the plan and term chosen, at the quoted payment.
  const { financing } = await (await fetch(`${server.baseUrl}/_sandbox/credentials`, { headers: { authorization: `Bearer ${server.adminToken}` } })).json();
  const tokenRes = await fetch(`${server.baseUrl}/flexiti/pos-api/v2.5/oauth/token`, { method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: financing.client_id, client_secret: financing.client_secret }) });
  const { access_token } = await tokenRes.json();
  const id = text.match(/authorization (8[0-9]{8})/)[1];
  const auth = await (await fetch(`${server.baseUrl}/flexiti/pos-api/v2.5/client-id/${financing.client_id}/authorization/${id}`,
    { headers: { authorization: `Bearer ${access_token}` } })).json();
  assert.equal(auth.amount, 449.1);
  assert.equal(auth.term_amount, 77.85);
  assert.deepEqual(auth.financing_option, { transaction_type: 'promotional_purchase', plan_id: 5, term: 6 });
  assert.equal(auth.authorization_status, 'closed');
  assert.deepEqual(pageErrors, []);
});
