// Turns the financing module (payref-financing.wasm: financing quotes, driver's-licence decoding)
// into payref's `financing` and `aamva` groups. Marshalling only: every formula and reason comes
// from the C++ core (sdk/financing, sdk/aamva). Loaded by createPayref({ financing: true }).

/** Coerce what a form field may hand us into text; the core judges the text. */
function asText(value) {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}
// Lone surrogates would be mangled on the way in (TOOLCHAIN.md §8).
const wellFormed = (text) => (typeof text.toWellFormed === 'function' ? text.toWellFormed() : text);
const textOf = (value) => wellFormed(asText(value));

export function buildFinancing(core) {
  // (amount, currency, plan, term) as the core's six arguments; a missing or non-numeric term
  // becomes NaN, which the core refuses (financing.term_invalid).
  const planArgs = (amount, currency, plan, term) => {
    const p = plan ?? {};
    return [textOf(amount), textOf(currency), textOf(p.category), textOf(p.rate), textOf(p.monthlyAdminFee),
      typeof term === 'number' ? term : Number(term)];
  };
  const financing = Object.freeze({
    quote: (amount, currency, plan, term) => core.financingQuote(...planArgs(amount, currency, plan, term)),
    costOfBorrowingApr: (amount, currency, plan, term) =>
      core.financingCostOfBorrowingApr(...planArgs(amount, currency, plan, term)),
  });
  const aamva = Object.freeze({
    decode: (code) => core.decodeAamva(textOf(code)),
  });
  return { financing, aamva };
}
