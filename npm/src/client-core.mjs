// payref's API client: `client.gateway.payments.charge(request)` and every other operation. The
// wasm core (sdk/client) builds each request and reads each answer; this file only moves bytes
// with fetch and turns the core's verdicts into typed errors (DESIGN.md "Data flow"). The gateway
// lives here; each other family has its own client-<family>.mjs, given the same shared helpers.
import { errorClasses, NetworkError, ServerError, ValidationError } from './client-errors.mjs';
import { buildBilling } from './client-billing.mjs';
import { buildCms } from './client-cms.mjs';
import { buildFinancingClient } from './client-financing.mjs';

export * from './client-errors.mjs';

// A fresh key per money-moving call, so a retry of the same call object can reuse it.
export function newIdempotencyKey() {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function deepFreeze(object) {
  for (const value of Object.values(object)) if (value && typeof value === 'object') deepFreeze(value);
  return Object.freeze(object);
}

/**
 * options: { baseUrl, gateway: { id, key }, fetch? }. Operations with a path parameter take it
 * first: memberships.list(email, request?), packages.software(softwareId, request?).
 */
export function buildClient(core, options = {}) {
  const baseUrl = String(options.baseUrl ?? '').replace(/\/+$/, '');
  const send = options.fetch ?? globalThis.fetch;
  const credentials = options.gateway ?? {};

  // One HTTP exchange of a request the core built, for every family: { status, text }, or a
  // NetworkError of `family` (message led by `label`) when no whole answer arrives (nothing
  // answered, or the body was cut short). GET and DELETE carry no body.
  async function exchange(built, family, label) {
    try {
      const response = await send(baseUrl + built.path, {
        method: built.method, headers: Object.fromEntries(built.headers),
        body: built.method === 'GET' || built.method === 'DELETE' ? undefined : built.body,
      });
      return { status: response.status, text: await response.text() };
    } catch (cause) {
      const error = new NetworkError({ kind: 'network', family, message: `${label}: ${cause && cause.message}` });
      error.cause = cause;
      throw error;
    }
  }

  const gateway = {};
  for (const op of core.gatewayOperations()) {
    const [resource, action] = op.name.split('.');
    const takesParam = op.path.includes('{}');
    (gateway[resource] ??= {})[action] = async (...args) => {
      const [param, request, callOptions] = takesParam ? args : [undefined, args[0], args[1]];
      const key = op.moneyMoving ? (callOptions?.idempotencyKey ?? newIdempotencyKey()) : '';
      const built = core.gatewayBuild(op.name, String(credentials.id ?? ''), String(credentials.key ?? ''),
        request === undefined || request === null ? '' : JSON.stringify(request), param === undefined ? '' : String(param), key);
      if (!built.ok) throw new ValidationError({ kind: 'validation', family: 'gateway', code: built.reason, field: built.field, message: built.message });
      const response = await exchange(built, 'gateway', op.name);
      const parsed = core.gatewayParse(op.name, response.status, response.text);
      if (parsed.ok) return JSON.parse(parsed.response);
      throw new (errorClasses[parsed.kind] ?? ServerError)(parsed);
    };
  }
  // A discount code checked locally first (sdk/discount's syntax rule: no request for a code that
  // cannot exist), then by the server's validate endpoint (window, scope, usage, minimum).
  gateway.discountCodes.check = async (code, { product, amount, currency } = {}, callOptions) => {
    const text = code === undefined || code === null ? '' : String(code);
    const local = core.validateDiscountCode(text);
    if (!local.isValid)
      throw new ValidationError({ kind: 'validation', family: 'gateway', code: local.reason, field: 'Request.DiscountCode',
        message: `Request.DiscountCode: invalid (${local.reason})` });
    const request = { DiscountCode: text };
    if (product !== undefined) request.Product = product;
    if (amount !== undefined) request.Amount = String(amount);
    if (currency !== undefined) request.CurrencyCode = currency;
    return gateway.discountCodes.validate(request, callOptions);
  };

  // What every family's builder gets: the options and the shared helpers (exchange wraps fetch).
  const shared = { options, exchange, newIdempotencyKey, errorClasses };
  return deepFreeze({
    gateway,
    billing: buildBilling(core, shared),
    cms: buildCms(core, shared),
    financing: buildFinancingClient(core, shared),
  });
}
