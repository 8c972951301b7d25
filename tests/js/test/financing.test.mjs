// The financing module through the npm package: loaded only on request, and the figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import createPayref from 'payref';

test('the financing module is loaded only when asked for', async () => {
  const slim = await createPayref();
  assert.equal(slim.financing, undefined);
  assert.equal(slim.aamva, undefined);
  const full = await createPayref({ financing: true });
  assert.equal(typeof full.financing.quote, 'function');
  assert.equal(full.card.validateNumber('4111111111111111').isValid, true);
});

test('the financing module takes its own loading options', async () => {
  const bytes = await readFile(new URL('../../../npm/dist/payref-financing.wasm', import.meta.url));
  const payref = await createPayref({ financing: { wasmBinary: bytes } });
  assert.equal(payref.financing.quote('250.00', 'CAD', { monthlyAdminFee: '3.00' }, 6).termAmount, '44.67');
});

test('quotes and APRs of the issue', async () => {
  const { financing } = await createPayref({ financing: true });
  const fee = { category: 'equal_billing', rate: '0', monthlyAdminFee: '3.00' };
  assert.equal(financing.quote('250.00', 'CAD', fee, 6).termAmount, '44.67');
  assert.equal(financing.quote('250.00', 'CAD', fee, 12).termAmount, '23.83');
  assert.equal(financing.quote('10.50', 'CAD', { rate: 0.0999 }, 3).termAmount, '3.56');  // numbers read as their text
  assert.deepEqual(financing.costOfBorrowingApr(250, 'CAD', { monthlyAdminFee: 3 }, 6), { ok: true, basisPoints: 2469, rate: '0.2469' });
  assert.equal(financing.costOfBorrowingApr('250.00', 'CAD', { monthlyAdminFee: '3.00' }, 12).basisPoints, 2658);
  assert.equal(financing.costOfBorrowingApr('10.50', 'CAD', { rate: '0.0999' }, 3).basisPoints, 999);
  assert.equal(financing.quote('250.00', 'CAD', fee).reason, 'financing.term_invalid');  // no term
  assert.equal(financing.quote('250.00', 'CAD', null, '6').termAmount, '41.67');  // no plan: 0 %, no fee
});

test('repeated quotes and decodes keep giving the same results', async () => {
  const { financing, aamva } = await createPayref({ financing: true });
  for (let i = 0; i < 2000; i++) {
    financing.quote('1234.56', 'CAD', { rate: '0.2999', monthlyAdminFee: '2.50' }, 1 + (i % 120));
    aamva.decode('@\n\x1e\rANSI 636012090001DL00310200DLDAQA1\nDCSX\nDACY\nDBB19840229\nDBA20280229\nDAJON\r');
  }
  const r = aamva.decode('@\n\x1e\rANSI 636012090001DL00310200DLDAQA1\nDCSX\nDACY\nDBB19840229\nDBA20280229\nDAJON\r');
  assert.equal(r.govidType, 'CADL');
});
