// The API client for the point-of-sale financing family (seed 003, Flexiti POS API, docs/financing.md
// and docs/client-financing.md): its calls grouped by resource. The wasm core
// (sdk/client/financing.hpp) builds every request — the OAuth token requests included — reads
// every answer, decides when the token must be refreshed and which refusal deserves one new token;
// this file moves the bytes with fetch, keeps the current token, and throws the error classes.

/**
 * options.financing: { clientId, clientSecret, scope?: 'merchant' | 'customer', now?: () => ms }.
 * `now` is the clock the token's expiry is measured on (Date.now by default; a test that moves
 * the sandbox clock moves this one too). Calls with path parameters take them first:
 * accounts.calculateInterest(accountNumber, { amount }), authorizations.return(authorizationId,
 * captureId, { amount }).
 */
export function buildFinancingClient(core, shared) {
  const { errorClasses } = shared;
  const settings = shared.options.financing ?? {};
  const clientId = String(settings.clientId ?? '');
  const clientSecret = String(settings.clientSecret ?? '');
  const scope = String(settings.scope ?? 'merchant');
  const now = typeof settings.now === 'function' ? settings.now : () => Date.now();
  const { validation: ValidationError, server: ServerError, authentication: AuthenticationError } = errorClasses;

  const toError = (details) => new (errorClasses[details.kind] ?? ServerError)(details);

  // The body is read inside the exchange: a body cut short is a NetworkError too.
  const exchange = (built, label) => shared.exchange(built, 'financing', label);

  // ---- the token: fetched on the first call, refreshed near expiry, replaced on invalid_token ----
  let token = null;    // { accessToken, refreshToken, expiresAtMs, scope }
  let pending = null;  // the token request in flight, shared by concurrent calls

  async function grant(refreshToken) {
    const built = core.financingTokenRequest(clientId, clientSecret, scope, refreshToken);
    const answer = await exchange(built, 'oauth/token');
    const parsed = core.financingTokenParse(answer.status, answer.text, now());
    if (!parsed.ok) throw toError(parsed);
    return parsed;
  }

  async function accessToken(forceNew) {
    if (pending) return pending;
    const action = forceNew ? 'fetch' : core.financingTokenAction(token?.accessToken ?? '', token?.expiresAtMs ?? 0, now());
    if (action === 'use') return token.accessToken;
    const refreshToken = action === 'refresh' ? token.refreshToken : '';
    pending = (async () => {
      try {
        if (refreshToken) {
          try {
            token = await grant(refreshToken);
            return token.accessToken;
          } catch (e) {
            // Expired on the server's clock, or already used: start over with the client's credentials.
            if (!(e instanceof AuthenticationError)) throw e;
          }
        }
        token = null;
        token = await grant('');
        return token.accessToken;
      } finally {
        pending = null;
      }
    })();
    return pending;
  }

  // ---- the calls ----
  const financing = {};
  for (const op of core.financingOperations()) {
    const [resource, action] = op.name.split('.');
    (financing[resource] ??= {})[action] = async (...args) => {
      const params = args.slice(0, op.pathParams).map((p) => (p === undefined || p === null ? '' : String(p)));
      const request = args[op.pathParams];
      const requestJson = request === undefined || request === null ? '' : JSON.stringify(request);
      for (let attempt = 0; ; attempt += 1) {
        const built = core.financingBuild(op.name, clientId, await accessToken(attempt > 0), requestJson, params);
        if (!built.ok) throw new ValidationError({ kind: 'validation', family: 'financing', code: built.reason, field: built.field, message: built.message });
        const answer = await exchange(built, op.name);
        const parsed = core.financingParse(op.name, answer.status, answer.text);
        if (parsed.ok) return JSON.parse(parsed.response);
        // The core says when a refusal is worth one new token (401 invalid_token); only once.
        if (parsed.reauthenticate && attempt === 0) {
          token = null;
          continue;
        }
        throw toError(parsed);
      }
    };
  }
  return financing;
}
