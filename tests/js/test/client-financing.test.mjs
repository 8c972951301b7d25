// The npm package's financing client (client.financing, seed 003) against a live payref-server:
// every operation, success and refusal, typed errors, the OAuth token fetched lazily, refreshed
// before expiry and replaced once when the server's clock has expired it. Quotes from the server
// equal the core's payref.financing.quote to the cent.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import createPayref, {
  createClient, PayrefError, ValidationError, DeclinedError, AuthenticationError, NotFoundError, ConflictError, NetworkError,
} from 'payref';
import { startServer } from '../support/server.mjs';

const server = await startServer();
after(() => server.stop());

const admin = (path, init = {}) => fetch(`${server.baseUrl}${path}`, {
  ...init, headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
}).then((r) => r.json());
const credentials = (await admin('/_sandbox/credentials')).financing;
const demo = { clientId: credentials.client_id, clientSecret: credentials.client_secret };

// The client's clock: Date.now() plus what the tests moved the sandbox clock by.
let clockOffsetMs = 0;
const now = () => Date.now() + clockOffsetMs;
const advance = async (seconds, { clientToo }) => {
  const r = await admin('/_sandbox/clock/advance', { method: 'POST', body: JSON.stringify({ seconds }) });
  assert.ok(!r.error, JSON.stringify(r));
  if (clientToo) clockOffsetMs += seconds * 1000;
};

// Every exchange the client makes: what it sent where (token bodies kept to read the grant type).
const sent = [];
const recordingFetch = (url, init) => {
  const path = new URL(url).pathname;
  sent.push({ path, method: init.method, body: path.endsWith('/oauth/token') ? init.body : undefined });
  return fetch(url, init);
};
const tokenRequests = () => sent.filter((s) => s.path.endsWith('/oauth/token'));
const grantOf = (s) => new URLSearchParams(s.body).get('grant_type');

const client = await createClient({ baseUrl: server.baseUrl, financing: { ...demo, now }, fetch: recordingFetch });
const fin = client.financing;
const payref = await createPayref({ financing: true });

const ADA = '30000000000001';       // N, 5,000.00 available, plans 5 7 9 11, security answer rex (qid 101)
const ALAN = '30000000000003';      // N, 250.00 available
const KATHERINE = '30000000000004'; // no phone
const MARGARET = '30000000000007';  // owes 18,000.00
const CHARLES = '30000000000008';   // status A
const DENNIS = '30000000000010';    // status Z
const LICENCE = '@\n\x1e\rANSI 636012090001DL00310200DLDAQA1234-56789-01234\nDCSSMITH\nDACJOHN\nDADALEXANDER\nDBB19840229\n' +
  'DBA20280229\nDAG123 MAIN ST\nDAITORONTO\nDAJON\nDAKM1M 1M1\nDCGCAN\r';

const refusedWith = (Class, code, field) => (e) => {
  assert.ok(e instanceof Class, `${e && e.name}: ${e && e.message}`);
  assert.ok(e instanceof PayrefError);
  assert.equal(e.family, 'financing');
  assert.equal(e.code, code);
  if (field !== undefined) assert.equal(e.field, field);
  return true;
};

test('no token is asked for until the first call, then one is reused', async () => {
  assert.equal(sent.length, 0);
  await fin.customers.lookup({ account_number: ADA });
  await fin.customers.lookup({ account_number: ADA });
  assert.equal(tokenRequests().length, 1);
  assert.equal(grantOf(tokenRequests()[0]), 'client_credentials');
  assert.equal(sent.length, 3);
});

test('customers.lookup finds the account and refuses unknown and blocked ones', async () => {
  const ada = await fin.customers.lookup({ account_number: ADA });
  assert.equal(ada.customer_id, 100000000001);
  assert.equal(ada.available_credit, 5000);
  assert.deepEqual(ada.offer_types.map((o) => o.plan_id), [5, 7, 9, 11]);
  assert.equal(ada.security_qid.id, 101);
  await assert.rejects(fin.customers.lookup({ account_number: '39999999999999' }), refusedWith(NotFoundError, 'not_found'));
  await assert.rejects(fin.customers.lookup({ account_number: CHARLES }), refusedWith(DeclinedError, 'user_not_able_to_purchase'));
  await assert.rejects(fin.customers.lookup({ account_number: DENNIS }), refusedWith(DeclinedError, 'user_not_active'));
});

