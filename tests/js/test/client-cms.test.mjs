// The CMS subscriptions family through the npm package's API client against a live payref-server:
// sign-on on first use, every client.cms.subscriptions call, typed errors, and the session renewed
// by itself after the test clock has moved 31 minutes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  createClient, PayrefError, ValidationError, DeclinedError, AuthenticationError, NotFoundError, ConflictError, NetworkError,
} from 'payref';
import { startServer } from '../support/server.mjs';

const server = await startServer();
after(() => server.stop());
const admin = { Authorization: `Bearer ${server.adminToken}` };
const credentials = await (await fetch(`${server.baseUrl}/_sandbox/credentials`, { headers: admin })).json();
const cms = { identityToken: credentials.cms.IdentityToken, merchantProfileId: credentials.cms.MerchantProfileId };

// A fetch that counts sign-ons and every call, to see what the client sent.
function countingFetch() {
  const counts = { signOn: 0, calls: 0 };
  const fetchFn = (url, init) => {
    counts.calls++;
    if (String(url).includes('/SIS.svc/token')) counts.signOn++;
    return fetch(url, init);
  };
  return { counts, fetchFn };
}
const main = countingFetch();
const client = await createClient({ baseUrl: server.baseUrl, cms, fetch: main.fetchFn });

let counter = 0;
const unique = (prefix) => `${prefix}-${process.pid}-${counter++}`;
const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const subscription = (extra = {}, card = '4111111111111111') => ({
  Subscription: {
    Amount: 9.99, TrialAmount: 1.0, TotalTrialInvoices: 1, Description: 'Render Pro, monthly', MerchantSubscriptionId: unique('RP'),
    StartDate: `${day(0)}T00:00:00Z`, NextProcessingDate: `${day(3)}T00:00:00-06:00`, IntervalUnit: 'Month', IntervalLength: 1,
    IntervalCount: 12, Order: { CurrencyCode: 'USD', BillingData: { FirstName: 'Ada', LastName: 'Lovelace' } },
    PaymentData: { CardType: 'Visa', PaymentAccountNumber: card, PaymentAccountExpiration: '1235' }, ...extra,
  },
  Scope: 'MerchantProfileId',
});

test('create signs on once, then get, query and invoice read the subscription', async () => {
  const id = await client.cms.subscriptions.create(subscription());
  assert.match(id, /^[0-9A-F]{32}$/);
  assert.equal(main.counts.signOn, 1);
  const detail = await client.cms.subscriptions.get(id);
  assert.equal(detail.SubscriptionReferenceId, id);
  assert.equal(detail.SubscriptionState, 'Pending');
  assert.equal(detail.Amount, 9.99);
  assert.equal(detail.PaymentData, null);
  const page = await client.cms.subscriptions.query({ QuerySubscriptionParameters: { SubscriptionReferenceId: id } });
  assert.equal(page.TotalFound, 1);
  assert.equal(page.Subscriptions[0].SubscriptionReferenceId, id);
  const invoice = await client.cms.subscriptions.invoice(id);
  assert.equal(invoice.Status, 'Successful');
  assert.match(invoice.InvoiceReferenceId, /^[0-9A-F]{32}$/);
  const after = await client.cms.subscriptions.get(id, { MerchantProfileId: cms.merchantProfileId });
  assert.equal(after.SubscriptionState, 'Active');
  assert.equal(after.InvoiceCount, 1);
  assert.equal(main.counts.signOn, 1);  // one session for every call
});

test('update, updateState and delete resolve to null and change the subscription', async () => {
  const request = subscription();
  const id = await client.cms.subscriptions.create(request);
  await client.cms.subscriptions.invoice(id);
  assert.equal(await client.cms.subscriptions.updateState(id, { SubscriptionState: 'Suspended' }), null);
  assert.equal((await client.cms.subscriptions.get(id)).SubscriptionState, 'Suspended');
  assert.equal(await client.cms.subscriptions.updateState(id, { SubscriptionState: 'Active' }), null);
  const { PaymentData, ...kept } = request.Subscription;
  assert.ok(PaymentData);
  assert.equal(await client.cms.subscriptions.update(id, { ...request, Subscription: { ...kept, Amount: 12.5 } }), null);
  assert.equal((await client.cms.subscriptions.get(id)).Amount, 12.5);
  assert.equal(await client.cms.subscriptions.delete(id), null);
  await assert.rejects(client.cms.subscriptions.get(id), (e) => {
    assert.ok(e instanceof NotFoundError);
    assert.equal(e.code, '510');
    assert.equal(e.family, 'cms');
    assert.equal(e.httpStatus, 404);
    return true;
  });
});

