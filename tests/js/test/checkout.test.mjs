// The web-demo checkout in headless Chromium, served by a live payref-server (--demo): as-you-type
// validation, a discount code, an approved and a declined payment. Saves a screenshot of the
// finished checkout to tests/artifacts/checkout.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { loadMessages } from 'payref/messages';
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
  assert.equal(await page.textContent('#financing-amount'), 'US$449.10');  // Intl, en-CA
  assert.equal(await page.textContent('#financing-account-message'), '');
  assert.equal(await page.locator('input[name="financing-offer"]').count(), 8);
  const offer = page.getByLabel(/^ ?6 monthly payments of US\$77\.85: 0% equal payments/);
  assert.match(await offer.evaluate((i) => i.parentElement.textContent), /cost of borrowing US\$18\.00 \(APR [0-9.]+%\), total US\$467\.10/);
  assert.match(await page.textContent('#financing-offers'), /Nothing to pay for 12 months, then US\$449\.10: No interest, no payments \(deferred\).*annual fee of US\$25\.00/);
  await offer.focus();
  await page.keyboard.press('Space');  // keyboard-usable
  assert.equal(await page.isDisabled('#financing-pay'), true);  // not before the security answer
  assert.equal(await page.textContent('#financing-question'), 'What was the name of your first pet?');
  await page.fill('#financing-answer', 'rex');
  await page.click('#financing-pay');
  await page.waitForSelector('#financing-result.approved');
  const text = await page.textContent('#financing-result');
  assert.match(text, /Financing approved: US\$449\.10 on "0% equal payments, \$3\.00\/month admin fee", 6 × US\$77\.85; authorization (8[0-9]{8}), capture 81[0-9]{7}\./);
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

test('fr-CA financing panel', async () => {
  // The offers, the cost of borrowing, the Finance button and the outcome shown follow the language
  // switch: French words, fr-CA amounts (Intl), and English again on the way back.
  const NB = '\u00a0';   // French: no-break space before ':' and inside amounts ("449,10 $ US")
  const NNB = '\u202f';  // narrow no-break space before ';' and '?'
  const approvedBefore = await page.textContent('#financing-result');
  await page.selectOption('#language', 'fr-CA');
  await page.waitForFunction(() => document.documentElement.lang === 'fr-CA');
  try {
    assert.equal(await page.textContent('#payment-method legend'), `Comment souhaitez-vous payer${NNB}?`);
    assert.equal(await page.getByLabel('Versements mensuels (financement Flexiti)').isChecked(), true);
    assert.equal(await page.textContent('label[for="financing-account"]'), 'Numéro de compte FlexitiCard');
    assert.equal(await page.textContent('#financing-offers-button'), 'Voir les offres');
    assert.equal(await page.textContent('#financing-form legend'), `Choisissez un plan de financement pour 449,10${NB}$${NB}US`);
    assert.equal(await page.textContent('#financing-amount'), `449,10${NB}$${NB}US`);
    const offer = page.getByLabel(new RegExp(`^ ?6 versements mensuels de 77,85${NB}\\$${NB}US${NB}: 0% equal payments`));
    assert.equal(await offer.isChecked(), true);  // the choice survives the switch
    assert.match(await offer.evaluate((i) => i.parentElement.textContent),
      new RegExp(`${NNB}; coût d’emprunt 18,00${NB}\\$${NB}US \\(TAC [0-9]+,[0-9]{2}${NB}%\\), total à rembourser 467,10${NB}\\$${NB}US$`));
    assert.match(await page.textContent('#financing-offers'),
      new RegExp(`Rien à payer pendant 12${NB}mois, puis 449,10${NB}\\$${NB}US${NB}: No interest, no payments \\(deferred\\).*plus des frais annuels de 25,00${NB}\\$${NB}US`));
    assert.doesNotMatch(await page.textContent('#financing'), /USD|monthly|cost of borrowing|Finance /);
    assert.equal(await page.textContent('label[for="financing-answer"]'), `Question de sécurité${NB}: What was the name of your first pet?`);
    assert.equal(await page.textContent('#financing-pay'), `Financer 449,10${NB}$${NB}US${NB}: 6 × 77,85${NB}$${NB}US`);
    // The outcome already on screen is re-worded.
    assert.match(await page.textContent('#financing-result'), new RegExp(`^Financement approuvé${NB}: 449,10${NB}\\$${NB}US sur «${NB}0% ` +
      `equal payments, \\$3\\.00/month admin fee${NB}», 6 × 77,85${NB}\\$${NB}US${NNB}; autorisation 8[0-9]{8}, encaissement 81[0-9]{7}\\.$`));
    // A refusal in French: a wrong security answer.
    await page.fill('#financing-answer', 'fido');
    await page.click('#financing-pay');
    await page.waitForSelector('#financing-result.declined');
    assert.equal(await page.textContent('#financing-result'),
      `Financement refusé (secret_answer_mismatch)${NB}: La réponse à la question de sécurité est incorrecte.`);
    // The page's own check, before any request.
    await page.fill('#financing-account', '');
    await page.click('#financing-offers-button');
    assert.equal(await page.textContent('#financing-account-message'), 'Entrez votre numéro de compte FlexitiCard.');
    assert.equal(await page.isHidden('#financing-form'), true);
    // A term the core refuses to quote (the lender's answer altered to a 121-month term) is left
    // out with the core's reason, in the package's French sentence (payref/messages).
    await page.route('**/calculate-interest', async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      body.promotional_purchase.at(-1).terms.at(-1).term = 121;
      await route.fulfill({ response: res, json: body });
    });
    await page.fill('#financing-account', '30000000000001');
    await page.click('#financing-offers-button');
    await page.waitForSelector('#financing-form:not([hidden])');
    const termInvalid = (await loadMessages('fr-CA')).message('financing.term_invalid');
    assert.equal(termInvalid, `Choisissez une durée de 1 à 120${NB}mois.`);
    assert.equal(await page.textContent('#financing-account-message'), `1 offre écartée${NB}: ${termInvalid}`);
    assert.equal(await page.locator('input[name="financing-offer"]').count(), 7);
  } finally {
    await page.unroute('**/calculate-interest');
    await page.selectOption('#language', 'en-CA');
    await page.waitForFunction(() => document.documentElement.lang === 'en-CA');
  }
  // Back in English: the message and the offers on screen, the labels; then fresh offers.
  assert.equal(await page.textContent('#financing-account-message'), '1 offer left out: Choose a term from 1 to 120 months.');
  assert.equal(await page.textContent('#payment-method legend'), 'How would you like to pay?');
  assert.equal(await page.textContent('#financing-offers-button'), 'Show offers');
  assert.equal(await page.textContent('#financing-form legend'), 'Choose a plan for US$449.10');
  assert.match(await page.textContent('#financing-offers'), /6 monthly payments of US\$77\.85: 0% equal payments.*cost of borrowing US\$18\.00/);
  assert.equal(await page.textContent('#financing-pay'), 'Finance US$449.10');
  await page.click('#financing-offers-button');
  await page.waitForFunction(() => document.querySelectorAll('input[name="financing-offer"]').length === 8);
  assert.equal(await page.textContent('#financing-account-message'), '');
  assert.match(approvedBefore, /^Financing approved: /);
  assert.deepEqual(pageErrors, []);
});
