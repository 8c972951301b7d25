// The API client for the CMS subscriptions family (seed 002, docs/cms.md, docs/client-cms.md):
// client.cms.subscriptions.{create, get, query, update, updateState, invoice, delete}. The wasm
// core (sdk/client/cms.hpp) builds the sign-on and every request and reads every answer, and
// says whether a failure is the expired-session fault; this file moves the bytes, keeps the
// session token, and acts on that verdict: sign on again once, then send the call again.

/**
 * options.cms: { identityToken, merchantProfileId? } (GET /_sandbox/credentials, "cms"). The
 * client signs on at its first call and keeps the 30-minute session token; when the server says
 * it has expired (ErrorId 5000) it signs on again and repeats the call once. The server refuses an
 * expired token before it runs the operation, so the repeat never does anything twice.
 */
export function buildCms(core, shared) {
  const { exchange, errorClasses } = shared;
  const settings = shared.options.cms ?? {};
  const identityToken = String(settings.identityToken ?? '');
  const merchantProfileId = String(settings.merchantProfileId ?? '');
  let session = null;    // the current session token
  let signingOn = null;  // the sign-on in flight, shared by concurrent calls

  const failure = (parsed) => new (errorClasses[parsed.kind] ?? errorClasses.server)(parsed);

  async function signOn() {
    const response = await exchange(core.cmsSignOnBuild(identityToken), 'cms', 'signOn');
    const parsed = core.cmsSignOnParse(response.status, response.text);
    if (!parsed.ok) throw failure(parsed);
    return parsed.token;
  }
  function currentSession() {
    if (session !== null) return Promise.resolve(session);
    signingOn ??= signOn().then((token) => (session = token)).finally(() => { signingOn = null; });
    return signingOn;
  }

  const group = {};
  for (const op of core.cmsOperations()) {
    const [resource, action] = op.name.split('.');
    (group[resource] ??= {})[action] = async (...args) => {
      const [id, request] = op.takesId ? args : [undefined, args[0]];
      const json = request === undefined || request === null ? '' : JSON.stringify(request);
      for (let attempt = 0; ; attempt++) {
        const token = await currentSession();
        const built = core.cmsBuild(op.name, token, merchantProfileId, json, id === undefined || id === null ? '' : String(id));
        if (!built.ok) {
          throw new errorClasses.validation({ kind: 'validation', family: 'cms', code: built.reason, field: built.field, message: built.message });
        }
        const response = await exchange(built, 'cms', op.name);
        const parsed = core.cmsParse(op.name, response.status, response.text);
        if (parsed.ok) return JSON.parse(parsed.response);
        if (parsed.sessionExpired && attempt === 0) {
          if (session === token) session = null;  // another call may have signed on already
          continue;
        }
        throw failure(parsed);
      }
    };
  }
  return group;
}
