// The npm package's API client against a live payref-server: requests built and answers read by
// the wasm core, typed errors, idempotency, GET-only reads and path parameters.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  createClient, PayrefError, ValidationError, DeclinedError, AuthenticationError, NotFoundError, ConflictError, NetworkError,
} from 'payref';
import { startServer } from '../support/server.mjs';

const server = await startServer();
after(() => server.stop());
const client = await createClient({ baseUrl: server.baseUrl, gateway: server.gateway });

let counter = 0;
const unique = (prefix) => `${prefix}-${process.pid}-${Date.now()}-${counter++}`;
const expiry = `12/${String((new Date().getUTCFullYear() + 3) % 100).padStart(2, '0')}`;
const charge = (cardNumber, extra = {}) => ({
  Amount: '25.00', CurrencyCode: 'USD', Email: `${unique('buyer')}@example.com`, TransactionReference: unique('ref'),
  Card: { CardNumber: cardNumber, ExpiryDate: expiry, CVV: '123' }, ...extra,
});

test('an approved charge returns the Response member', async () => {
  const r = await client.gateway.payments.charge(charge('4242424242424242'));
  assert.equal(r.Amount, '25.00');
  assert.equal(r.Status, 'Charged');
  assert.match(r.TransactionId, /^3[0-9]{8}$/);
  assert.match(r.MaskedCardNumber, /^424242\*+4242$/);
});

test('a declining test card throws DeclinedError with the gateway code', async () => {
  await assert.rejects(client.gateway.payments.charge(charge('4000000000000002')), (e) => {
    assert.ok(e instanceof DeclinedError);
    assert.ok(e instanceof PayrefError);
    assert.equal(e.kind, 'declined');
    assert.equal(e.code, '51');
    assert.equal(e.family, 'gateway');
    return true;
  });
});

test('an invalid card number throws ValidationError naming the field', async () => {
  await assert.rejects(client.gateway.payments.charge(charge('4242424242424241')), (e) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.code, '05');
    assert.equal(e.field, 'Request.Card.CardNumber');
    assert.match(e.message, /card\.luhn_failed/);
    return true;
  });
});

test('a reused TransactionReference throws ConflictError', async () => {
  const request = charge('4242424242424242');
  await client.gateway.payments.charge(request);
  await assert.rejects(client.gateway.payments.charge(request), ConflictError);
});

test('the same idempotency key replays the first answer', async () => {
  const request = charge('4242424242424242');
  const first = await client.gateway.payments.charge(request, { idempotencyKey: unique('idem') + 'x' });
  const key = unique('idem');
  const a = await client.gateway.payments.charge({ ...request, TransactionReference: unique('ref') }, { idempotencyKey: key });
  const b = await client.gateway.payments.charge({ ...request, TransactionReference: a.TransactionReference }, { idempotencyKey: key });
  assert.notEqual(first.TransactionId, a.TransactionId);
  assert.equal(a.TransactionId, b.TransactionId);
});

test('wrong credentials throw AuthenticationError', async () => {
  const stranger = await createClient({ baseUrl: server.baseUrl, gateway: { id: server.gateway.id, key: 'wrong' } });
  await assert.rejects(stranger.gateway.transactions.list({ Email: 'a@example.com' }), AuthenticationError);
  await assert.rejects(stranger.gateway.packages.software('100001'), AuthenticationError);
});

test('an unknown transaction throws NotFoundError', async () => {
  await assert.rejects(client.gateway.payments.refund({ TransactionId: '399999999', Amount: '1.00', CurrencyCode: 'USD',
    OriginalTransactionReference: 'x', AuthCode: 'ABC123' }), NotFoundError);
});

test('GET-only reads and path parameters go through the query string', async () => {
  const software = await client.gateway.packages.software('100001');
  assert.equal(software.Sku, 'RR-RND-STD-1Y');
  const memberships = await client.gateway.memberships.list('nobody@example.com');
  assert.equal(memberships.IsMember, 'False');
  assert.deepEqual(memberships.Memberships, []);
  const list = await client.gateway.transactions.list({ Email: 'nobody@example.com' });
  assert.deepEqual(list.Transactions, []);
});

test('a server that does not answer throws NetworkError', async () => {
  const offline = await createClient({ baseUrl: 'http://127.0.0.1:9', gateway: server.gateway });
  await assert.rejects(offline.gateway.transactions.list({ Email: 'a@example.com' }), NetworkError);
});

test('an answer whose body is cut short throws NetworkError in every family', async () => {
  // fetch resolves (headers arrived), then reading the body fails: no whole answer.
  const cutShort = async () => ({ status: 200, text: async () => { throw new TypeError('terminated'); } });
  const broken = await createClient({
    baseUrl: server.baseUrl, fetch: cutShort, gateway: server.gateway,
    billing: { username: 'u', password: 'p' }, cms: { identityToken: 't' },
    financing: { clientId: 'c', clientSecret: 's' },
  });
  const calls = {
    gateway: () => broken.gateway.transactions.list({ Email: 'a@example.com' }),
    billing: () => broken.billing.customers.find(),
    cms: () => broken.cms.subscriptions.query(),
    financing: () => broken.financing.customers.lookup({ account_number: '1' }),
  };
  for (const [family, call] of Object.entries(calls)) {
    await assert.rejects(call(), (e) => {
      assert.ok(e instanceof NetworkError, `${family}: ${e}`);
      assert.equal(e.family, family);
      assert.match(e.message, /terminated/);
      return true;
    });
  }
});

test('a discount code is checked locally before the server is asked', async () => {
  const requests = async () => {
    const res = await fetch(`${server.baseUrl}/_sandbox/requests?limit=9999`, { headers: { authorization: `Bearer ${server.adminToken}` } });
    return (await res.json()).filter((r) => r.path === '/api/v1/discountcode/validate').length;
  };
  const before = await requests();
  await assert.rejects(client.gateway.discountCodes.check('no spaces!'), (e) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.code, 'discount.malformed');
    assert.equal(e.field, 'Request.DiscountCode');
    return true;
  });
  await assert.rejects(client.gateway.discountCodes.check('AB'), (e) => e.code === 'discount.too_short');
  assert.equal(await requests(), before);
  await client.gateway.discountCodes.add({ DiscountCode: 'CHECK15', Percent: '15' });
  const r = await client.gateway.discountCodes.check('CHECK15', { amount: '40.00', currency: 'USD' });
  assert.equal(r.DiscountAmount, '6.00');
  assert.equal(r.Total, '34.00');
  assert.equal(await requests(), before + 1);
  await assert.rejects(client.gateway.discountCodes.check('NOSUCHCODE'), NotFoundError);
});

test('the client is frozen and lists every resource', () => {
  assert.ok(Object.isFrozen(client.gateway));
  assert.ok(Object.isFrozen(client.gateway.payments));
  for (const resource of ['clients', 'customers', 'paymentProfiles', 'discountCodes', 'isv', 'memberships', 'payments', 'packages',
    'profiles', 'recurringPayments', 'transactions'])
    assert.equal(typeof client.gateway[resource], 'object', resource);
});