test('a refusal never echoes a VCC number', async () => {
  const vcc = '60487300000000019999';
  await assert.rejects(fin.customers.lookup({ vcc_number: vcc }), (e) => {
    assert.ok(e instanceof ValidationError, e.message);
    assert.equal(e.field, 'vcc_number');
    assert.ok(!e.message.includes('6048730'), e.message);
    assert.ok(!JSON.stringify(e).includes('6048730'));
    return true;
  });
});

test('customers.search finds by name and birth date, and names a missing field', async () => {
  const found = await fin.customers.search({ first_name: 'Grace', last_name: 'Hopper', dob: '1986-12-09' });
  assert.equal(found.length, 1);
  assert.equal(found[0].account_number, 30000000000002);
  await assert.rejects(fin.customers.search({ first_name: 'Grace', last_name: 'Hopper' }), refusedWith(ValidationError, 'wrong_inputs', 'dob'));
});

test('customers.decodeDriversLicense decodes the barcode text and refuses garbage', async () => {
  const licence = await fin.customers.decodeDriversLicense({ code: LICENCE });
  assert.equal(licence.last_name, 'SMITH');
  assert.equal(licence.dob, '1984-02-29');
  await assert.rejects(fin.customers.decodeDriversLicense({ code: 'not a licence' }), refusedWith(ValidationError, 'wrong_inputs', 'code'));
});

test('accounts.calculateInterest equals the core quote to the cent, and refuses 3 decimals', async () => {
  const lookup = await fin.customers.lookup({ account_number: ADA });
  const r = await fin.accounts.calculateInterest(ADA, { amount: '449.10' });
  assert.equal(r.amount, 449.1);
  assert.equal(r.promotional_purchase.length, 4);
  let compared = 0;
  for (const plan of r.promotional_purchase) {
    const offer = lookup.offer_types.find((o) => o.plan_id === plan.plan_id);
    for (const t of plan.terms) {
      const admin = t.fees.find((f) => f.type === 'Admin');
      const q = payref.financing.quote('449.10', 'CAD', {
        category: offer.offer_category, rate: String(t.apr), monthlyAdminFee: admin ? String(admin.amount) : '',
      }, t.term);
      assert.ok(q.ok, JSON.stringify(q));
      assert.equal(Number(q.termAmount), t.term_amount, `plan ${plan.plan_id} / ${t.term}`);
      compared += 1;
    }
  }
  assert.equal(compared, 8);
  assert.equal(r.promotional_purchase[0].terms[0].term_amount, 77.85);  // (449.10 / 6 → 74.85) + 3.00
  await assert.rejects(fin.accounts.calculateInterest(ADA, { amount: '1.005' }), (e) => {
    refusedWith(ValidationError, 'wrong_inputs', 'amount')(e);
    assert.match(e.message, /money\.too_many_decimals/);
    return true;
  });
  await assert.rejects(fin.accounts.calculateInterest('39999999999999', { amount: 10 }), NotFoundError);
});

test('accounts.verify gives a code for the right answer and declines a wrong one', async () => {
  const ok = await fin.accounts.verify(ADA, { format: 'security_question', security_qid: 101, security_answer: 'Rex' });
  assert.match(ok.verification_code, /^[0-9]{6}$/);
  await assert.rejects(fin.accounts.verify(ADA, { format: 'security_question', security_qid: 101, security_answer: 'fido' }),
    refusedWith(DeclinedError, 'secret_answer_mismatch'));
  await assert.rejects(fin.accounts.verify(KATHERINE, { format: 'sms' }), refusedWith(ConflictError, 'sms_not_valid_phone'));
});

