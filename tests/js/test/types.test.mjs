// The package's hand-written index.d.ts, checked by the TypeScript compiler in strict mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from '../support/paths.mjs';

test('index.d.ts type-checks a strict TypeScript checkout and rejects misuse', () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const project = path.join(repoRoot, 'tests/js/types/tsconfig.json');
  const run = spawnSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
