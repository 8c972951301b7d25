// The checkout's second way to pay: point-of-sale financing (Flexiti, seed 003) through the npm
// package's client.financing. The shopper's FlexitiCard account is looked up, the server's
// calculate-interest gives each plan's terms and fees for the order total, and the page's quotes
// come from the core (payref.financing.quote, loaded when financing is chosen): a term is offered
// only when the two agree to the cent. The shopper picks an offer, answers the account's security
// question (accounts.verify), and the purchase is authorized and captured at once (auto_capture).
import createPayref, { DeclinedError } from './payref/index.browser.mjs';

const $ = (id) => document.getElementById(id);
const CURRENCY = 'CAD';  // the financing family's currency (docs/financing.md): amounts parse as CAD

// Basis points as a percentage for display: 2469 → "24.69 %".
const percent = (bp) => `${(bp / 100).toFixed(2)}\u00a0%`;

export async function setupFinancing({ client, config, order, money }) {
  const settings = config.financing;
  const cardForm = $('pay-form');
  const panel = $('financing');
  const radios = [...document.querySelectorAll('input[name="payment-method"]')];
  if (!settings || !panel) {
    $('payment-method').hidden = true;
    return;
  }
  $('financing-account').value = settings.accountNumber ?? '';

  let payref = null;     // the core with its financing module, loaded when financing is first chosen
  let offers = null;     // { account, amount, qid, list: [{ id, planId, term, ... }] }

  const message = (text) => { $('financing-account-message').textContent = text; };
  const result = (kind, text) => {
    const box = $('financing-result');
    box.hidden = !text;
    box.className = `result ${kind}`;
    box.textContent = text;
  };
  // A wire amount (a JSON number in dollars: 25, 449.1) as decimal text ("25.00"), by the core.
  const wire = (n) => {
    const m = payref.money.parse(String(n), CURRENCY);
    return m.ok ? m.text : String(n);
  };
  const chosen = () => offers?.list.find((o) => o.id === document.querySelector('input[name="financing-offer"]:checked')?.value);
  const refresh = () => {
    $('financing-pay').disabled = !(chosen() && $('financing-answer').value.trim());
    const o = chosen();
    $('financing-pay').textContent = o ? `Finance ${money(offers.amount)}: ${o.short}` : `Finance ${money(order.total)}`;
  };

  function describe(offer, q, t) {
    const annual = t.fees.find((f) => f.type === 'Annual');
    const cost = `cost of borrowing ${money(q.totalCostOfBorrowing)} (APR ${percent(q.costOfBorrowingAprBasisPoints)}), ` +
      `total ${money(q.totalToPay)}${annual ? `, plus an annual fee of ${money(wire(annual.amount))}` : ''}`;
    if (offer.offer_category === 'deferred_payment')
      return { short: `pay ${money(q.termAmount)} in ${t.term} months`,
        text: `Nothing to pay for ${t.term} months, then ${money(q.termAmount)}: ${offer.plan_name}; ${cost}` };
    return { short: `${t.term} × ${money(q.termAmount)}`,
      text: `${t.term} monthly payments of ${money(q.termAmount)}: ${offer.plan_name}; ${cost}` };
  }

  function render() {
    const box = $('financing-offers');
    box.replaceChildren();
    for (const o of offers.list) {
      const label = document.createElement('label');
      label.className = 'offer';
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'financing-offer';
      input.value = o.id;
      input.addEventListener('change', refresh);
      label.append(input, ` ${o.text}`);
      box.append(label);
    }
    $('financing-amount').textContent = money(offers.amount);
    $('financing-question').textContent = offers.question;
    $('financing-form').hidden = offers.list.length === 0;
    refresh();
  }

  async function showOffers() {
    const account = $('financing-account').value.replace(/\s+/g, '');
    const amount = order.total;
    offers = null;
    $('financing-form').hidden = true;
    result('', '');
    message('');
    $('financing-account').setAttribute('aria-invalid', 'false');
    if (!account) {
      message('Enter your FlexitiCard account number.');
      $('financing-account').setAttribute('aria-invalid', 'true');
      return;
    }
    $('financing-offers-button').disabled = true;
    try {
      payref ??= await createPayref({ financing: true });
      const [customer, interest] = await Promise.all([
        client.financing.customers.lookup({ account_number: account }),
        client.financing.accounts.calculateInterest(account, { amount }),
      ]);
      const list = [];
      let mismatches = 0;
      for (const offer of customer.offer_types) {
        const plan = interest.promotional_purchase.find((p) => p.plan_id === offer.plan_id);
        for (const t of plan?.terms ?? []) {
          const admin = t.fees.find((f) => f.type === 'Admin');
          const q = payref.financing.quote(amount, CURRENCY, {
            category: offer.offer_category, rate: String(t.apr), monthlyAdminFee: admin ? String(admin.amount) : '',
          }, t.term);
          // The page shows the core's figures; a term whose figure differs from the server's is not offered.
          if (!q.ok || Number(q.termAmount) !== t.term_amount) {
            mismatches += 1;
            continue;
          }
          list.push({ id: `${offer.plan_id}:${t.term}`, planId: offer.plan_id, term: t.term, name: offer.plan_name,
            termAmount: q.termAmount, ...describe(offer, q, t) });
        }
      }
      offers = { account, amount, qid: customer.security_qid.id, question: customer.security_qid.text, list };
      render();
      if (mismatches) message(`${mismatches} offer(s) left out: the quote did not match the lender's.`);
      else if (!list.length) message('No financing offers for this account.');
      else document.querySelector('input[name="financing-offer"]')?.focus();
    } catch (e) {
      $('financing-account').setAttribute('aria-invalid', 'true');
      message(e instanceof DeclinedError ? `This account cannot be used for financing: ${e.message}` : e.message);
    } finally {
      $('financing-offers-button').disabled = false;
    }
  }

  async function pay() {
    const offer = chosen();
    if (!offer) return;
    if (offers.amount !== order.total) {  // the total changed (a discount): quote again before anything is authorized
      await showOffers();
      return;
    }
    $('financing-pay').disabled = true;
    result('', '');
    try {
      const { verification_code } = await client.financing.accounts.verify(offers.account, {
        format: 'security_question', security_qid: offers.qid, security_answer: $('financing-answer').value.trim(),
      });
      const a = await client.financing.authorizations.create({
        account_number: offers.account, amount: offers.amount, auto_capture: true, verification_code,
        reference: `demo-${Date.now()}-${Math.floor(Math.random() * 1e6)}`,
        financing_option: { transaction_type: 'promotional_purchase', plan_id: offer.planId, term: offer.term },
      });
      result('approved', `Financing approved: ${money(wire(a.amount))} on "${offer.name}", ${offer.short}; ` +
        `authorization ${a.authorization_id}, capture ${a.capture_id}.`);
    } catch (e) {
      if (e instanceof DeclinedError) result('declined', `Financing declined: ${e.message} (${e.code})`);
      else result('failed', `Financing failed: ${e.message}`);
    } finally {
      refresh();
    }
  }

  const choose = () => {
    const financing = radios.find((r) => r.checked)?.value === 'financing';
    cardForm.hidden = financing;
    panel.hidden = !financing;
    if (financing && !offers && $('financing-account').value) showOffers();
  };
  for (const r of radios) r.addEventListener('change', choose);
  $('financing-account-form').addEventListener('submit', (event) => {
    event.preventDefault();
    showOffers();
  });
  $('financing-answer').addEventListener('input', refresh);
  $('financing-form').addEventListener('submit', (event) => {
    event.preventDefault();
    pay();
  });
  // A discount changes the total: the offers shown are for the old one.
  new MutationObserver(() => {
    if (offers && offers.amount !== order.total && !panel.hidden) showOffers();
  }).observe($('total'), { childList: true, characterData: true, subtree: true });
  choose();
}
