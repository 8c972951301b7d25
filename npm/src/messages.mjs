// Shopper-facing text for the core's reasons ("card.luhn_failed" → "This card number is not valid:
// check the digits."), in the financing family's languages, en-CA and fr-CA. The sentences are
// data of the core (sdk/src/data/reason_messages.json); the build writes one small module per
// locale (messages-<locale>.mjs), imported here on request, so no wasm module carries them and
// a page downloads only the language it shows. The entry `payref/messages`:
//   const fr = await loadMessages('fr-CA');
//   fr.message(payref.card.validateNumber(input.value).reason);

// Static import() calls, one per locale, so that bundlers see (and split out) each table.
const tables = {
  'en-CA': () => import('./messages-en-CA.mjs'),
  'fr-CA': () => import('./messages-fr-CA.mjs'),
};
const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/** The locales there are sentences for; the first is the fallback. */
export const messageLocales = Object.freeze(Object.keys(tables));

/**
 * The supported locale for a BCP 47 tag or a preference list (navigator.languages): an exact
 * match (case-insensitive), else the first with the same language ('fr', 'fr-FR' → 'fr-CA'),
 * else the next tag; 'en-CA' when none matches.
 */
export function resolveMessageLocale(locale) {
  for (const tag of [].concat(locale ?? [])) {
    const wanted = String(tag).toLowerCase().replace('_', '-');
    const language = wanted.split('-')[0];
    const found = messageLocales.find((l) => l.toLowerCase() === wanted) ??
      messageLocales.find((l) => l.split('-')[0].toLowerCase() === language);
    if (found) return found;
  }
  return messageLocales[0];
}

function build(locale, { fallback, families, reasons }) {
  const message = (reason) => {
    if (reason === null || reason === undefined || reason === '') return '';  // valid: nothing to say
    const key = String(reason);
    if (own(reasons, key)) return reasons[key];
    // A reason newer than this table (the server's core may be newer): its family's sentence.
    const dot = key.indexOf('.');
    const family = dot > 0 ? key.slice(0, dot) : '';
    return own(families, family) ? families[family] : fallback;
  };
  return Object.freeze({
    locale,
    message,
    has: (reason) => own(reasons, String(reason)),
    reasons: () => Object.keys(reasons),
  });
}

const loaded = new Map();

/** Loads the sentences of one locale (see resolveMessageLocale); cached, so call it freely. */
export function loadMessages(locale) {
  const chosen = resolveMessageLocale(locale);
  if (!loaded.has(chosen)) {
    loaded.set(chosen, tables[chosen]().then(
      (m) => build(chosen, m.default),
      (e) => { loaded.delete(chosen); throw e; }));  // a failed download may be retried
  }
  return loaded.get(chosen);
}

export default loadMessages;
