// The checkout page: as-you-type validation by the payref core (WebAssembly), the catalogue price,
// a discount code and the payment through the package's API client — nothing but the npm
// package's public API, as a shop's own page would use it. Served by payref-server at /demo/.
import createPayref, { createClient, DeclinedError } from './payref/index.browser.mjs';

const $ = (id) => document.getElementById(id);
const SOFTWARE_ID = '100001';  // RenderRocket Standard, from the seeded catalogue
const DEMO_CODE = 'WELCOME10';

// Shopper-facing text for the core's stable reasons (docs/validation.md lists them all).
const MESSAGES = {
  'card.empty': 'Enter the card number.',
  'card.too_short': 'The card number is too short.',
  'card.too_long': 'The card number is too long.',
  'card.luhn_failed': 'This card number is not valid: check the digits.',
  'card.unknown_brand': 'We do not recognise this card.',
  'card.non_digit': 'Use digits only.',
  'expiry.empty': 'Enter the expiry date.',
  'expiry.expired': 'This card has expired.',
  'expiry.malformed': 'Use MM/YY.',
  'expiry.month_invalid': 'The month must be 01 to 12.',
  'expiry.year_invalid': 'Check the year.',
  'expiry.incomplete': 'Enter the month and the year.',
  'expiry.too_far': 'The expiry date is too far in the future.',
  'cvv.empty': 'Enter the security code.',
  'cvv.too_short': 'The security code is too short.',
  'cvv.too_long': 'The security code is too long.',
  'cvv.non_digit': 'Use digits only.',
  'email.empty': 'Enter your e-mail address.',
  'email.malformed': 'Check the e-mail address.',
  'name.empty': 'Enter the name on the card.',
  'name.looks_like_card_number': 'That looks like a card number, not a name.',
};
const text = (reason) => MESSAGES[reason] ?? (reason ? `Not valid (${reason}).` : '');

const [config, payref] = await Promise.all([fetch('config.json').then((r) => r.json()), createPayref()]);
const client = await createClient({ baseUrl: config.baseUrl || location.origin, gateway: config.gateway });

// ---- the order ----
const item = await client.gateway.packages.software(SOFTWARE_ID);
const order = { price: item.Price, currency: item.CurrencyCode, discount: null, total: item.Price };
$('item-name').textContent = `${item.Name} (${item.Term.toLowerCase()} licence)`;
const money = (amount) => `${amount} ${order.currency}`;
const showTotals = () => {
  $('item-price').textContent = money(order.price);
  $('discount-line').hidden = !order.discount;
  if (order.discount) {
    $('discount-code-shown').textContent = order.discount.code;
    $('discount-amount').textContent = `−${money(order.discount.amount)}`;
  }
  $('total').textContent = money(order.total);
  $('pay').textContent = `Pay ${money(order.total)}`;
};
showTotals();

// The demo merchant's welcome code, created once per sandbox (a shop would do this in its admin).
try {
  await client.gateway.discountCodes.add({ DiscountCode: DEMO_CODE, Percent: '10' });
} catch { /* it exists already */ }

$('discount-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const code = $('discount').value.trim().toUpperCase();
  const message = $('discount-message');
  message.className = 'message';
  if (!code) {
    order.discount = null;
    order.total = order.price;
    message.textContent = '';
    showTotals();
    return;
  }
  try {
    const r = await client.gateway.discountCodes.validate({
      DiscountCode: code, Product: item.ProductType, Amount: order.price, CurrencyCode: order.currency,
    });
    order.discount = { code, amount: r.DiscountAmount };
    order.total = r.Total;
    message.className = 'message ok';
    message.textContent = `${code} applied.`;
  } catch (e) {
    order.discount = null;
    order.total = order.price;
    message.textContent = e.message;
  }
  showTotals();
});

// ---- as-you-type card fields ----
const today = () => new Date();
const state = { number: null, expiry: null, cvv: null, email: null, name: null };

