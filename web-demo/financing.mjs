// The checkout's second way to pay: point-of-sale financing (Flexiti, seed 003) through the npm
// package's client.financing. The shopper's FlexitiCard account is looked up, the server's
// calculate-interest gives each plan's terms and fees for the order total, and the page's quotes
// come from the core (payref.financing.quote, loaded when financing is chosen): a term is offered
// only when the two agree to the cent. The shopper picks an offer, answers the account's security
// question (accounts.verify), and the purchase is authorized and captured at once (auto_capture).
import createPayref, { DeclinedError } from './payref/index.browser.mjs';
import { latestRequests } from './latest.mjs';

const $ = (id) => document.getElementById(id);
const CURRENCY = 'CAD';  // the financing family's currency (docs/financing.md): amounts parse as CAD

// The panel's own words, in the page's two languages (en-CA, fr-CA). Sentences for the core's
// reasons come from the package (payref/messages); the lender's plan names and security questions
// are its data and are shown as sent. Amounts and rates are formatted by Intl for the locale.
const TEXT = {
  'en-CA': {
    payHow: 'How would you like to pay?', payCard: 'Card', payFinancing: 'Monthly payments (Flexiti financing)',
    account: 'FlexitiCard account number', showOffers: 'Show offers', plan: 'Choose a plan for',
    question: 'Security question:', hint: 'Demo account 30000000000001 (Ada): the answer is rex.',
    finance: (amount) => `Finance ${amount}`,
    financeOffer: (amount, short) => `Finance ${amount}: ${short}`,
    cost: (c) => `cost of borrowing ${c.cost} (APR ${c.apr}), total ${c.total}` +
      (c.annualFee ? `, plus an annual fee of ${c.annualFee}` : ''),
    deferredShort: (term, amount) => `pay ${amount} in ${term} months`,
    deferred: (term, amount, plan, cost) => `Nothing to pay for ${term} months, then ${amount}: ${plan}; ${cost}`,
    equalShort: (term, amount) => `${term} × ${amount}`,
    equal: (term, amount, plan, cost) => `${term} monthly payments of ${amount}: ${plan}; ${cost}`,
    enterAccount: 'Enter your FlexitiCard account number.',
    finding: 'Looking up the offers…',
    authorizing: 'Asking the lender…',
    noOffers: 'No financing offers for this account.',
    leftOut: (n, why) => `${n} ${n === 1 ? 'offer' : 'offers'} left out: ${why}`,
    mismatch: 'the quote did not match the lender’s.',
    accountRefused: (text) => `This account cannot be used for financing: ${text}`,
    approved: (amount, plan, short, a) => `Financing approved: ${amount} on "${plan}", ${short}; ` +
      `authorization ${a.authorization_id}, capture ${a.capture_id}.`,
    declined: (text, code) => `Financing declined (${code}): ${text}`,
    failed: (text) => `Financing failed: ${text}`,
    // The lender's refusals a shopper meets here (docs/financing.md "Errors"); they are the
    // lender's codes, not the core's reasons, so the page words them.
    codes: {
      not_found: 'There is no FlexitiCard account with this number.',
      secret_answer_mismatch: 'The answer to the security question is not correct.',
      tries_exceed: 'Too many wrong answers to the security question: try again later.',
      credit_exceeded: 'This purchase is more than the credit available on the account.',
      user_not_able_to_purchase: 'This account cannot make purchases at the moment.',
      user_not_active: 'This account is not active.',
      not_verified: 'The verification has expired or was already used: answer the security question again.',
      wrong_verification_code: 'The verification has expired or was already used: answer the security question again.',
      plan_term_not_available: 'This plan or term is not offered on this account.',
    },
    other: (e) => e?.message ?? String(e),  // the server's own words, in English
  },
  'fr-CA': {
    payHow: 'Comment souhaitez-vous payer\u202f?', payCard: 'Carte', payFinancing: 'Versements mensuels (financement Flexiti)',
    account: 'Numéro de compte FlexitiCard', showOffers: 'Voir les offres', plan: 'Choisissez un plan de financement pour',
    question: 'Question de sécurité\u00a0:', hint: 'Compte de démonstration 30000000000001 (Ada)\u00a0: la réponse est rex.',
    finance: (amount) => `Financer ${amount}`,
    financeOffer: (amount, short) => `Financer ${amount}\u00a0: ${short}`,
    cost: (c) => `coût d’emprunt ${c.cost} (TAC ${c.apr}), total à rembourser ${c.total}` +
      (c.annualFee ? `, plus des frais annuels de ${c.annualFee}` : ''),
    deferredShort: (term, amount) => `payer ${amount} dans ${term}\u00a0mois`,
    deferred: (term, amount, plan, cost) => `Rien à payer pendant ${term}\u00a0mois, puis ${amount}\u00a0: ${plan}\u202f; ${cost}`,
    equalShort: (term, amount) => `${term} × ${amount}`,
    equal: (term, amount, plan, cost) => `${term} versements mensuels de ${amount}\u00a0: ${plan}\u202f; ${cost}`,
    enterAccount: 'Entrez votre numéro de compte FlexitiCard.',
    finding: 'Recherche des offres…',
    authorizing: 'Demande au prêteur…',
    noOffers: 'Aucune offre de financement pour ce compte.',
    leftOut: (n, why) => `${n} ${n <= 1 ? 'offre écartée' : 'offres écartées'}\u00a0: ${why}`,
    mismatch: 'le calcul ne correspondait pas à celui du prêteur.',
    accountRefused: (text) => `Ce compte ne peut pas servir au financement\u00a0: ${text}`,
    approved: (amount, plan, short, a) => `Financement approuvé\u00a0: ${amount} sur «\u00a0${plan}\u00a0», ${short}\u202f; ` +
      `autorisation ${a.authorization_id}, encaissement ${a.capture_id}.`,
    declined: (text, code) => `Financement refusé (${code})\u00a0: ${text}`,
    failed: (text) => `Échec du financement\u00a0: ${text}`,
    codes: {
      not_found: 'Aucun compte FlexitiCard ne correspond à ce numéro.',
      secret_answer_mismatch: 'La réponse à la question de sécurité est incorrecte.',
      tries_exceed: 'Trop de réponses erronées à la question de sécurité\u00a0: réessayez plus tard.',
      credit_exceeded: 'Cet achat dépasse le crédit disponible au compte.',
      user_not_able_to_purchase: 'Ce compte ne peut pas effectuer d’achats pour le moment.',
      user_not_active: 'Ce compte n’est pas actif.',
      not_verified: 'La vérification est expirée ou a déjà servi\u00a0: répondez de nouveau à la question de sécurité.',
      wrong_verification_code: 'La vérification est expirée ou a déjà servi\u00a0: répondez de nouveau à la question de sécurité.',
      plan_term_not_available: 'Ce plan ou cette durée n’est pas offert pour ce compte.',
    },
    // The server speaks English: in French, a sentence for the kind of error, with the lender's code.
    other: (e) => `${KINDS_FR[e?.kind] ?? KINDS_FR.server}${e?.code ? ` (${e.code})` : ''}.`,
  },
};
// Sentences without their final stop: other() adds the lender's code, then the stop.
const KINDS_FR = {
  validation: 'Le prêteur n’a pas accepté la demande',
  declined: 'Le prêteur a refusé la demande',
  authentication: 'Le commerçant n’est pas reconnu par le prêteur',
  not_found: 'Le prêteur ne trouve pas ce compte',
  conflict: 'Le prêteur ne peut pas traiter cette demande maintenant',
  network: 'Le prêteur ne répond pas\u00a0: vérifiez la connexion et réessayez',
  server: 'Le prêteur a rencontré une erreur\u00a0: réessayez plus tard',
};