test('authorizations: create, capture, release, return, get and list, and their refusals', async () => {
  const { verification_code } = await fin.accounts.verify(ADA, { format: 'security_question', security_qid: 101, security_answer: 'rex' });
  const auth = await fin.authorizations.create({
    account_number: ADA, amount: '250.00', auto_capture: false, reference: 'js-order-1', verification_code,
    financing_option: { transaction_type: 'promotional_purchase', plan_id: 5, term: 6 },
  });
  assert.equal(auth.authorization_status, 'opened');
  assert.equal(auth.term_amount, 44.67);
  const capture = await fin.authorizations.capture(auth.authorization_id, { amount: 150, reference: 'shipment-1' });
  assert.equal(capture.remaining_authorization_amount, 100);
  await assert.rejects(fin.authorizations.capture(auth.authorization_id, { amount: 101 }), refusedWith(ConflictError, 'auth_amount_exceeded'));
  const release = await fin.authorizations.release(auth.authorization_id);
  assert.equal(release.amount, 100);
  assert.equal(release.authorization_status, 'closed');
  await assert.rejects(fin.authorizations.capture(auth.authorization_id, { amount: 1 }), refusedWith(ConflictError, 'authorization_ended'));
  const ret = await fin.authorizations.return(auth.authorization_id, capture.capture_id, { amount: '50.00', reference: 'rma-1' });
  assert.equal(ret.remaining_capture_amount, 100);
  await assert.rejects(fin.authorizations.return(auth.authorization_id, capture.capture_id, { amount: 100.01 }),
    refusedWith(ConflictError, 'capture_amount_exceeded'));
  const got = await fin.authorizations.get(String(auth.authorization_id));
  assert.equal(got.captures[0].returns[0].amount, 50);
  assert.equal(got.releases[0].amount, 100);
  await assert.rejects(fin.authorizations.get('899999999'), refusedWith(NotFoundError, 'not_found'));
  const list = await fin.authorizations.list({ account_number: ADA, page_size: 5 });
  assert.ok(list.authorizations.some((a) => a.authorization_id === auth.authorization_id));
  await assert.rejects(fin.authorizations.list({ page_size: 500 }), refusedWith(ValidationError, 'wrong_inputs', 'page_size'));

  const captured = await fin.authorizations.create({ account_number: ADA, amount: 20, auto_capture: true,
    financing_option: { transaction_type: 'promotional_purchase', plan_id: 9, term: 12 } });
  assert.match(String(captured.capture_id), /^81[0-9]{7}$/);
  assert.equal(captured.authorization_status, 'closed');
  await assert.rejects(fin.authorizations.create({ account_number: ALAN, amount: 250, auto_capture: true,
    financing_option: { transaction_type: 'promotional_purchase', plan_id: 11, term: 24 } }), refusedWith(DeclinedError, 'credit_exceeded'));
  await assert.rejects(fin.authorizations.create({ account_number: ALAN, amount: 10, auto_capture: true,
    financing_option: { transaction_type: 'promotional_purchase', plan_id: 9, term: 6 } }), refusedWith(ConflictError, 'plan_term_not_available'));
  await assert.rejects(fin.authorizations.create({ account_number: ADA, amount: 10, auto_capture: true, verification_code,
    financing_option: { transaction_type: 'promotional_purchase', plan_id: 5, term: 6 } }), refusedWith(DeclinedError, 'not_verified'));
  await assert.rejects(fin.authorizations.create({ account_number: ADA, amount: 10, auto_capture: true,
    financing_option: { transaction_type: 'promotional_purchase' } }), refusedWith(ValidationError, 'plan_term_not_set'));
});

test('transactions.create pays the balance down and keeps the 24-hour limit', async () => {
  const t = await fin.transactions.create({ transaction_type: 'deposit', amount: '10000.00', account_number: MARGARET, reference: 'pay-1' });
  assert.equal(t.transaction_type, 'deposit');
  assert.equal(t.amount, 10000);
  await assert.rejects(fin.transactions.create({ transaction_type: 'deposit', amount: '0.01', account_number: MARGARET }),
    refusedWith(ConflictError, 'limit_payment_amount_24'));
  await assert.rejects(fin.transactions.create({ transaction_type: 'refund', amount: 1, account_number: MARGARET }),
    refusedWith(ValidationError, 'invalid_transaction_type'));
});

test('requests the core cannot build are ValidationErrors, and nothing is sent', async () => {
  const before = sent.length;
  await assert.rejects(fin.authorizations.get(''), refusedWith(ValidationError, 'client.path_parameter_missing'));
  await assert.rejects(fin.customers.lookup({ account_number: { nested: 1 } }), refusedWith(ValidationError, 'client.object_in_query', 'account_number'));
  assert.equal(sent.length, before);
});

