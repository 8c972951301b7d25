// Turns the core's message table (sdk/src/data/reason_messages.json) into one ES module per locale
// in npm/dist (messages-en-CA.mjs, ...), which npm/src/messages.mjs imports on request. Run by the
// wasm build (wasm/CMakeLists.txt); refuses a table with a missing or empty sentence.
//   node npm/scripts/build-messages.mjs sdk/src/data/reason_messages.json npm/dist
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const [source, outDir] = process.argv.slice(2);
if (!source || !outDir) {
  console.error('usage: build-messages.mjs <reason_messages.json> <out dir>');
  process.exit(2);
}
const table = JSON.parse(readFileSync(source, 'utf8'));
const problems = [];
const pick = (entry, locale, where) => {
  const text = entry?.[locale];
  if (typeof text !== 'string' || text.trim() === '') problems.push(`${where}: no ${locale} sentence`);
  return text;
};
mkdirSync(outDir, { recursive: true });
for (const locale of table.locales) {
  const data = {
    fallback: pick(table.fallback, locale, 'fallback'),
    families: Object.fromEntries(Object.entries(table.families).map(([k, v]) => [k, pick(v, locale, `family ${k}`)])),
    reasons: Object.fromEntries(Object.entries(table.reasons).map(([k, v]) => [k, pick(v, locale, k)])),
  };
  const file = path.join(outDir, `messages-${locale}.mjs`);
  writeFileSync(file, `// Generated from sdk/src/data/reason_messages.json by npm/scripts/build-messages.mjs: do not edit.\n` +
    `export default ${JSON.stringify(data)};\n`);
}
if (problems.length) {
  console.error(`${source}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
