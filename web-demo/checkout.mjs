// The checkout page: as-you-type validation by the payref core (WebAssembly), the catalogue price,
// a discount code and the payment through the package's API client — nothing but the npm
// package's public API, as a shop's own page would use it. Served by payref-server at /demo/.
import createPayref, { createClient, DeclinedError } from './payref/index.browser.mjs';
import { setupFinancing } from './financing.mjs';
import { latestRequests } from './latest.mjs';
import { loadMessages, resolveMessageLocale } from './payref/messages.mjs';

const $ = (id) => document.getElementById(id);
const SOFTWARE_ID = '100001';  // RenderRocket Standard, from the seeded catalogue
const DEMO_CODE = 'WELCOME10';

// Two languages, the financing family's: en-CA and fr-CA. The sentences for the core's reasons come
// with the package (payref/messages, one small module per language, loaded when chosen); the
// page's own labels are the page's business, here.
const TERMS_FR = { monthly: 'mensuelle', annual: 'annuelle', perpetual: 'perpétuelle' };
const LABELS = {
  'en-CA': {
    language: 'Language', order: 'Your order', loading: 'Loading the catalogue…', discount: 'Discount', total: 'Total',
    discountCode: 'Discount code', apply: 'Apply', payment: 'Payment', email: 'Email', name: 'Name on card',
    cardNumber: 'Card number', expiry: 'Expiry (MM/YY)',
    hint: 'Test cards: 4242 4242 4242 4242 is approved, 4000 0000 0000 0002 is declined (more in docs/test-cards.md). ' +
      'Discount code WELCOME10 takes 10% off.',
    item: (name, term) => `${name} (${term.toLowerCase()} licence)`,
    pay: (amount) => `Pay ${amount}`,
    applied: (code) => `${code} applied.`,
    checking: 'Checking the code…',
    paying: 'Sending the payment…',
    approved: (r, amount) => `Payment approved: ${amount} on ${r.CardType} ${r.MaskedCardNumber}, transaction ${r.TransactionId}, ` +
      `authorization ${r.AuthCode}.`,
    declined: (e) => `Declined: ${e.message} (code ${e.code})`,
    failed: (e) => `Payment failed: ${e.message}`,
  },
  'fr-CA': {
    language: 'Langue', order: 'Votre commande', loading: 'Chargement du catalogue…', discount: 'Rabais', total: 'Total',
    discountCode: 'Code promotionnel', apply: 'Appliquer', payment: 'Paiement', email: 'Courriel', name: 'Nom inscrit sur la carte',
    cardNumber: 'Numéro de carte', expiry: 'Date d’expiration (MM/AA)',
    hint: 'Cartes de test\u00a0: 4242 4242 4242 4242 est acceptée, 4000 0000 0000 0002 est refusée (voir docs/test-cards.md). ' +
      'Le code promotionnel WELCOME10 donne 10\u00a0% de rabais.',
    item: (name, term) => `${name} (licence ${TERMS_FR[term.toLowerCase()] ?? term.toLowerCase()})`,
    pay: (amount) => `Payer ${amount}`,
    applied: (code) => `Code ${code} appliqué.`,
    checking: 'Vérification du code…',
    paying: 'Envoi du paiement…',
    approved: (r, amount) => `Paiement approuvé\u00a0: ${amount} sur ${r.CardType} ${r.MaskedCardNumber}, transaction ${r.TransactionId}, ` +
      `autorisation ${r.AuthCode}.`,
    declined: (e) => `Paiement refusé\u00a0: ${e.message} (code ${e.code})`,
    failed: (e) => `Échec du paiement\u00a0: ${e.message}`,
  },
};
const language = $('language');
language.value = resolveMessageLocale(new URLSearchParams(location.search).get('lang') ?? navigator.languages);
let labels = LABELS[language.value];
let messages = null;  // the package's sentences in the chosen language
let financing = null;  // the financing panel (financing.mjs), relabelled with the page
const text = (reason) => messages.message(reason);  // '' for null; a family's or a generic sentence for a new reason
const shown = new Map();  // message element id → the reason it shows, re-read when the language changes
const applyLabels = () => {
  document.documentElement.lang = language.value;
  for (const el of document.querySelectorAll('[data-label]')) el.textContent = labels[el.dataset.label];
};

const [config, payref, firstMessages] = await Promise.all([fetch('config.json').then((r) => r.json()), createPayref(),
  loadMessages(language.value)]);
messages = firstMessages;
applyLabels();
const client = await createClient({ baseUrl: config.baseUrl || location.origin, gateway: config.gateway, financing: config.financing });

// ---- the order ----
const item = await client.gateway.packages.software(SOFTWARE_ID);
// checking: a discount check is in flight (the total may change: nothing is paid meanwhile);
// paying: a payment (card or financing) is in flight (the total stays as sent: no discount meanwhile).
const order = { price: item.Price, currency: item.CurrencyCode, discount: null, total: item.Price, checking: false, paying: false };
const showItem = () => { $('item-name').textContent = labels.item(item.Name, item.Term); };
$('item-name').removeAttribute('data-label');  // no longer "Loading…"
showItem();
const money = (amount) => `${amount} ${order.currency}`;
const showTotals = () => {
  $('item-price').textContent = money(order.price);
  $('discount-line').hidden = !order.discount;
  if (order.discount) {
    $('discount-code-shown').textContent = order.discount.code;
    $('discount-amount').textContent = `−${money(order.discount.amount)}`;
  }
  $('total').textContent = money(order.total);
  // While a discount check is in flight the total shown is the one before it: marked as pending.
  if (order.checking) $('total').parentElement.setAttribute('aria-busy', 'true');
  else $('total').parentElement.removeAttribute('aria-busy');
  $('pay').textContent = labels.pay(money(order.total));
};
showTotals();
// The order changed, or a check or a payment started or ended: the buttons here and in the
// financing panel follow (the panel quotes the new total again).
const orderChanged = () => {
  refresh();
  financing?.orderChanged();
};

