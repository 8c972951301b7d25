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

export default createPayref;