function mark(input, messageId, result, complete) {
  // While typing, only what cannot become valid is flagged; on leaving a field, anything not valid.
  const bad = complete ? !result.isValid : !result.isPotentiallyValid;
  input.setAttribute('aria-invalid', String(bad));
  $(messageId).textContent = bad ? text(result.reason) : '';
}

function checkNumber(complete) {
  const input = $('card-number');
  const r = payref.card.validateNumber(input.value);
  state.number = r;
  $('card-brand').textContent = r.card ? r.card.niceType : '';
  $('cvv-label').textContent = r.card ? r.card.code.name : 'CVV';
  mark(input, 'card-number-message', r, complete);
  if (state.cvv !== null) checkCvv(false);
}
function checkExpiry(complete) {
  const r = payref.card.validateExpiry($('expiry').value, today());
  state.expiry = r;
  mark($('expiry'), 'expiry-message', r, complete);
}
function checkCvv(complete) {
  const r = payref.card.validateCvv($('cvv').value, state.number?.brand ?? null);
  state.cvv = r;
  mark($('cvv'), 'cvv-message', r, complete);
}
function checkEmail(complete) {
  const r = payref.fields.validateEmail($('email').value);
  state.email = r;
  mark($('email'), 'email-message', r, complete);
}
function checkName(complete) {
  const r = payref.card.validateCardholderName($('name').value);
  state.name = r;
  mark($('name'), 'name-message', r, complete);
}
const allValid = () => ['number', 'expiry', 'cvv', 'email', 'name'].every((k) => state[k]?.isValid);
const refresh = () => { $('pay').disabled = !allValid(); };

$('card-number').addEventListener('input', (e) => {
  // Format as the brand groups its digits, keeping the caret at the end of what was typed.
  const formatted = payref.card.formatNumber(e.target.value);
  if (formatted !== e.target.value && e.target.selectionStart === e.target.value.length) e.target.value = formatted;
  checkNumber(false);
  refresh();
});
for (const [id, check] of [['card-number', checkNumber], ['expiry', checkExpiry], ['cvv', checkCvv], ['email', checkEmail], ['name', checkName]]) {
  if (id !== 'card-number') $(id).addEventListener('input', () => { check(false); refresh(); });
  $(id).addEventListener('blur', () => { check(true); refresh(); });
}
checkEmail(false);
checkName(false);

// ---- paying ----
function show(kind, message) {
  const result = $('result');
  result.hidden = false;
  result.className = `result ${kind}`;
  result.textContent = message;
}

$('pay-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  for (const check of [checkNumber, checkExpiry, checkCvv, checkEmail, checkName]) check(true);
  if (!allValid()) {  // nothing is sent while a field is invalid
    refresh();
    return;
  }
  const [first, ...rest] = $('name').value.trim().split(/\s+/);
  const { month, year } = state.expiry;
  $('pay').disabled = true;
  try {
    const r = await client.gateway.payments.charge({
      Amount: order.total,
      CurrencyCode: order.currency,
      Email: $('email').value.trim(),
      TransactionReference: `demo-${Date.now()}-${Math.floor(Math.random() * 1e6)}`,
      Card: { CardNumber: $('card-number').value, ExpiryDate: `${String(month).padStart(2, '0')}/${String(year % 100).padStart(2, '0')}`,
        CVV: $('cvv').value },
      Name: { FirstName: first, LastName: rest.join(' ') || first },
      ...(order.discount ? { Discount: { DiscountCode: order.discount.code, Product: item.ProductType } } : {}),
    });
    show('approved', `Payment approved: ${money(r.Amount)} on ${r.CardType} ${r.MaskedCardNumber}, transaction ${r.TransactionId}, ` +
      `authorization ${r.AuthCode}.`);
  } catch (e) {
    if (e instanceof DeclinedError) show('declined', `Declined: ${e.message} (code ${e.code})`);
    else show('failed', `Payment failed: ${e.message}`);
  } finally {
    refresh();
  }
});

window.__checkoutReady = true;
