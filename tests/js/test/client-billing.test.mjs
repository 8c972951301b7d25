// The billing family through the npm package's API client against a live payref-server:
// client.billing.customers.{create, find, load, modify}, requests built and answers read by the
// wasm core, failures thrown as typed errors.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  createClient, PayrefError, ValidationError, AuthenticationError, NotFoundError, ConflictError, NetworkError,
} from 'payref';
import { startServer } from '../support/server.mjs';

const server = await startServer();
after(() => server.stop());
const credentials = await (await fetch(`${server.baseUrl}/_sandbox/credentials`,
  { headers: { Authorization: `Bearer ${server.adminToken}` } })).json();
const billing = { username: credentials.billing.username, password: credentials.billing.password };
const other = credentials.billing.otherMerchant;
const account = credentials.billing.accountIds[0];
const client = await createClient({ baseUrl: server.baseUrl, billing });

let counter = 0;
const unique = (prefix) => `${prefix}-${process.pid}-${counter++}`;

test('create answers the stored customer in canonical form', async () => {
  const c = await client.billing.customers.create({
    accountId: account, firstName: 'Ada', lastName: 'Lovelace', phone: '(416) 555-0199', zipCode: 'm5v2t6', countryCode: 'CA', state: 'ON',
  });
  assert.equal(typeof c.id, 'number');
  assert.equal(c.phone, '4165550199');
  assert.equal(c.zipCode, 'M5V 2T6');
  assert.equal(c.type, 'P');
  assert.equal(c.isActive, true);
  assert.equal(c.code, String(c.id));
});

test('find filters by name prefix and pages; load and modify work on one customer', async () => {
  const last = unique('Zed');
  const a = await client.billing.customers.create({ accountId: account, firstName: 'Alma', lastName: last });
  const b = await client.billing.customers.create({ accountId: account, firstName: 'Bo', lastName: last });
  const found = await client.billing.customers.find({ lastName: last.toLowerCase(), limit: 10 });
  assert.deepEqual(found.map((c) => c.id), [a.id, b.id]);
  const second = await client.billing.customers.find({ lastName: last, offset: 1, limit: 1 });
  assert.deepEqual(second.map((c) => c.id), [b.id]);
  assert.deepEqual(await client.billing.customers.find({ lastName: unique('Nobody') }), []);
  assert.deepEqual(await client.billing.customers.load(a.id), a);
  const modified = await client.billing.customers.modify(String(a.id), { city: 'London', isActive: false });
  assert.equal(modified.city, 'London');
  assert.equal(modified.isActive, false);
  assert.equal((await client.billing.customers.load(a.id)).city, 'London');
});

test('invalid fields throw ValidationError naming the first field and listing every problem', async () => {
  await assert.rejects(client.billing.customers.create({ accountId: account, firstName: 'Ada', email: 'ada@' }), (e) => {
    assert.ok(e instanceof ValidationError);
    assert.ok(e instanceof PayrefError);
    assert.equal(e.kind, 'validation');
    assert.equal(e.family, 'billing');
    assert.equal(e.code, 'validation_error');
    assert.equal(e.httpStatus, 400);
    assert.equal(e.field, 'email');
    assert.match(e.message, /email\.malformed/);
    assert.match(e.message, /lastName/);
    return true;
  });
  await assert.rejects(client.billing.customers.find({ limit: 5000 }), (e) => e instanceof ValidationError && e.field === 'limit');
});

test('a code used twice in an account throws ConflictError', async () => {
  const customer = { accountId: account, code: unique('C'), firstName: 'Alan', lastName: 'Turing' };
  await client.billing.customers.create(customer);
  await assert.rejects(client.billing.customers.create(customer), (e) => {
    assert.ok(e instanceof ConflictError);
    assert.equal(e.code, 'duplicate');
    assert.equal(e.field, 'code');
    return true;
  });
});

test('an unknown customer, or another merchant\'s, throws NotFoundError', async () => {
  await assert.rejects(client.billing.customers.load(999999), NotFoundError);
  const mine = await client.billing.customers.create({ accountId: account, firstName: 'Kept', lastName: 'Apart' });
  const stranger = await createClient({ baseUrl: server.baseUrl, billing: { username: other.username, password: other.password } });
  await assert.rejects(stranger.billing.customers.modify(mine.id, { city: 'Paris' }), (e) => {
    assert.ok(e instanceof NotFoundError);
    assert.equal(e.httpStatus, 404);
    return true;
  });
});

test('a wrong password or no service user throws AuthenticationError', async () => {
  const wrong = await createClient({ baseUrl: server.baseUrl, billing: { username: billing.username, password: 'wrong' } });
  await assert.rejects(wrong.billing.customers.find(), (e) => e instanceof AuthenticationError && e.code === 'unauthorized');
  const nobody = await createClient({ baseUrl: server.baseUrl });
  await assert.rejects(nobody.billing.customers.load(1), AuthenticationError);
});

test('the core refuses requests it cannot build, before any fetch', async () => {
  let fetched = false;
  const spy = await createClient({ baseUrl: server.baseUrl, billing, fetch: () => { fetched = true; throw new Error('no'); } });
  await assert.rejects(spy.billing.customers.find({ lastName: ['a', 'b'] }), (e) => e instanceof ValidationError && e.code === 'client.nested_in_query');
  await assert.rejects(spy.billing.customers.load(), (e) => e instanceof ValidationError && e.code === 'client.path_parameter_missing');
  assert.equal(fetched, false);
});

test('a server that does not answer throws NetworkError', async () => {
  const offline = await createClient({ baseUrl: 'http://127.0.0.1:9', billing });
  await assert.rejects(offline.billing.customers.find(), (e) => e instanceof NetworkError && e.family === 'billing');
});

test('the billing client is frozen and has the four customer calls', () => {
  assert.ok(Object.isFrozen(client.billing.customers));
  assert.deepEqual(Object.keys(client.billing.customers).sort(), ['create', 'find', 'load', 'modify']);
});
