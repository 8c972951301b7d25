// The shared vectors through the wasm package: each case must give its expected result, and
// every output must equal the native build's output for the same case (payref-vectors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import createPayref from 'payref';
import { nativeVectorTool } from '../support/paths.mjs';
import { mismatch, runCase, toPlain, vectorFiles } from '../support/vectors.mjs';

const payref = await createPayref({ financing: true });  // financing.json and aamva.json need the second module
const files = vectorFiles();

test('there are vector files with cases', () => {
  assert.ok(files.length >= 5, `only ${files.length} vector files`);
  for (const { name, doc } of files) assert.ok(doc.cases.length > 0, `${name} has no cases`);
});

for (const { file, name, doc } of files) {
  test(`${name}: every case gives its expected result in wasm`, () => {
    const failures = [];
    for (const c of doc.cases) {
      const diff = mismatch(c.expect, runCase(payref, c.call, c.args));
      if (diff) failures.push(`${c.name}: ${diff}`);
    }
    assert.deepEqual(failures, []);
  });

  test(`${name}: wasm and native outputs are identical`, () => {
    assert.ok(existsSync(nativeVectorTool), `native build missing: ${nativeVectorTool} (run the README's test command)`);
    const native = JSON.parse(execFileSync(nativeVectorTool, [file], { encoding: 'utf8', maxBuffer: 64 << 20 }));
    assert.equal(native.length, doc.cases.length);
    const differences = [];
    doc.cases.forEach((c, i) => {
      const wasm = toPlain(runCase(payref, c.call, c.args));
      if (!isDeepStrictEqual(wasm, native[i].output)) {
        differences.push(`${c.name}: wasm ${JSON.stringify(wasm)} native ${JSON.stringify(native[i].output)}`);
      }
    });
    assert.deepEqual(differences, []);
  });
}
