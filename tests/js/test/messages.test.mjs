// Shopper-facing messages for the core's reasons (`payref/messages`): the shipped tables equal the
// core's data file, every reason the shared vectors expect has its own sentence in en-CA and
// fr-CA, unknown reasons still read as a sentence, the French follows Canadian typography, and
// none of it travels in the validation module. (That every reason the sources produce has a
// sentence is tests/unit/reason_messages_tests.cpp.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadMessages, messageLocales, resolveMessageLocale } from 'payref/messages';
import createPayref from 'payref';
import { repoRoot, vectorDir } from '../support/paths.mjs';

const source = JSON.parse(readFileSync(path.join(repoRoot, 'sdk/src/data/reason_messages.json'), 'utf8'));
const dist = path.join(repoRoot, 'npm/dist');
const en = await loadMessages('en-CA');
const fr = await loadMessages('fr-CA');

// Every `reason` the shared vector files expect (what the wasm and the native core return).
function vectorReasons() {
  const found = new Set();
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'reason' && typeof x === 'string' && x) found.add(x);
        else walk(x);
      }
    }
  };
  for (const f of readdirSync(vectorDir).filter((f) => f.endsWith('.json'))) walk(JSON.parse(readFileSync(path.join(vectorDir, f), 'utf8')));
  return found;
}

test('the package ships the core table, one module per locale', async () => {
  assert.deepEqual([...messageLocales], source.locales);
  for (const locale of source.locales) {
    const m = await loadMessages(locale);
    assert.equal(m.locale, locale);
    assert.deepEqual(m.reasons().sort(), Object.keys(source.reasons).sort());
    for (const [reason, entry] of Object.entries(source.reasons)) assert.equal(m.message(reason), entry[locale], reason);
    for (const [family, entry] of Object.entries(source.families)) assert.equal(m.message(`${family}.no_such_reason`), entry[locale]);
  }
  assert.equal(fr.message('card.luhn_failed'), 'Ce numéro de carte n’est pas valide\u00a0: vérifiez les chiffres.');
  assert.equal(en.message('card.luhn_failed'), 'This card number is not valid: check the digits.');
});

test('every reason the shared vectors expect has its own sentence in en-CA and fr-CA', () => {
  const reasons = vectorReasons();
  assert.ok(reasons.size >= 50, `only ${reasons.size} reasons in the vectors`);
  for (const reason of reasons) {
    assert.ok(en.has(reason), `${reason}: no en-CA sentence`);
    assert.ok(fr.has(reason), `${reason}: no fr-CA sentence`);
    assert.notEqual(fr.message(reason), en.message(reason), `${reason}: not translated`);
  }
});

test('what the validators return reads as a sentence in both languages', async () => {
  const payref = await createPayref();
  const results = [
    payref.card.validateNumber('4111 1111 1111 1112'), payref.card.validateExpiry('13/30', '2026-11-23'),
    payref.card.validateCvv('12a'), payref.fields.validatePostalCode('K1A 0B', 'CA'),
    payref.fields.validateEmail('a@'), payref.money.parse('1.005', 'CAD'), payref.money.fromMinor(1.5, 'CAD'),
    payref.card.validateExpiry('11/26', 'not a date'),
  ];
  for (const r of results) {
    assert.ok(r.reason, JSON.stringify(r));
    assert.ok(en.has(r.reason) && fr.has(r.reason), r.reason);
  }
  assert.equal(en.message(payref.card.validateNumber('4111 1111 1111 1111').reason), '');  // valid: nothing to show
});

test('an unknown reason gets its family’s sentence or a generic one, never undefined', () => {
  assert.equal(en.message('card.some_future_rule'), 'Check the card number.');
  assert.equal(fr.message('postal.some_future_rule'), 'Vérifiez le code postal.');
  for (const odd of ['nonsense', 'no_family.at_all', '.empty', 'card', '__proto__', 'constructor', 'toString', 'hasOwnProperty.x', 42, {}]) {
    assert.equal(en.message(odd), source.fallback['en-CA'], String(odd));
    assert.equal(fr.message(odd), source.fallback['fr-CA'], String(odd));
  }
  for (const none of [null, undefined, '']) assert.equal(fr.message(none), '');
  assert.equal(en.has('__proto__'), false);
});

test('locales resolve by tag, by language, then to en-CA; tables are cached', async () => {
  const cases = [['fr-CA', 'fr-CA'], ['fr', 'fr-CA'], ['FR-fr', 'fr-CA'], ['fr_CA', 'fr-CA'], ['en-US', 'en-CA'],
    [['de-DE', 'fr-BE', 'en'], 'fr-CA'], ['de', 'en-CA'], [undefined, 'en-CA'], [null, 'en-CA'], [[], 'en-CA']];
  for (const [asked, got] of cases) assert.equal(resolveMessageLocale(asked), got, JSON.stringify(asked));
  assert.equal(await loadMessages('fr'), fr);
  assert.equal((await loadMessages()).locale, 'en-CA');
  assert.equal(Object.isFrozen(fr), true);
});

test('French sentences follow Canadian typography; English uses Canadian spelling', () => {
  const all = (locale) => [source.fallback, ...Object.values(source.families), ...Object.values(source.reasons)].map((e) => e[locale]);
  for (const s of all('fr-CA')) {
    assert.doesNotMatch(s, /['"]/, `straight apostrophe or quote: ${s}`);
    assert.doesNotMatch(s, /(^|[^\u00a0]):/, `no espace insécable before ':': ${s}`);
    assert.doesNotMatch(s, /(^|[^\u202f\u00a0])[;?!]/, `no espace fine insécable before ; ? !: ${s}`);
    assert.doesNotMatch(s, /«(?!\u00a0)|(?<!\u00a0)»/, `guillemets without espaces insécables: ${s}`);
    assert.doesNotMatch(s, /\d (chiffres|caractères|mois|%)|\d \d{3}\b/, `breakable space in a number: ${s}`);
    assert.match(s, /^[A-ZÀ-Ý].*\.$/u, `a sentence: ${s}`);
  }
  for (const s of all('en-CA')) {
    assert.doesNotMatch(s, /['"]/, `straight apostrophe or quote: ${s}`);
    assert.doesNotMatch(s, /\b(zip|color|center|license|canceled|catalog|e-mail|recognise|authorise|organise)\b/i, `not en-CA: ${s}`);
    assert.match(s, /^[A-Z].*\.$/, `a sentence: ${s}`);
  }
});

test('the validation module and the browser entry carry no messages', () => {
  for (const f of ['payref-validation.wasm', 'payref-validation.mjs', 'payref-core.mjs', 'index.browser.mjs']) {
    const text = readFileSync(path.join(dist, f), 'latin1');
    assert.doesNotMatch(text, /messages|card number is not valid/, f);
    assert.ok(!readFileSync(path.join(dist, f)).includes(Buffer.from('vérifiez')), f);
  }
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'npm/package.json'), 'utf8'));
  assert.deepEqual(pkg.exports['./messages'], { types: './dist/messages.d.ts', default: './dist/messages.mjs' });
});
