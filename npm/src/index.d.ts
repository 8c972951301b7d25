// payref — card, checkout-field and money validation from payref's C++ core (WebAssembly).
//
//   import createPayref from 'payref';
//   const payref = await createPayref();
//   payref.card.validateNumber('4111 1111 1111 1111');
//   // → { isValid: true, isPotentiallyValid: true, reason: null, brand: 'visa', card: {...} }
//
// Every validator returns a plain object; nothing needs .delete(). `reason` is a stable machine
// string such as "card.luhn_failed" (null when valid); the full list is in docs/validation.md.
// The payref reference server rejects invalid input with the same reasons.

/** Options for loading the module; all optional. */
export interface PayrefOptions {
  /** The bytes of payref-validation.wasm (Node reads them from the package by default). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where to fetch a file the module needs, e.g. `(f) => '/static/' + f` for the .wasm. */
  locateFile?: (path: string, scriptDirectory: string) => string;
  /** Full control over instantiation (Emscripten's hook). */
  instantiateWasm?: (
    imports: WebAssembly.Imports,
    done: (instance: WebAssembly.Instance, module?: WebAssembly.Module) => void,
  ) => WebAssembly.Exports | {};
}

/** The outcome of every as-you-type validator. */
export interface Validation {
  /** The value is complete and acceptable. */
  isValid: boolean;
  /** The value is acceptable so far: typing more could make it valid. */
  isPotentiallyValid: boolean;
  /** Why it is not valid ("card.too_short", "postal.malformed", ...); null when valid. */
  reason: string | null;
}

export type CardType =
  | 'visa' | 'mastercard' | 'american-express' | 'diners-club' | 'discover' | 'troy' | 'jcb'
  | 'unionpay' | 'naranja' | 'verve' | 'rupay' | 'dankort' | 'maestro' | 'elo' | 'mir'
  | 'hiper' | 'hipercard';

/** A card brand from the core's table (shared, frozen objects). */
export interface CardBrand {
  readonly type: CardType;
  /** Display name: "American Express". */
  readonly niceType: string;
  /** Positions after which a space goes when formatting: [4, 10] for Amex. */
  readonly gaps: readonly number[];
  /** Allowed number lengths, ascending. */
  readonly lengths: readonly number[];
  /** The security code's name on this brand ("CVV", "CID", ...) and its digit count. */
  readonly code: { readonly name: string; readonly size: number };
}

export interface CardNumberOptions {
  /** Accept at most this many digits (below the brand's own maximum). */
  maxLength?: number;
  /** Do not require a valid Luhn check digit. */
  skipLuhnValidation?: boolean;
  /** Also Luhn-check UnionPay numbers (exempt by default, like card-validator). */
  luhnValidateUnionPay?: boolean;
}

export interface CardNumberValidation extends Validation {
  /** The brand once exactly one remains possible, else null. */
  brand: CardType | null;
  /** That brand's table entry, else null. */
  card: CardBrand | null;
}

export interface ExpiryValidation extends Validation {
  /** 1–12 when valid, else null. */
  month: number | null;
  /** Four-digit year when valid, else null. */
  year: number | null;
}

/** The current date: a Date (its local calendar day) or "YYYY-MM-DD". The core reads no clock. */
export type Today = Date | string;

export interface CardApi {
  /** The brand table, in detection order. */
  brands(): readonly CardBrand[];
  /** One brand by type, or null. */
  brandInfo(type: string): CardBrand | null;
  /** Candidate brand types for what has been typed so far (spaces and dashes ignored). */
  detect(partialNumber: string): CardType[];
  /** Validates a card number; spaces and dashes are ignored. */
  validateNumber(number: string, options?: CardNumberOptions): CardNumberValidation;
  /** Groups digits by the detected brand's gaps: "3782 822463 10005". */
  formatNumber(number: string): string;
  /**
   * Validates an expiry date: "10/25", "10 / 2025", "1025", "102025", "10 25", "2025-10",
   * "1/26", or { month, year }. Valid through the end of its month, up to maxYearsAhead (19).
   * An unreadable `today` gives reason "expiry.today_invalid".
   */
  validateExpiry(value: string | { month: string | number; year: string | number }, today: Today,
                 maxYearsAhead?: number): ExpiryValidation;
  /** Security code: 4 digits for American Express, 3 otherwise (and when brand is omitted). */
  validateCvv(code: string, brand?: CardType | null): Validation;
  /** Non-empty, ≤ 255 characters, not a card number typed into the name box. */
  validateCardholderName(name: string): Validation;
}

/**
 * An ISO-3166-1 country by its codes. No display name: use the browser's localised
 * `new Intl.DisplayNames([locale], { type: 'region' }).of(country.alpha2)`.
 */
export interface Country {
  alpha2: string;
  alpha3: string;
  numeric: number;
}

export interface FieldsApi {
  /** country: omitted (generic), "CA"/"CAN" (A1A 1A1), "US"/"USA" (ZIP, ZIP+4), or another ISO code. */
  validatePostalCode(code: string, country?: string): Validation;
  /** Canonical spelling ("K1A 0B1", "12345-6789"), or null when invalid. */
  normalizePostalCode(code: string, country?: string): string | null;
  validateEmail(address: string): Validation;
  /** A 10-digit North-American number without country code; punctuation ignored. */
  validatePhone(phone: string): Validation;
  /** The ten digits, or null when invalid. */
  normalizePhone(phone: string): string | null;
  /** Canadian province/territory code: AB BC MB NB NL NS NT NU ON PE QC SK YT. */
  validateProvince(code: string): Validation;
  /** Printable ASCII of at most maxLength characters (the seeds' "ASCII string (N)"). */
  validateAscii(text: string, maxLength: number, required?: boolean): Validation;
  /** ISO-3166-1 code in the given form ("any" by default). */
  validateCountry(code: string, form?: 'any' | 'alpha2' | 'alpha3' | 'numeric'): Validation;
  /** By alpha-2, alpha-3 or three-digit numeric code; null when unknown. */
  findCountry(code: string): Country | null;
  /** ISO-4217 alpha-3 currency code. */
  validateCurrency(code: string): Validation;
  /** US ABA routing number (nine digits, checksum). */
  validateRoutingNumber(routingNumber: string): Validation;
}

/**
 * An ISO-4217 currency by its codes. No display name: use
 * `new Intl.DisplayNames([locale], { type: 'currency' }).of(currency.alpha)`.
 */
export interface Currency {
  alpha: string;
  numeric: number;
  /** Digits after the decimal point: USD 2, JPY 0, BHD 3. */
  exponent: number;
}

export type MoneyResult =
  | { ok: true; minorUnits: number; currency: string; text: string }
  | { ok: false; code: string; reason: string; field: string; message: string };

export interface MoneyParseOptions {
  allowNegative?: boolean;
  allowZero?: boolean;
}

export interface MoneyApi {
  /** Strict decimal text ("20.50") → minor units; never floating point. */
  parse(text: string, currency: string, options?: MoneyParseOptions): MoneyResult;
  /** Minor units → the wire's decimal text ("20.50"). */
  fromMinor(minorUnits: number, currency: string): MoneyResult;
  /** ISO-4217 table entry, or null. */
  currency(code: string): Currency | null;
}

export interface Payref {
  readonly card: CardApi;
  readonly fields: FieldsApi;
  readonly money: MoneyApi;
}

/** Loads the WebAssembly core (Node and browsers) and returns the API. */
export declare function createPayref(options?: PayrefOptions): Promise<Payref>;
export default createPayref;
