// Not a test: it measures and prints (numbers in docs/performance.md). Starts payref-server with a
// frozen clock, registers 1,000 customers with 10 monthly recurring payments each (10,000 active
// schedules), then times one POST /_sandbox/clock/advance {"days": 365} — about 120,000 charges,
// each a stored-card charge recorded as a transaction. Everything targets 127.0.0.1.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../js/support/paths.mjs';

const binary = process.env.PAYREF_SERVER ?? path.join(repoRoot, 'build/native/server/payref-server');
const customers = Number(process.env.CUSTOMERS ?? 1000);
const perCustomer = Number(process.env.SCHEDULES_PER_CUSTOMER ?? 10);
const data = mkdtempSync(path.join(tmpdir(), 'payref-clock-bench-'));
const server = spawn(binary, ['--port', '0', '--data', data, '--admin-token', 'bench', '--log-level', 'warn',
  '--clock', '2026-01-15T10:00:00Z'], { stdio: ['ignore', 'pipe', 'inherit'] });
const startup = await new Promise((resolve, reject) => {
  let text = '';
  server.stdout.on('data', (chunk) => {
    text += chunk;
    if (/Key [0-9a-f]+/.test(text)) resolve(text);
  });
  server.on('exit', (code) => reject(new Error(`payref-server exited with ${code}`)));
});
const base = startup.match(/http:\/\/[0-9.]+:[0-9]+/)[0];
const auth = { Id: startup.match(/Id ([0-9]+)/)[1], Key: startup.match(/Key ([0-9a-f]+)/)[1] };

const post = async (route, body, headers = {}) => {
  const res = await fetch(base + route, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = await res.json();
  if (res.status !== 200 || (json.Message && json.Message.Code !== '00')) throw new Error(`${route}: ${res.status} ${JSON.stringify(json)}`);
  return json;
};
// Runs `task(i)` for i in [0, n) with `width` in flight.
const inParallel = async (n, width, task) => {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => { while (next < n) await task(next++); }));
};

try {
  let t0 = performance.now();
  const ids = new Array(customers);
  await inParallel(customers, 32, async (i) => {
    const r = await post('/api/v1/customer/register', { Authentication: auth, Request: {
      Email: `bench${i}@example.com`, Card: { CardNumber: '4111111111111111', ExpiryDate: '12/35', CVV: '123' },
      Name: { FirstName: 'Bench', LastName: `Customer${i}` },
      BillingAddress: { Street: '1 Main St', City: 'New York', Zip: '10001', Country: 'USA' } } });
    ids[i] = r.Response;
  });
  await inParallel(customers * perCustomer, 32, async (k) => {
    const c = ids[Math.floor(k / perCustomer)];
    const day = 16 + (k % 13);  // due dates spread over the month
    await post('/api/v1/recurringpayments/register', { Authentication: auth, Request: { CustomerProfileId: c.CustomerProfileId,
      Recurring: { PaymentProfileId: c.PaymentProfileId, Amount: '19.99', CurrencyCode: 'USD', Frequency: '2',
        StartDateTime: `2026-01-${day} 00:00:00`, Description: 'bench' } } });
  });
  const setup = (performance.now() - t0) / 1000;
  console.log(`set-up: ${customers} customers, ${customers * perCustomer} active monthly schedules in ${setup.toFixed(1)} s`);

  t0 = performance.now();
  const res = await fetch(`${base}/_sandbox/clock/advance`, { method: 'POST', headers: { authorization: 'Bearer bench' },
    body: JSON.stringify({ days: 365 }) });
  const answer = await res.json();
  const seconds = (performance.now() - t0) / 1000;
  if (res.status !== 200) throw new Error(JSON.stringify(answer));
  console.log(`advance 365 days: ${answer.charges} charges in ${seconds.toFixed(1)} s ` +
    `(${Math.round(answer.charges / seconds)} charges/s); clock now ${answer.now}`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  rmSync(data, { recursive: true, force: true });
}