test('wrong credentials, a customer token on merchant calls, and no server', async () => {
  const stranger = await createClient({ baseUrl: server.baseUrl, financing: { ...demo, clientSecret: 'wrong' } });
  await assert.rejects(stranger.financing.customers.lookup({ account_number: ADA }), refusedWith(AuthenticationError, 'invalid_client'));
  const shopper = await createClient({ baseUrl: server.baseUrl, financing: { ...demo, scope: 'customer' } });
  await assert.rejects(shopper.financing.authorizations.list(), refusedWith(AuthenticationError, 'insufficient_scope'));
  const quote = await shopper.financing.accounts.calculateInterest(ADA, { amount: 10.5 });
  assert.equal(quote.promotional_purchase.find((p) => p.plan_id === 7).terms[0].term_amount, 3.56);
  const offline = await createClient({ baseUrl: 'http://127.0.0.1:9', financing: demo });
  await assert.rejects(offline.financing.customers.lookup({ account_number: ADA }), NetworkError);
});

test('the client is frozen and lists every resource', () => {
  assert.ok(Object.isFrozen(fin));
  assert.ok(Object.isFrozen(fin.authorizations));
  assert.deepEqual(Object.keys(fin).sort(), ['accounts', 'authorizations', 'customers', 'transactions']);
  assert.deepEqual(Object.keys(fin.authorizations).sort(), ['capture', 'create', 'get', 'list', 'release', 'return']);
  assert.deepEqual(Object.keys(fin.customers).sort(), ['decodeDriversLicense', 'lookup', 'search']);
  assert.deepEqual(Object.keys(fin.accounts).sort(), ['calculateInterest', 'verify']);
});

// The clock tests come last: they move the sandbox clock forward for good.
test('the token is refreshed with the refresh token in its last minute', async () => {
  // A client of its own, so its token is fetched here, at the clocks' "now": the shared client's
  // token dates from the first test, and the 50 s margin below would shrink by however long the
  // tests in between took (a slow run would see an expired token and a client_credentials grant).
  const own = (await createClient({ baseUrl: server.baseUrl, financing: { ...demo, now }, fetch: recordingFetch })).financing;
  const first = tokenRequests().length;
  await own.customers.lookup({ account_number: ADA });
  assert.deepEqual(tokenRequests().slice(first).map(grantOf), ['client_credentials']);
  const tokens = tokenRequests().length;
  await advance(1150, { clientToo: true });               // 50 s left on both clocks
  const ada = await own.customers.lookup({ account_number: ADA });
  assert.equal(ada.customer_id, 100000000001);
  const fresh = tokenRequests().slice(tokens);
  assert.deepEqual(fresh.map(grantOf), ['refresh_token']);
  assert.ok(!new URLSearchParams(fresh[0].body).has('scope'));
  // The refreshed token is good for another 20 minutes: no token request for the next call.
  await advance(600, { clientToo: true });
  await own.customers.lookup({ account_number: ADA });
  assert.equal(tokenRequests().length, tokens + 1);
});

test('a token the server has expired is replaced once and the call goes through', async () => {
  await fin.customers.lookup({ account_number: ADA });  // expired on both clocks by now: a fresh token
  const from = sent.length;
  await advance(1300, { clientToo: false });  // only the server's clock: the client still trusts its token
  const ada = await fin.customers.lookup({ account_number: ADA });
  assert.equal(ada.customer_id, 100000000001);
  const exchanges = sent.slice(from).map((s) => (s.path.endsWith('/oauth/token') ? grantOf(s) : s.path.split('/').pop()));
  assert.deepEqual(exchanges, ['lookup', 'client_credentials', 'lookup']);
});

test('a second invalid_token is thrown, not retried again', async () => {
  let calls = 0;
  const refusing = async (url, init) => {
    if (new URL(url).pathname.endsWith('/oauth/token')) return fetch(url, init);
    calls += 1;
    return new Response(JSON.stringify({ url: '/x', message: 'The access token has expired.', error: 'invalid_token', field_errors: [] }),
      { status: 401, headers: { 'content-type': 'application/json' } });
  };
  const c = await createClient({ baseUrl: server.baseUrl, financing: demo, fetch: refusing });
  await assert.rejects(c.financing.authorizations.list(), refusedWith(AuthenticationError, 'invalid_token'));
  assert.equal(calls, 2);
});