test('invalid fields throw ValidationError with every message and the first field', async () => {
  const bad = subscription({ Amount: '12.5', IntervalUnit: 'Fortnight' }, '4111111111111112');
  await assert.rejects(client.cms.subscriptions.create(bad), (e) => {
    assert.ok(e instanceof ValidationError);
    assert.ok(e instanceof PayrefError);
    assert.equal(e.code, '0');
    assert.equal(e.field, 'Subscription.Amount');
    assert.match(e.message, /IntervalUnit/);
    assert.match(e.message, /PaymentAccountNumber/);
    return true;
  });
});

test('a refused state change and a reused MerchantSubscriptionId throw ConflictError', async () => {
  const request = subscription();
  const id = await client.cms.subscriptions.create(request);
  await assert.rejects(client.cms.subscriptions.updateState(id, { SubscriptionState: 'Active' }),
    (e) => e instanceof ConflictError && e.code === '520');
  await assert.rejects(client.cms.subscriptions.create(request), (e) => e instanceof ConflictError && e.code === '521');
});

test('a declined invoice throws DeclinedError and changes nothing', async () => {
  const id = await client.cms.subscriptions.create(subscription({ TotalTrialInvoices: 0 }, '4000000000000002'));
  await assert.rejects(client.cms.subscriptions.invoice(id), (e) => {
    assert.ok(e instanceof DeclinedError);
    assert.equal(e.code, '2');
    assert.match(e.message, /^Declined/);
    return true;
  });
  assert.equal((await client.cms.subscriptions.get(id)).InvoiceCount, 0);
});

test('a wrong identity token throws AuthenticationError without retrying', async () => {
  const probe = countingFetch();
  const stranger = await createClient({ baseUrl: server.baseUrl, cms: { identityToken: 'not-a-token' }, fetch: probe.fetchFn });
  await assert.rejects(stranger.cms.subscriptions.query(), (e) => e instanceof AuthenticationError && e.code === '5005');
  assert.deepEqual(probe.counts, { signOn: 1, calls: 1 });
});

test('the core refuses requests it cannot build, and a dead server throws NetworkError', async () => {
  await assert.rejects(client.cms.subscriptions.create([1]), (e) => e instanceof ValidationError && e.code === 'client.request_not_object');
  await assert.rejects(client.cms.subscriptions.get(''), (e) => e instanceof ValidationError && e.code === 'client.path_parameter_missing');
  const offline = await createClient({ baseUrl: 'http://127.0.0.1:9', cms });
  await assert.rejects(offline.cms.subscriptions.query(), (e) => e instanceof NetworkError && e.family === 'cms');
});

test('after the clock moves 31 minutes the client signs on again once and the call succeeds', async () => {
  const probe = countingFetch();
  const renewing = await createClient({ baseUrl: server.baseUrl, cms, fetch: probe.fetchFn });
  const id = await renewing.cms.subscriptions.create(subscription());
  assert.deepEqual(probe.counts, { signOn: 1, calls: 2 });
  const moved = await fetch(`${server.baseUrl}/_sandbox/clock/advance`,
    { method: 'POST', headers: { ...admin, 'Content-Type': 'application/json' }, body: JSON.stringify({ seconds: 31 * 60 }) });
  assert.equal(moved.status, 200);
  // Two calls at once: one expired answer each, one new sign-on between them.
  const [a, b] = await Promise.all([renewing.cms.subscriptions.get(id), renewing.cms.subscriptions.get(id)]);
  assert.equal(a.SubscriptionReferenceId, id);
  assert.equal(b.SubscriptionReferenceId, id);
  assert.equal(probe.counts.signOn, 2);
  assert.equal(probe.counts.calls, 2 + 2 + 1 + 2);  // expired get ×2, sign-on, retried get ×2
  // The old client's session expired too: it renews on its own.
  assert.equal((await client.cms.subscriptions.get(id)).SubscriptionReferenceId, id);
  assert.equal(main.counts.signOn, 2);
});

test('the CMS client is frozen and has the seven subscription calls', () => {
  assert.ok(Object.isFrozen(client.cms.subscriptions));
  assert.deepEqual(Object.keys(client.cms.subscriptions).sort(),
    ['create', 'delete', 'get', 'invoice', 'query', 'update', 'updateState']);
});
