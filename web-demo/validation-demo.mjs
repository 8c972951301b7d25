// A small tour of the payref validators through the built npm package (npm/dist), as a
// checkout page would use them. `make run` runs it; later the server and checkout page join.
import createPayref from '../npm/dist/index.node.mjs';

const payref = await createPayref();
const today = new Date();
const show = (label, result) => console.log(`${label.padEnd(44)} ${JSON.stringify(result, (k, v) => (k === 'card' ? undefined : v))}`);

console.log('payref validation demo (WebAssembly core in Node)\n');
console.log('As a shopper types a Visa number:');
for (const typed of ['4', '4111 1', '4111 1111 1111', '4111 1111 1111 1111', '4111 1111 1111 1112']) {
  show(`  validateNumber(${JSON.stringify(typed)})`, payref.card.validateNumber(typed));
}
console.log('\nBrand detection and formatting:');
for (const typed of ['3', '37', '2221', '6011', '5019 12', '6521 50']) {
  show(`  detect(${JSON.stringify(typed)})`, payref.card.detect(typed));
}
show('  formatNumber("378282246310005")', payref.card.formatNumber('378282246310005'));
console.log(`\nExpiry dates (today is ${today.toISOString().slice(0, 10)}):`);
for (const typed of ['1', '12/', '12/2', '12/29', '2030-07', '0199', '10 / 2099']) {
  show(`  validateExpiry(${JSON.stringify(typed)})`, payref.card.validateExpiry(typed, today));
}
console.log('\nSecurity codes and fields:');
show('  validateCvv("123", "american-express")', payref.card.validateCvv('123', 'american-express'));
show('  validatePostalCode("k1a0b1", "CA")', payref.fields.validatePostalCode('k1a0b1', 'CA'));
show('  normalizePostalCode("k1a0b1", "CA")', payref.fields.normalizePostalCode('k1a0b1', 'CA'));
show('  validateEmail("shopper@example")', payref.fields.validateEmail('shopper@example'));
show('  validateRoutingNumber("011000015")', payref.fields.validateRoutingNumber('011000015'));
show('  money.parse("20.50", "USD")', payref.money.parse('20.50', 'USD'));
show('  money.parse("20.505", "USD")', payref.money.parse('20.505', 'USD'));
