// The billing Customer's field rules in the browser (fields.validateBillingCustomerField): the
// same sdk rule payref-server applies (sdk/include/payref/billing_customer.hpp), so a page and the
// server refuse the same values with the same reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import createPayref from 'payref';

const { fields } = await createPayref();
const today = '2026-12-08';

test('each field rule answers its reason', () => {
  const reason = (field, text) => fields.validateBillingCustomerField(field, text, today).reason;
  assert.equal(reason('gender', 'X'), 'gender.unknown');
  assert.equal(reason('type', 'Q'), 'type.unknown');
  assert.equal(reason('code', 'a b'), 'code.malformed');
  assert.equal(reason('driverLicenseState', 'on'), 'license.state_malformed');
  assert.equal(reason('driverLicenseNumber', 'A1/2'), 'license.malformed');
  assert.equal(reason('birthDate', '2026-12-09'), 'date.in_future');
  assert.equal(reason('birthDate', '2026-02-30'), 'date.malformed');
  assert.equal(reason('email', 'a@b'), 'email.malformed');
  assert.equal(reason('countryCode', 'CAN'), 'country.malformed');
});

test('a valid value comes back as the server stores it', () => {
  assert.deepEqual(fields.validateBillingCustomerField('phone', ' (416) 555-0199 ', today),
                   { isValid: true, reason: null, value: '4165550199' });
  assert.deepEqual(fields.validateBillingCustomerField('birthDate', '2026-12-08', today),
                   { isValid: true, reason: null, value: '2026-12-08' });
  assert.deepEqual(fields.validateBillingCustomerField('city', 'Montréal', today),
                   { isValid: true, reason: null, value: 'Montréal' });  // no rule of its own
});

test('empty is not set, and a bad today is the caller\'s mistake', () => {
  assert.deepEqual(fields.validateBillingCustomerField('gender', '   ', today), { isValid: true, reason: null, value: null });
  assert.throws(() => fields.validateBillingCustomerField('gender', 'M', 'not a date'), TypeError);
  assert.equal(fields.validateBillingCustomerField('birthDate', '2999-01-01', new Date(2026, 11, 8)).reason, 'date.in_future');
});
