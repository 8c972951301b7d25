// Compiled (not run) by js/test/types.test.mjs: the hand-written index.d.ts must describe the
// package well enough for strict TypeScript users, and reject misuse.
import createPayref, {
  createClient, DeclinedError, PayrefError, type Card, type CardNumberValidation, type GatewayResponse, type MoneyResult, type Payref, type PayrefClient, type ProfileIds, type TransactionResult,
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
    const card: Card = { CardNumber: '4111111111111111', ExpiryDate: '12/30', CVV: '123' };
    const r: TransactionResult = await client.gateway.payments.charge({
      Card: card, Amount: '1.00', CurrencyCode: 'USD', Email: 'sam@example.com', TransactionReference: 'order-1',
      Name: { FirstName: 'Sam', LastName: 'Shopper' },
    }, { idempotencyKey: 'order-1' });
    const authCode: string | null = r.AuthCode;
    const software = await client.gateway.packages.software('100001');
    const memberPrice: string | null = software.MemberPrice;
    const history = await client.gateway.transactions.list({ Email: 'sam@example.com', PageSize: 10 });
    const first: number | undefined = history.Transactions[0]?.Amount;
    const more: boolean = history.MorePages;
    const ids: ProfileIds = await client.gateway.customers.register({
      Email: 'sam@example.com', Card: card, Name: { FirstName: 'Sam', LastName: 'Shopper' },
      BillingAddress: { Street: '1 Main St', City: 'Springfield', Zip: '12345', Country: 'USA' },
    });
    const bought = await client.gateway.packages.purchase({
      Email: 'sam@example.com', Skus: [{ Sku: 'RR-RND-STD-1Y', Quantity: 2 }], TransactionReference: 'order-2',
      PaymentMethod: { PaymentType: '3', StoredProfile: ids },
    });
    const licences: (string | undefined)[] = bought.Lines.map((line) => line.LicenceId);
    const joined: null = await client.gateway.clients.register({
      EmailAddress: 'dev@shop.example', FirstName: 'Ada', LastName: 'L', Company: 'Shop', ApplicationName: 'Till', CountryCode: 'USA',
    });
    const offer = await client.gateway.discountCodes.check('SPRING', { product: 'Render', amount: 19.99, currency: 'USD' });
    const total: string | undefined = offer.Total;
    const members = await client.gateway.memberships.list('sam@example.com');
    const status: string | undefined = members.Memberships[0]?.Status;
    const loose: GatewayResponse = r;
    // @ts-expect-error a misspelt request field (CardNumbr) is refused
    await client.gateway.payments.charge({ Card: { CardNumbr: '4111111111111111', ExpiryDate: '12/30', CVV: '123' }, Amount: '1.00', CurrencyCode: 'USD', Email: 'a@b.c', TransactionReference: 'x' });
    // @ts-expect-error a transaction result has no Total
    void r.Total;
    // @ts-expect-error the transaction list's Amount is a number, not text
    const text: string = history.Transactions[0].Amount;
    // @ts-expect-error a charge needs a Card
    await client.gateway.payments.charge({ Amount: '1.00', CurrencyCode: 'USD', Email: 'a@b.c', TransactionReference: 'x' });
    return `${r.TransactionId} ${authCode} ${software.Sku} ${memberPrice} ${first} ${more} ${licences} ${joined} ${total} ${status} ${loose} ${text}`;
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

async function subscribe(client: PayrefClient): Promise<string> {
  const customer = await client.billing.customers.create({ accountId: 2001, firstName: 'Ada', lastName: 'Lovelace' });
  const found = await client.billing.customers.find({ lastName: 'Love', limit: 10 });
  await client.billing.customers.modify(customer.id, { city: 'London', state: null });
  const id: string = await client.cms.subscriptions.create({
    Subscription: {
      Amount: 9.99, StartDate: '2030-01-01T00:00:00', NextProcessingDate: '2030-01-02T00:00:00', IntervalUnit: 'Month',
      IntervalLength: 1, IntervalCount: 12, Order: { CurrencyCode: 'USD' },
      PaymentData: { CardType: 'Visa', PaymentAccountNumber: '4111111111111111', PaymentAccountExpiration: '1235' },
    },
  });
  const detail = await client.cms.subscriptions.get(id);
  const done: null = await client.cms.subscriptions.updateState(id, { SubscriptionState: 'Suspended' });
  // @ts-expect-error load() takes the customer id, not a filter
  client.billing.customers.load({ lastName: 'x' });
  // @ts-expect-error a state change cannot go back to Pending
  client.cms.subscriptions.updateState(id, { SubscriptionState: 'Pending' });
  return `${found.length} ${detail.SubscriptionState} ${done}`;
}

void checkout;
void pay;
void subscribe;

async function finance(): Promise<string> {
  const client = await createClient({
    baseUrl: 'http://127.0.0.1:8080', financing: { clientId: 'payref-demo-pos', clientSecret: 's', scope: 'merchant', now: Date.now },
  });
  const offers = await client.financing.accounts.calculateInterest('30000000000001', { amount: '250.00' });
  const { verification_code } = await client.financing.accounts.verify('30000000000001', { format: 'sms' });
  const auth = await client.financing.authorizations.create({
    account_number: '30000000000001', amount: 250, auto_capture: false, verification_code,
    financing_option: { transaction_type: 'promotional_purchase', plan_id: 5, term: 6 },
  });
  const capture = await client.financing.authorizations.capture(auth.authorization_id, { amount: '150.00' });
  await client.financing.authorizations.return(auth.authorization_id, capture.capture_id, { full_return: true });
  const found = await client.financing.customers.search({ first_name: 'Ada', last_name: 'Lovelace', dob: '1985-12-10' });
  // @ts-expect-error an authorization needs auto_capture
  client.financing.authorizations.create({ account_number: 1, amount: 1, financing_option: { transaction_type: 'regular_purchase' } });
  // @ts-expect-error capture() takes the authorization id first
  client.financing.authorizations.capture({ amount: 1 });
  // @ts-expect-error the financing client needs its secret
  await createClient({ baseUrl: 'x', financing: { clientId: 'payref-demo-pos' } });
  return `${offers.amount} ${found.length}`;
}
void finance;
