// Browser entry: the glue fetches payref-validation.wasm next to itself
// (new URL(..., import.meta.url)), which bundlers such as Vite rewrite; pass `locateFile` or
// `wasmBinary` to load it from elsewhere.
import createPayrefCore from './payref-validation.mjs';
import { buildPayref } from './payref-core.mjs';

export async function createPayref(options = {}) {
  return buildPayref(await createPayrefCore(options));
}

export default createPayref;
