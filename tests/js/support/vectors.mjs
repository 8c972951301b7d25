// Reads tests/vectors/*.json and applies a case to the npm package, mirroring
// tests/vectors/vector_case.hpp on the native side.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { vectorDir } from './paths.mjs';

export function vectorFiles() {
  return readdirSync(vectorDir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => ({ file: path.join(vectorDir, f), name: f, doc: JSON.parse(readFileSync(path.join(vectorDir, f), 'utf8')) }));
}

/** Calls "card.validateNumber" etc. on the package with the case's arguments. */
export function runCase(payref, call, args) {
  const [group, fn] = call.split('.');
  const target = payref[group]?.[fn];
  if (typeof target !== 'function') throw new Error(`the package has no ${call}`);
  return target(...args);
}

/** '' when `actual` satisfies `expect` (object: every named key equal; else: equal whole). */
export function mismatch(expect, actual) {
  if (expect !== null && typeof expect === 'object' && !Array.isArray(expect) &&
      actual !== null && typeof actual === 'object' && !Array.isArray(actual)) {
    const diffs = [];
    for (const [key, want] of Object.entries(expect)) {
      if (!(key in actual)) diffs.push(`${key}: missing (want ${JSON.stringify(want)})`);
      else if (!isDeepStrictEqual(toPlain(actual[key]), want)) diffs.push(`${key}: got ${JSON.stringify(actual[key])}, want ${JSON.stringify(want)}`);
    }
    return diffs.join('; ');
  }
  return isDeepStrictEqual(toPlain(actual), expect) ? '' : `got ${JSON.stringify(actual)}, want ${JSON.stringify(expect)}`;
}

/** JSON round trip: frozen shared objects and plain ones compare alike. */
export function toPlain(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
