// Node entry: the glue is built for the web (ENVIRONMENT=web), so hand it the .wasm bytes
// ourselves; Node's fetch cannot read file: URLs (TOOLCHAIN.md §3).
import { readFile } from 'node:fs/promises';
import createPayrefCore from './payref-validation.mjs';
import { buildPayref } from './payref-core.mjs';

const withBytes = async (options, file) => (options.wasmBinary || options.instantiateWasm
  ? options : { ...options, wasmBinary: await readFile(new URL(file, import.meta.url)) });

export async function createPayref(options = {}) {
  const { financing, ...coreOptions } = options;
  const payref = buildPayref(await createPayrefCore(await withBytes(coreOptions, './payref-validation.wasm')));
  if (!financing) return payref;
  // The financing module (quotes, licence decoding) is a second, separately loaded module.
  const [{ default: createPayrefFinancing }, { buildFinancing }] =
    await Promise.all([import('./payref-financing.mjs'), import('./financing-core.mjs')]);
  const financingOptions = typeof financing === 'object' ? financing : { locateFile: coreOptions.locateFile };
  const groups = buildFinancing(await createPayrefFinancing(await withBytes(financingOptions, './payref-financing.wasm')));
  return Object.freeze({ ...payref, ...groups });
}

/**
 * The API client: createClient({ baseUrl, gateway: { id, key } }) → client.gateway.payments.charge(...).
 * Loads the client module (requests and answers are built and read by the C++ core).
 */
export async function createClient(options = {}) {
  const { wasmBinary, instantiateWasm, locateFile, ...clientOptions } = options;
  const [{ default: createPayrefClient }, { buildClient }] =
    await Promise.all([import('./payref-client.mjs'), import('./client-core.mjs')]);
  const core = await createPayrefClient(await withBytes({ wasmBinary, instantiateWasm, locateFile }, './payref-client.wasm'));
  return buildClient(core, clientOptions);
}

export {
  PayrefError, ValidationError, DeclinedError, AuthenticationError, NotFoundError, ConflictError, NetworkError, ServerError,
} from './client-errors.mjs';

export default createPayref;
