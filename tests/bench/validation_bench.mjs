// Validation calls per second through the npm package in Node, side by side with braintree's
// card-validator on the same 100k inputs (issue 2 targets: number ≥ 20×, expiry ≥ 2×).
// Not a test: it measures and prints. Numbers are recorded in docs/performance.md.
import cardValidator from 'card-validator';
import createPayref from 'payref';
import { cardNumbers, expiryDates } from './inputs.mjs';

const ROUNDS = 7;
const payref = await createPayref();
const today = new Date();

function rate(fn, inputs) {
  let sink = 0;
  for (const x of inputs.slice(0, 20_000)) sink += fn(x).isValid ? 1 : 0;  // warm-up (JIT)
  const rates = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    for (const x of inputs) sink += fn(x).isValid ? 1 : 0;
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    rates.push(inputs.length / seconds);
  }
  rates.sort((a, b) => a - b);
  return { median: rates[ROUNDS >> 1], min: rates[0], max: rates[ROUNDS - 1], sink };
}

function agreement(inputs, a, b, same) {
  let agree = 0;
  const differ = new Map();
  for (const x of inputs) {
    const key = same(a(x), b(x));
    if (key === true) agree++;
    else differ.set(key, (differ.get(key) ?? 0) + 1);
  }
  return { agree, differ };
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const rows = [];
function compare(name, inputs, theirs, ours, target, same) {
  const t = rate(theirs, inputs);
  const o = rate(ours, inputs);
  const ratio = o.median / t.median;
  rows.push({ name, theirs: t, ours: o, ratio, target });
  const { agree, differ } = agreement(inputs, theirs, ours, same);
  console.log(`${name}: card-validator ${fmt(t.median)}/s (min ${fmt(t.min)}, max ${fmt(t.max)}) | payref ${fmt(o.median)}/s (min ${fmt(o.min)}, max ${fmt(o.max)}) | ${ratio.toFixed(1)}x, target ≥ ${target}x: ${ratio >= target ? 'met' : 'NOT met'}`);
  console.log(`  same verdict on ${agree} of ${inputs.length} inputs` + (differ.size ? `; differences: ${[...differ].map(([k, v]) => `${k} ×${v}`).join(', ')}` : ''));
}

const numbers = cardNumbers();
compare('card number', numbers, (x) => cardValidator.number(x), (x) => payref.card.validateNumber(x), 20, (a, b) => {
  if (a.isValid === b.isValid && a.isPotentiallyValid === b.isPotentiallyValid && (a.card?.type ?? null) === b.brand) return true;
  return `card-validator ${a.card?.type ?? 'none'} vs payref ${b.brand ?? 'none'}`;
});

const expiries = expiryDates();
compare('expiry date', expiries, (x) => cardValidator.expirationDate(x), (x) => payref.card.validateExpiry(x, today), 2, (a, b) => {
  if (a.isValid === b.isValid && a.isPotentiallyValid === b.isPotentiallyValid) return true;
  return `card-validator ${a.isValid}/${a.isPotentiallyValid} vs payref ${b.isValid}/${b.isPotentiallyValid} (${b.reason})`;
});

console.log(`\nnode ${process.version}, ${ROUNDS} rounds of ${numbers.length} calls each, median reported`);
if (process.env.PAYREF_BENCH_JSON) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(process.env.PAYREF_BENCH_JSON, JSON.stringify(rows, null, 2));
}
