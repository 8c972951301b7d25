// Node entry: the glue is built for the web (ENVIRONMENT=web), so hand it the .wasm bytes
// ourselves; Node's fetch cannot read file: URLs (TOOLCHAIN.md §3).
import { readFile } from 'node:fs/promises';
import createPayrefCore from './payref-validation.mjs';
import { buildPayref } from './payref-core.mjs';

export async function createPayref(options = {}) {
  if (!options.wasmBinary && !options.instantiateWasm) {
    options = { ...options, wasmBinary: await readFile(new URL('./payref-validation.wasm', import.meta.url)) };
  }
  return buildPayref(await createPayrefCore(options));
}

export default createPayref;