// The demo merchant's welcome code, created once per sandbox (a shop would do this in its admin).
try {
  await client.gateway.discountCodes.add({ DiscountCode: DEMO_CODE, Percent: '10' });
} catch { /* it exists already */ }

// The discount area: only the answer to the latest check is applied (an answer to a superseded
// one is dropped, latest.mjs); while it is in flight the area is busy and says so.
const discountChecks = latestRequests($('discount-form'));
let discountNote = null;  // { kind, words: (labels) => text }: the discount message, re-worded on a language switch
const showDiscountNote = (note) => {
  discountNote = note;
  const message = $('discount-message');
  message.className = note?.kind ? `message ${note.kind}` : 'message';
  message.textContent = note ? note.words(labels) : '';
};

$('discount-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (order.paying) return;  // the total stays as it was sent
  const code = $('discount').value.trim().toUpperCase();
  const check = discountChecks.begin();  // supersedes a check still in flight
  if (!code) {
    Object.assign(order, { discount: null, total: order.price, checking: false });
    showDiscountNote(null);
    showTotals();
    orderChanged();
    check.finish('none');
    return;
  }
  order.checking = true;
  showDiscountNote({ kind: 'pending', words: (l) => l.checking });
  showTotals();
  orderChanged();
  let answer = null;
  let error = null;
  try {
    answer = await client.gateway.discountCodes.check(code, { product: item.ProductType, amount: order.price, currency: order.currency });
  } catch (e) {
    error = e;
  }
  if (check.stale) {  // the shopper asked again meanwhile: the newer check decides
    check.drop();
    return;
  }
  order.checking = false;
  if (error) {
    Object.assign(order, { discount: null, total: order.price });
    showDiscountNote({ kind: '', words: () => error.message });
  } else {
    Object.assign(order, { discount: { code, amount: answer.DiscountAmount }, total: answer.Total });
    showDiscountNote({ kind: 'ok', words: (l) => l.applied(code) });
  }
  showTotals();
  orderChanged();
  check.finish(error ? 'rejected' : 'applied');
});

// ---- as-you-type card fields ----
const today = () => new Date();
const state = { number: null, expiry: null, cvv: null, email: null, name: null };

function mark(input, messageId, result, complete) {
  // While typing, only what cannot become valid is flagged; on leaving a field, anything not valid.
  const bad = complete ? !result.isValid : !result.isPotentiallyValid;
  input.setAttribute('aria-invalid', String(bad));
  shown.set(messageId, bad ? result.reason : null);
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
// Pay waits for valid card fields and for a discount check in flight, one payment at a time; the
// discount cannot change while a payment is in flight.
function refresh() {
  $('pay').disabled = !allValid() || order.checking || order.paying;
  $('apply').disabled = order.paying;
}

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
let outcome = null;  // { kind, words: (labels) => text }: the payment's result, re-worded on a language switch
function show(kind, words) {
  outcome = { kind, words };
  const result = $('result');
  result.hidden = false;
  result.className = `result ${kind}`;
  result.textContent = words(labels);
}

// The pay form's requests (latest.mjs): one payment at a time, and a submit refused on the page
// (an invalid field, a discount check in flight) is answered at once, with nothing sent.
const payments = latestRequests($('pay-form'));
$('pay-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (order.paying) return;  // Pay is off while a payment is in flight
  const attempt = payments.begin();
  for (const check of [checkNumber, checkExpiry, checkCvv, checkEmail, checkName]) check(true);
  if (!allValid() || order.checking) {  // nothing is sent while a field is invalid or the total may change
    refresh();
    attempt.finish(order.checking ? 'waiting' : 'invalid');
    return;
  }
  const [first, ...rest] = $('name').value.trim().split(/\s+/);
  const { month, year } = state.expiry;
  order.paying = true;
  orderChanged();
  show('pending', (l) => l.paying);
  let kind = 'failed';
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
    kind = 'approved';
    show(kind, (l) => l.approved(r, money(r.Amount)));
  } catch (e) {
    kind = e instanceof DeclinedError ? 'declined' : 'failed';
    show(kind, (l) => (e instanceof DeclinedError ? l.declined(e) : l.failed(e)));
  } finally {
    order.paying = false;
    orderChanged();
    attempt.finish(kind);
  }
});

// ---- language ----
language.addEventListener('change', async () => {
  const locale = language.value;
  const next = await loadMessages(locale);
  if (language.value !== locale) return;  // switched again while this one loaded
  messages = next;
  labels = LABELS[locale];
  applyLabels();
  showItem();
  showTotals();
  showDiscountNote(discountNote);
  if (outcome) show(outcome.kind, outcome.words);
  for (const [id, reason] of shown) $(id).textContent = reason ? text(reason) : '';
  financing?.relabel(locale, messages);
});

// ---- financing: the other way to pay (financing.mjs) ----
financing = await setupFinancing({ client, config, order, orderChanged, locale: messages.locale, messages });

window.__checkoutReady = true;
