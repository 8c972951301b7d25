// Compiled (not run) by js/test/types.test.mjs: the hand-written index.d.ts must describe the
// package well enough for strict TypeScript users, and reject misuse.
import createPayref, {
  createClient, DeclinedError, PayrefError, type CardNumberValidation, type MoneyResult, type Payref, type PayrefClient,
} from 'payref';
import createValidation from 'payref/validation';

async function checkout(): Promise<string> {
  const payref: Payref = await createPayref();
  const slim = await createValidation({ locateFile: (f) => `/static/${f}` });
  const n: CardNumberValidation = payref.card.validateNumber('4111 1111 1111 1111', { maxLength: 16 });
  const brand: string | null = n.brand;
  const size: number | undefined = n.card?.code.size;
  const e = slim.card.validateExpiry({ month: 10, year: '2030' }, new Date());
  const year: number | null = e.year;
  const m: MoneyResult = payref.money.parse('20.50', 'USD');
  const minor = m.ok ? m.minorUnits : m.reason.length;
  // @ts-expect-error validateNumber takes text, not an options object first
  payref.card.validateNumber({ maxLength: 16 });
  // @ts-expect-error a frozen brand table entry cannot be changed
  payref.card.brands()[0].type = 'visa';
  return `${brand} ${size} ${year} ${minor} ${payref.fields.validateCountry('CAN', 'alpha3').reason}`;
}

async function pay(): Promise<string> {
  const client: PayrefClient = await createClient({ baseUrl: 'http://127.0.0.1:8080', gateway: { id: '170200000', key: 'k' } });
  try {
    const r = await client.gateway.payments.charge({ Amount: '1.00' }, { idempotencyKey: 'order-1' });
    const software = await client.gateway.packages.software('100001');
    return `${r?.TransactionId} ${software?.Sku}`;
  } catch (e) {
    if (e instanceof DeclinedError) return e.code ?? '';
    if (e instanceof PayrefError) return e.kind;
    throw e;
  }
  // @ts-expect-error there is no such resource
  client.gateway.refunds.create({});
  // @ts-expect-error software() takes its id first
  client.gateway.packages.software({ Sku: 'x' });
}

void checkout;
void pay;
