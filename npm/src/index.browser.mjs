// Browser entry: the glue fetches payref-validation.wasm next to itself
// (new URL(..., import.meta.url)), which bundlers such as Vite rewrite; pass `locateFile` or
// `wasmBinary` to load it from elsewhere. { financing: true } also loads the financing module.
import createPayrefCore from './payref-validation.mjs';
import { buildPayref } from './payref-core.mjs';

export async function createPayref({ financing, ...options } = {}) {
  const payref = buildPayref(await createPayrefCore(options));
  if (!financing) return payref;
  const [{ default: create }, { buildFinancing }] =
    await Promise.all([import('./payref-financing.mjs'), import('./financing-core.mjs')]);
  const own = typeof financing === 'object' ? financing : { locateFile: options.locateFile };
  return Object.freeze({ ...payref, ...buildFinancing(await create(own)) });
}

/**
 * The API client: createClient({ baseUrl, gateway: { id, key } }) → client.gateway.payments.charge(...).
 * Loads the client module (requests and answers are built and read by the C++ core).
 */
export async function createClient(options = {}) {
  const { wasmBinary, instantiateWasm, locateFile, ...clientOptions } = options;
  const [{ default: createPayrefClient }, { buildClient }] =
    await Promise.all([import('./payref-client.mjs'), import('./client-core.mjs')]);
  const moduleOptions = Object.fromEntries(Object.entries({ wasmBinary, instantiateWasm, locateFile }).filter(([, v]) => v !== undefined));
  return buildClient(await createPayrefClient(moduleOptions), clientOptions);
}

export {
  PayrefError, ValidationError, DeclinedError, AuthenticationError, NotFoundError, ConflictError, NetworkError, ServerError,
} from './client-errors.mjs';

export default createPayref;