/**
 * Sets the panel up; returns { relabel(locale, messages), orderChanged() }. The page calls relabel
 * when the shopper switches language (every text of the panel, shown offers and messages included,
 * follows) and orderChanged when the order's total or its checking / paying state changed (the
 * offers are quoted again for a new total); the panel calls the page's orderChanged when a
 * financing payment starts or ends (order.paying).
 */
export async function setupFinancing({ client, config, order, orderChanged: pageOrderChanged, locale: firstLocale, messages: firstMessages }) {
  const settings = config.financing;
  const cardForm = $('pay-form');
  const panel = $('financing');
  const radios = [...document.querySelectorAll('input[name="payment-method"]')];
  if (!settings || !panel) {
    $('payment-method').hidden = true;
    return { relabel() {}, orderChanged() {} };
  }
  $('financing-account').value = settings.accountNumber ?? '';

  let payref = null;     // the core with its financing module, loaded when financing is first chosen
  let loading = null;    // … its loading, shared by the lookups that overlap it
  let offers = null;     // { account, amount, qid, question, list: [{ id, planId, term, name, offer, q, t }] }
  let locale = null;
  let L = null;          // TEXT[locale]
  let messages = null;   // the package's sentences for the core's reasons, in the locale
  let amountFormat = null;
  let percentFormat = null;
  let note = null;       // (L) => the account message shown, re-worded on a language switch
  let outcome = null;    // { kind, text: (L) => ... }: the result shown
  // Only the answer to the latest lookup is shown (a discount can start a new one while one is in
  // flight); one financing payment at a time (latest.mjs: the areas' aria-busy and data-state).
  const lookups = latestRequests($('financing-account-form'));
  let lookupAmount = null;  // the total the latest lookup quotes
  // The total the offers on screen, or the ones being looked up, are for (undefined: none).
  const quotedAmount = () => (lookups.pending ? lookupAmount : offers?.amount);
  const payments = latestRequests($('financing-form'));

  // A decimal text ("449.10") in the order's currency, for the locale: "US$449.10", "449,10 $ US".
  // Intl formats the decimal text as it is (no binary floating point on the way).
  const money = (decimal) => amountFormat.format(decimal);
  // Basis points as a percentage for the locale: 2469 → "24.69%", "24,69 %".
  const percent = (bp) => percentFormat.format(bp / 10000);
  // An error as the shopper reads it: the package's sentence when the code is one of the core's
  // reasons (a request the core refused to build), else the page's words for the lender's code.
  const errorText = (e) => (e?.code && messages.has(String(e.code)) ? messages.message(String(e.code))
    : L.codes[e?.code] ?? L.other(e));

  const message = (words) => {
    note = words;
    $('financing-account-message').textContent = words ? words(L) : '';
  };
  const result = (kind, words) => {
    outcome = words ? { kind, text: words } : null;
    const box = $('financing-result');
    box.hidden = !words;
    box.className = `result ${kind}`;
    box.textContent = words ? words(L) : '';
  };
  // A wire amount (a JSON number in dollars: 25, 449.1) as decimal text ("25.00"), by the core.
  const wire = (n) => {
    const m = payref.money.parse(String(n), CURRENCY);
    return m.ok ? m.text : String(n);
  };
  const chosen = () => offers?.list.find((o) => o.id === document.querySelector('input[name="financing-offer"]:checked')?.value);
  // Finance waits for a chosen offer and an answer, for a discount check in flight (the total may
  // change) and for a payment in flight; Show offers is off while a lookup or a payment is in flight.
  const refresh = () => {
    $('financing-pay').disabled = !(chosen() && $('financing-answer').value.trim()) || order.checking || order.paying;
    $('financing-offers-button').disabled = lookups.pending || order.paying;
    const o = chosen();
    $('financing-pay').textContent = o ? L.financeOffer(money(offers.amount), describe(o).short) : L.finance(money(order.total));
  };

  // One offer's words in the current language, from the core's quote (q) and the lender's term (t).
  function describe({ offer, q, t }) {
    const annual = t.fees.find((f) => f.type === 'Annual');
    const cost = L.cost({ cost: money(q.totalCostOfBorrowing), apr: percent(q.costOfBorrowingAprBasisPoints),
      total: money(q.totalToPay), annualFee: annual ? money(wire(annual.amount)) : null });
    if (offer.offer_category === 'deferred_payment')
      return { short: L.deferredShort(t.term, money(q.termAmount)), text: L.deferred(t.term, money(q.termAmount), offer.plan_name, cost) };
    return { short: L.equalShort(t.term, money(q.termAmount)), text: L.equal(t.term, money(q.termAmount), offer.plan_name, cost) };
  }

  function render(keepChoice = false) {
    const was = keepChoice ? chosen()?.id : undefined;
    const box = $('financing-offers');
    box.replaceChildren();
    for (const o of offers.list) {
      const label = document.createElement('label');
      label.className = 'offer';
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'financing-offer';
      input.value = o.id;
      input.checked = o.id === was;
      input.addEventListener('change', refresh);
      label.append(input, ` ${describe(o).text}`);
      box.append(label);
    }
    $('financing-amount').textContent = money(offers.amount);
    $('financing-question').textContent = offers.question;
    $('financing-form').hidden = offers.list.length === 0;
    refresh();
  }

  function relabel(nextLocale, nextMessages) {
    locale = nextLocale;
    L = TEXT[locale] ?? TEXT['en-CA'];
    messages = nextMessages;
    amountFormat = new Intl.NumberFormat(locale, { style: 'currency', currency: order.currency });
    percentFormat = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    for (const el of document.querySelectorAll('[data-financing-label]')) el.textContent = L[el.dataset.financingLabel];
    if (offers) render(true);
    else refresh();
    message(note);
    if (outcome) result(outcome.kind, outcome.text);
  }

  async function showOffers() {
    if (order.paying) return;  // the offers stay as they were paid for
    const lookup = lookups.begin();  // supersedes a lookup still in flight
    const account = $('financing-account').value.replace(/\s+/g, '');
    const amount = order.total;
    lookupAmount = amount;
    offers = null;
    $('financing-form').hidden = true;
    result('', null);
    message(null);
    $('financing-account').setAttribute('aria-invalid', 'false');
    if (!account) {
      message((l) => l.enterAccount);
      $('financing-account').setAttribute('aria-invalid', 'true');
      lookup.finish('invalid');
      refresh();
      return;
    }
    message((l) => l.finding);
    refresh();
    let customer;
    let interest;
    let error = null;
    try {
      loading ??= createPayref({ financing: true });
      payref ??= await loading.catch((e) => {
        loading = null;  // asked again on the next lookup
        throw e;
      });
      [customer, interest] = await Promise.all([
        client.financing.customers.lookup({ account_number: account }),
        client.financing.accounts.calculateInterest(account, { amount }),
      ]);
    } catch (e) {
      error = e;
    }
    if (lookup.stale) {  // a newer lookup (another account, a new total) decides
      lookup.drop();
      return;
    }
    if (error) {
      $('financing-account').setAttribute('aria-invalid', 'true');
      message((l) => (error instanceof DeclinedError ? l.accountRefused(errorText(error)) : errorText(error)));
      lookup.finish('refused');
      refresh();
      return;
    }
    const list = [];
    let mismatches = 0;
    const refused = new Map();  // the core's reason → how many terms it refused to quote
    for (const offer of customer.offer_types) {
      const plan = interest.promotional_purchase.find((p) => p.plan_id === offer.plan_id);
      for (const t of plan?.terms ?? []) {
        const admin = t.fees.find((f) => f.type === 'Admin');
        const q = payref.financing.quote(amount, CURRENCY, {
          category: offer.offer_category, rate: String(t.apr), monthlyAdminFee: admin ? String(admin.amount) : '',
        }, t.term);
        // The page shows the core's figures; a term whose figure differs from the server's is not offered.
        if (!q.ok) {
          refused.set(q.reason, (refused.get(q.reason) ?? 0) + 1);
          continue;
        }
        if (Number(q.termAmount) !== t.term_amount) {
          mismatches += 1;
          continue;
        }
        list.push({ id: `${offer.plan_id}:${t.term}`, planId: offer.plan_id, term: t.term, name: offer.plan_name, offer, q, t });
      }
    }
    offers = { account, amount, qid: customer.security_qid.id, question: customer.security_qid.text, list };
    render();
    if (mismatches || refused.size) {
      message((l) => [...(mismatches ? [l.leftOut(mismatches, l.mismatch)] : []),
        ...[...refused].map(([reason, n]) => l.leftOut(n, messages.message(reason)))].join(' '));
    } else if (!list.length) message((l) => l.noOffers);
    else {
      message(null);
      document.querySelector('input[name="financing-offer"]')?.focus();
    }
    lookup.finish(list.length ? 'offers' : 'none');
    refresh();  // Show offers again
  }

  async function pay() {
    const offer = chosen();
    if (!offer || order.paying || order.checking) return;  // Finance is off in these cases
    if (offers.amount !== order.total) {  // the total changed (a discount): quote again before anything is authorized
      await showOffers();
      return;
    }
    const attempt = payments.begin();
    order.paying = true;
    pageOrderChanged();  // the page's Pay and Apply, and this panel's buttons, wait
    result('pending', (l) => l.authorizing);
    let kind = 'failed';
    try {
      const { verification_code } = await client.financing.accounts.verify(offers.account, {
        format: 'security_question', security_qid: offers.qid, security_answer: $('financing-answer').value.trim(),
      });
      const a = await client.financing.authorizations.create({
        account_number: offers.account, amount: offers.amount, auto_capture: true, verification_code,
        reference: `demo-${Date.now()}-${Math.floor(Math.random() * 1e6)}`,
        financing_option: { transaction_type: 'promotional_purchase', plan_id: offer.planId, term: offer.term },
      });
      const amount = wire(a.amount);
      kind = 'approved';
      result(kind, (l) => l.approved(money(amount), offer.name, describe(offer).short, a));
    } catch (e) {
      kind = e instanceof DeclinedError ? 'declined' : 'failed';
      if (e instanceof DeclinedError) result(kind, (l) => l.declined(errorText(e), e.code));
      else result(kind, (l) => l.failed(errorText(e)));
    } finally {
      order.paying = false;
      pageOrderChanged();
      attempt.finish(kind);
    }
  }

  const choose = () => {
    const financing = radios.find((r) => r.checked)?.value === 'financing';
    cardForm.hidden = financing;
    panel.hidden = !financing;
    // No offers yet, or offers for a total a discount has changed since.
    if (financing && quotedAmount() !== order.total && $('financing-account').value) showOffers();
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
  // A discount changed the total: the offers shown (or being looked up) are for the old one.
  const orderChanged = () => {
    const quoted = quotedAmount();
    if (!panel.hidden && !order.paying && quoted !== undefined && quoted !== order.total) showOffers();
    else refresh();
  };
  relabel(firstLocale, firstMessages);
  choose();
  return { relabel, orderChanged };
}
