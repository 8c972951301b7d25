// Turns the Embind module into payref's public API. Marshalling only: every rule and every
// reason comes from the C++ core (sdk/); this file converts arguments, writes hot-path text into
// wasm memory, and unpacks results into plain objects. Nothing here needs .delete().

const textEncoder = new TextEncoder();

/** Coerce what a form field may hand us into text; the core judges the text. */
function asText(value) {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

export function buildPayref(core) {
  // Reason indices are interned by the core on first use; names are fetched once and cached.
  const reasonNames = [null];
  const reasonOf = (index) => {
    if (index === 0) return null;
    let name = reasonNames[index];
    if (name === undefined) name = reasonNames[index] = core.reasonName(index);
    return name;
  };

  const brandList = Object.freeze(core.cardBrands().map((b) => Object.freeze({
    ...b, gaps: Object.freeze(b.gaps), lengths: Object.freeze(b.lengths), code: Object.freeze(b.code),
  })));
  const brandByType = new Map(brandList.map((b) => [b.type, b]));

  // Writes `text` into the core's input buffer and returns its UTF-8 length. ASCII (all card
  // input in practice) is copied byte by byte; anything else goes through TextEncoder.
  let bufferPtr = core.inputBuffer(256);
  let bufferCap = 256;
  const putText = (text) => {
    const n = text.length;
    if (n * 3 > bufferCap) {
      bufferCap = n * 3;
      bufferPtr = core.inputBuffer(bufferCap);
    }
    const heap = core.HEAPU8;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c > 0x7f) {
        // Lone surrogates would be mangled on the way in (TOOLCHAIN.md §8): make it well formed.
        const wellFormed = typeof text.toWellFormed === 'function' ? text.toWellFormed() : text;
        return textEncoder.encodeInto(wellFormed, heap.subarray(bufferPtr, bufferPtr + bufferCap)).written;
      }
      heap[bufferPtr + i] = c;
    }
    return n;
  };
  const wellFormed = (text) => (typeof text.toWellFormed === 'function' ? text.toWellFormed() : text);

  // `today` as a Date (its local calendar day) or "YYYY-MM-DD"; the core parses the string.
  let lastTodayText = null;
  let lastToday = 0;
  const todayPacked = (today) => {
    if (today instanceof Date) {
      return Number.isNaN(today.getTime()) ? 0 : today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate();
    }
    const text = asText(today);
    if (text !== lastTodayText) {
      lastToday = core.parseIsoDatePacked(wellFormed(text));
      lastTodayText = text;
    }
    return lastToday;
  };

  const unpackExpiry = (p) => {
    const isValid = (p & 1) !== 0;
    return {
      isValid,
      isPotentiallyValid: (p & 2) !== 0,
      reason: reasonOf((p >>> 2) & 0xff),
      month: isValid ? (p >>> 10) & 0xf : null,
      year: isValid ? (p >>> 14) & 0x3fff : null,
    };
  };

  const card = Object.freeze({
    brands: () => brandList,
    brandInfo: (type) => brandByType.get(asText(type)) ?? null,
    detect: (text) => core.detectCardBrands(wellFormed(asText(text))),
    validateNumber(text, options = {}) {
      const length = putText(asText(text));
      const flags = (options.skipLuhnValidation ? 1 : 0) | (options.luhnValidateUnionPay ? 2 : 0);
      const maxLength = options.maxLength > 0 ? Math.floor(options.maxLength) : 0;
      const p = core._payref_validate_card_number(length, maxLength, flags);
      const brandIndex = (p >>> 2) & 0x3f;
      const brand = brandIndex === 0 ? null : brandList[brandIndex - 1];
      return {
        isValid: (p & 1) !== 0,
        isPotentiallyValid: (p & 2) !== 0,
        reason: reasonOf((p >>> 8) & 0xff),
        brand: brand ? brand.type : null,
        card: brand,
      };
    },
    formatNumber: (text) => core.formatCardNumber(wellFormed(asText(text))),
    validateExpiry(value, today, maxYearsAhead = 19) {
      const packedToday = todayPacked(today);
      if (packedToday === 0) {
        return { isValid: false, isPotentiallyValid: false, reason: 'expiry.today_invalid', month: null, year: null };
      }
      const y = Math.floor(packedToday / 10000), m = Math.floor(packedToday / 100) % 100, d = packedToday % 100;
      const ahead = Number.isInteger(maxYearsAhead) && maxYearsAhead >= 0 ? maxYearsAhead : 19;
      if (value !== null && typeof value === 'object') {
        return unpackExpiry(core.validateExpiryPartsPacked(
          wellFormed(asText(value.month)), wellFormed(asText(value.year)), y, m, d, ahead));
      }
      return unpackExpiry(core._payref_validate_expiry(putText(asText(value)), y, m, d, ahead));
    },
    validateCvv: (text, brandType) => core.validateCvv(wellFormed(asText(text)), asText(brandType)),
    validateCardholderName: (text) => core.validateCardholderName(wellFormed(asText(text))),
  });

  const fields = Object.freeze({
    validatePostalCode: (text, country) => core.validatePostalCode(wellFormed(asText(text)), asText(country)),
    normalizePostalCode: (text, country) => core.normalizePostalCode(wellFormed(asText(text)), asText(country)),
    validateEmail: (text) => core.validateEmail(wellFormed(asText(text))),
    validatePhone: (text) => core.validatePhone(wellFormed(asText(text))),
    normalizePhone: (text) => core.normalizePhone(wellFormed(asText(text))),
    validateProvince: (code) => core.validateProvince(wellFormed(asText(code))),
    validateAscii: (text, maxLength, required = true) =>
      core.validateAscii(wellFormed(asText(text)), Number(maxLength) || 0, required !== false),
    validateCountry: (code, form = 'any') => core.validateCountry(wellFormed(asText(code)), asText(form)),
    findCountry: (code) => core.findCountry(wellFormed(asText(code))),
    validateCurrency: (code) => core.validateCurrency(wellFormed(asText(code))),
    validateRoutingNumber: (text) => core.validateRoutingNumber(wellFormed(asText(text))),
    // The server's own rule for a billing Customer field, on the text as the server reads it
    // (trimmed; empty is "not set", which no rule refuses).
    validateBillingCustomerField: (field, text, today = new Date()) => {
      const trimmed = asText(text).replace(/^ +| +$/g, '');
      if (trimmed === '') return { isValid: true, reason: null, value: null };
      const packed = todayPacked(today);
      if (packed === 0) throw new TypeError('today must be a valid Date or a YYYY-MM-DD string');
      return core.validateBillingCustomerField(asText(field), wellFormed(trimmed), packed);
    },
  });

  const money = Object.freeze({
    parse: (text, currency, options = {}) => core.parseMoney(
      wellFormed(asText(text)), wellFormed(asText(currency)), options.allowNegative === true, options.allowZero !== false),
    fromMinor: (minorUnits, currency) => core.moneyFromMinor(Number(minorUnits), wellFormed(asText(currency))),
    currency: (code) => core.currency(wellFormed(asText(code))),
  });

  return Object.freeze({ card, fields, money });
}
