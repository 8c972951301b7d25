// Financing quotes per second: the npm package's financing.quote() in Node (wasm, Embind strings
// in, a JS object out) and the same C++ natively (tests/bench/quote_bench_native.cpp, built here
// against build/native's libpayref_sdk.a with the system compiler). Not a test: it measures and
// prints; numbers are recorded in docs/performance.md ("Financing quotes").
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import createPayref from 'payref';
import { nativeBuild, repoRoot } from '../js/support/paths.mjs';

const ROUNDS = 7;
const COUNT = 5_000;

// Four plans a merchant might show, each over every term from 3 to 120 months.
const PLANS = {
  '0 % + 3.00/month admin fee': { category: 'equal_billing', rate: '', monthlyAdminFee: '3.00' },
  '9.99 % equal billing': { category: 'equal_billing', rate: '0.0999', monthlyAdminFee: '' },
  '29.99 % + 2.50/month': { category: 'equal_billing', rate: '0.2999', monthlyAdminFee: '2.50' },
  '29.99 % deferred + 3.00/month': { category: 'deferred_payment', rate: '0.2999', monthlyAdminFee: '3.00' },
};
const TERMS = [3, 6, 12, 18, 24, 36, 48, 60, 72, 120];

// Deterministic amounts from 50.00 to 9,999.99 (a linear congruential generator, fixed seed).
function inputsFor(plan) {
  let seed = 20261124;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  return Array.from({ length: COUNT }, (_, i) => {
    const cents = 5000 + (next() % 995000);
    return { amount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`, currency: 'CAD', plan, term: TERMS[i % TERMS.length] };
  });
}

const payref = await createPayref({ financing: true });

function wasmRate(inputs) {
  let checksum = 0;
  for (const x of inputs) {  // warm-up (JIT), and the checksum of the term amounts in cents
    const q = payref.financing.quote(x.amount, x.currency, x.plan, x.term);
    if (!q.ok) throw new Error(`${x.amount} ${x.term}: ${q.reason}`);
    checksum += Math.round(Number(q.termAmount) * 100);
  }
  const rates = [];
  let sink = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    for (const x of inputs) sink += payref.financing.quote(x.amount, x.currency, x.plan, x.term).term;
    rates.push(inputs.length / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  rates.sort((a, b) => a - b);
  return { median: rates[ROUNDS >> 1], min: rates[0], max: rates[ROUNDS - 1], checksum, sink };
}

// The native twin, compiled once into a temporary directory.
function buildNative() {
  const lib = path.join(nativeBuild, 'sdk/libpayref_sdk.a');
  if (!existsSync(lib)) return { skipped: `${lib} is missing (make native)` };
  const dir = mkdtempSync(path.join(tmpdir(), 'payref-quote-bench-'));
  const exe = path.join(dir, 'quote_bench_native');
  const cxx = process.env.CXX ?? 'g++';
  const r = spawnSync(cxx, ['-O2', '-DNDEBUG', '-std=c++20', '-I', path.join(repoRoot, 'sdk/include'),
    path.join(repoRoot, 'tests/bench/quote_bench_native.cpp'), lib, '-o', exe], { encoding: 'utf8' });
  if (r.status !== 0) return { skipped: `${cxx} failed: ${r.stderr.slice(0, 500)}`, dir };
  return { exe, dir };
}

function nativeRate(native, inputs) {
  const text = inputs.map((x) => [x.amount, x.currency, x.plan.category || '-', x.plan.rate || '-',
    x.plan.monthlyAdminFee || '-', x.term].join(' ')).join('\n');
  const r = spawnSync(native.exe, [String(ROUNDS)], { input: text, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`native quote bench failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const native = buildNative();
if (native.skipped) console.log(`native: skipped (${native.skipped})`);
console.log(`financing.quote(): ${COUNT} quotes per plan (CAD 50.00–9,999.99, terms ${TERMS.join('/')} months), ${ROUNDS} rounds, median`);
try {
  for (const [name, plan] of Object.entries(PLANS)) {
    const inputs = inputsFor(plan);
    const w = wasmRate(inputs);
    let line = `  ${name.padEnd(31)} wasm (npm, Node) ${fmt(w.median).padStart(9)}/s (min ${fmt(w.min)}, max ${fmt(w.max)})`;
    if (native.exe) {
      const n = nativeRate(native, inputs);
      line += ` | native ${fmt(n.median).padStart(9)}/s (min ${fmt(n.min)}, max ${fmt(n.max)})` +
        ` | native/wasm ${(n.median / w.median).toFixed(1)}x | same term amounts: ${n.checksum === w.checksum ? 'yes' : `NO (${n.checksum} vs ${w.checksum})`}`;
    }
    console.log(line);
  }
} finally {
  if (native.dir) rmSync(native.dir, { recursive: true, force: true });
}
