// The API client for the billing family (seed 001, docs/billing.md, docs/client-billing.md):
// client.billing.customers.{create, find, load, modify}. The wasm core (sdk/client/billing.hpp)
// builds each request (HTTP Basic with the service user, JSON) and reads each answer; this file
// only moves the bytes with fetch and turns the core's verdict into an error class.

/**
 * options.billing: { username, password } — the merchant's service user (GET /_sandbox/credentials,
 * "billing"). Operations on one customer take its id first: load(id), modify(id, changes).
 */
export function buildBilling(core, shared) {
  const { exchange, errorClasses } = shared;
  const credentials = shared.options.billing ?? {};
  const username = String(credentials.username ?? '');
  const password = String(credentials.password ?? '');

  const group = {};
  for (const op of core.billingOperations()) {
    const [resource, action] = op.name.split('.');
    (group[resource] ??= {})[action] = async (...args) => {
      const [id, request] = op.takesId ? args : [undefined, args[0]];
      const built = core.billingBuild(op.name, username, password,
        request === undefined || request === null ? '' : JSON.stringify(request), id === undefined || id === null ? '' : String(id));
      if (!built.ok) {
        throw new errorClasses.validation({ kind: 'validation', family: 'billing', code: built.reason, field: built.field, message: built.message });
      }
      const response = await exchange(built, 'billing', op.name);
      const parsed = core.billingParse(op.name, response.status, response.text);
      if (parsed.ok) return JSON.parse(parsed.response);
      throw new (errorClasses[parsed.kind] ?? errorClasses.server)(parsed);
    };
  }
  return group;
}
