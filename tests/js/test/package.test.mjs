// The npm package as a user meets it: its exports, the shape of what it returns, and that no
// input, however odd, throws or corrupts later results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import createPayref, { createPayref as named } from 'payref';
import createValidation from 'payref/validation';

const payref = await createPayref();

test('default, named and validation-subpath entry points all load the core', async () => {
  assert.equal(named, createPayref);
  const slim = await createValidation();
  assert.equal(slim.card.validateNumber('4111111111111111').isValid, true);
});

test('validators return plain objects that need no delete()', () => {
  const results = [
    payref.card.validateNumber('4111 1111 1111 1111'),
    payref.card.validateExpiry('10/30', '2026-11-23'),
    payref.card.validateCvv('123', 'visa'),
    payref.fields.validateEmail('a@example.com'),
    payref.money.parse('20.50', 'USD'),
  ];
  for (const r of results) {
    assert.equal(Object.getPrototypeOf(r), Object.prototype);
    assert.equal(typeof r.delete, 'undefined');
  }
});

test('card number result names the brand and its table entry', () => {
  const r = payref.card.validateNumber('3782-822463-10005');
  assert.equal(r.brand, 'american-express');
  assert.equal(r.card.niceType, 'American Express');
  assert.deepEqual([...r.card.gaps], [4, 10]);
  assert.equal(r.card.code.size, 4);
  assert.equal(r.card, payref.card.brandInfo('american-express'));
});

test('non-string inputs are coerced to text, never thrown on', () => {
  const odd = [undefined, null, 4111111111111111, {}, [], true, Symbol.iterator.description, NaN];
  for (const value of odd) {
    assert.doesNotThrow(() => payref.card.validateNumber(value));
    assert.doesNotThrow(() => payref.card.validateExpiry(value, '2026-11-23'));
    assert.doesNotThrow(() => payref.card.validateCvv(value, value));
    assert.doesNotThrow(() => payref.fields.validatePostalCode(value, value));
    assert.doesNotThrow(() => payref.money.parse(value, value));
  }
  assert.equal(payref.card.validateNumber(null).reason, 'card.empty');
  assert.equal(payref.card.validateNumber({}).reason, 'card.non_digit');
});

test('non-ASCII and lone surrogates are handled as text', () => {
  assert.equal(payref.card.validateNumber('４１１１').reason, 'card.non_digit');
  assert.equal(payref.card.validateNumber('4111\uD800').reason, 'card.non_digit');
  assert.equal(payref.card.validateCardholderName('Zoë Ångström').isValid, true);
  // After a non-ASCII call the ASCII fast path still sees exactly its own bytes.
  assert.equal(payref.card.validateNumber('4111111111111111').isValid, true);
});

test('very long input is judged, and the next call is unaffected', () => {
  const long = '4'.repeat(200_000);
  const r = payref.card.validateNumber(long);
  assert.equal(r.isValid, false);
  assert.equal(r.reason, 'card.too_long');
  assert.equal(payref.card.validateExpiry('1'.repeat(100_000), '2026-11-23').isValid, false);
  assert.equal(payref.card.validateNumber('4111111111111111').isValid, true);
});

test('today may be a Date or YYYY-MM-DD, and a bad today is reported', () => {
  const fromDate = payref.card.validateExpiry('11/26', new Date(2026, 10, 23));
  const fromText = payref.card.validateExpiry('11/26', '2026-11-23');
  assert.deepEqual(fromDate, fromText);
  assert.equal(fromText.isValid, true);
  assert.equal(payref.card.validateExpiry('11/26', new Date(2026, 11, 1)).reason, 'expiry.expired');
  assert.equal(payref.card.validateExpiry('11/26', '2026-02-30').reason, 'expiry.today_invalid');
  assert.equal(payref.card.validateExpiry('11/26', new Date('nonsense')).reason, 'expiry.today_invalid');
});

test('expiry accepts {month, year} with numbers or strings', () => {
  assert.deepEqual(payref.card.validateExpiry({ month: 3, year: 2029 }, '2026-11-23'),
    { isValid: true, isPotentiallyValid: true, reason: null, month: 3, year: 2029 });
  assert.equal(payref.card.validateExpiry({ month: '13', year: '29' }, '2026-11-23').reason, 'expiry.month_invalid');
});

test('many calls do not grow wasm memory', () => {
  for (let i = 0; i < 2000; i++) payref.fields.validateEmail(`user${i}@example.com`);
  const before = payref.card.brands().length;
  const memory = () => process.memoryUsage().arrayBuffers;
  const start = memory();
  for (let i = 0; i < 200_000; i++) {
    payref.card.validateNumber(`4111 1111 1111 ${1000 + (i % 9000)}`);
    payref.card.validateExpiry(`${1 + (i % 12)}/${27 + (i % 5)}`, '2026-11-23');
    payref.fields.validatePostalCode('K1A 0B1', 'CA');
  }
  assert.equal(payref.card.brands().length, before);
  assert.ok(memory() - start < 8 << 20, `array buffers grew by ${memory() - start} bytes`);
});

test('money amounts cross as exact numbers', () => {
  assert.deepEqual(payref.money.parse('90071992547409.91', 'USD'),
    { ok: true, minorUnits: 9007199254740991, currency: 'USD', text: '90071992547409.91' });
  assert.equal(payref.money.fromMinor(1.5, 'USD').ok, false);
  assert.equal(payref.money.fromMinor(1250, 'BHD').text, '1.250');
});
