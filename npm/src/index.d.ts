// payref — card, checkout-field and money validation, financing quotes and driver's-licence
// decoding from payref's C++ core (WebAssembly).
//
//   import createPayref from 'payref';
//   const payref = await createPayref();
//   payref.card.validateNumber('4111 1111 1111 1111');
//   // → { isValid: true, isPotentiallyValid: true, reason: null, brand: 'visa', card: {...} }
//
// Every validator returns a plain object; nothing needs .delete(). `reason` is a stable machine
// string such as "card.luhn_failed" (null when valid); the full list is in docs/validation.md.
// The payref reference server rejects invalid input with the same reasons.
//
// Financing quotes and driver's-licence decoding live in a second module, loaded on request:
//   const payref = await createPayref({ financing: true });
//   payref.financing.quote('250.00', 'CAD', { monthlyAdminFee: '3.00' }, 6).termAmount;  // '44.67'
//   payref.aamva.decode(scannedPdf417Text);  // { ok: true, firstName, lastName, dob, ... }

/** How to load one WebAssembly module; all optional. */
export interface PayrefModuleOptions {
  /** The module's .wasm bytes (Node reads them from the package by default). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where to fetch a file the module needs, e.g. `(f) => '/static/' + f`. */
  locateFile?: (path: string, scriptDirectory: string) => string;
  /** Full control over instantiation (Emscripten's hook). */
  instantiateWasm?: (
    imports: WebAssembly.Imports,
    done: (instance: WebAssembly.Instance, module?: WebAssembly.Module) => void,
  ) => WebAssembly.Exports | {};
}

/** Options for loading the module; all optional. */
export interface PayrefOptions {
  /**
   * Also load the financing module (payref-financing.mjs/.wasm: `financing` quotes and `aamva`
   * licence decoding), a second download kept out of the validation module a checkout page loads
   * first. `true` loads it next to the package (reusing `locateFile`); an object gives its own
   * loading options (its own `wasmBinary`, ...).
   */
  financing?: boolean | PayrefModuleOptions;
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

export interface BillingFieldValidation {
  isValid: boolean;
  /** "gender.unknown", "date.in_future", "phone.too_short", ...; null when valid. */
  reason: string | null;
  /** The value as the server stores it (a phone number as its ten digits); null when invalid or not set. */
  value: string | null;
}

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
  /**
   * The billing API's own rule for one Customer field (code, type, gender, driverLicenseNumber,
   * driverLicenseState, birthDate — not after `today` —, email, phone, cellPhone, countryCode), as
   * payref-server applies it; other fields have none. The text is trimmed; empty is "not set".
   */
  validateBillingCustomerField(field: string, text: string, today?: Today): BillingFieldValidation;
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

/** A failure: `reason` is stable ("financing.term_invalid"), `field` names the input it concerns. */
export interface CoreFailure {
  ok: false;
  /** invalid_argument, failed_precondition, ... */
  code: string;
  reason: string;
  field: string;
  /** Human text; not stable. */
  message: string;
}

/**
 * A promotional financing plan (Flexiti calculate-interest). Amounts are decimal text in the
 * quote's currency ("3.00"); numbers are accepted and read as their JS text.
 */
export interface FinancingPlan {
  /** "equal_billing" (default): equal monthly payments; "deferred_payment": all due at the end. */
  category?: 'equal_billing' | 'deferred_payment';
  /** Annual interest rate as a fraction with at most 4 decimals, the wire's `apr`: "0.0999". Default 0. */
  rate?: string | number;
  /** Admin fee charged each month of the term ("(per month)"), included in termAmount. Default none. */
  monthlyAdminFee?: string | number;
}

/**
 * One term of a plan for an amount. Every figure is exact, rounded once, half-up, to the cent
 * (money, decimal text as on the wire) or to the basis point (rates: 999 = "0.0999" = 9.99 %).
 */
export interface FinancingQuote {
  ok: true;
  currency: string;
  /** Months. */
  term: number;
  /** Equal billing: the monthly payment including the admin fee; deferred: the amount due at the end. */
  termAmount: string;
  /** The plan rate (the wire's `apr`). */
  aprBasisPoints: number;
  apr: string;
  totalInterest: string;
  /** Admin fees over the term (annual fees are never included). */
  totalFees: string;
  /** Interest + admin fees. */
  totalCostOfBorrowing: string;
  /** Amount + cost of borrowing. */
  totalToPay: string;
  /** Canadian cost-of-borrowing APR, C / (T × P), fees included: 2469 = "0.2469" = 24.69 %. */
  costOfBorrowingAprBasisPoints: number;
  costOfBorrowingApr: string;
}

export interface FinancingApi {
  /**
   * Quotes `amount` (decimal text, e.g. "250.00") in `currency` over `term` months (1–120) on `plan`:
   * `quote("250.00", "CAD", { monthlyAdminFee: "3.00" }, 6).termAmount === "44.67"`.
   * Reasons: financing.amount_invalid, financing.term_invalid, financing.rate_invalid,
   * financing.fee_invalid, financing.category_invalid, financing.currency_mismatch,
   * financing.apr_out_of_range, money.* (amount text, currency, out of range).
   */
  quote(amount: string | number, currency: string, plan: FinancingPlan, term: number): FinancingQuote | CoreFailure;
  /**
   * The Canadian cost-of-borrowing APR alone (the same figure as quote's), in basis points and
   * as a 4-decimal fraction: `costOfBorrowingApr("250.00", "CAD", { monthlyAdminFee: "3.00" }, 12)`
   * → `{ ok: true, basisPoints: 2658, rate: "0.2658" }`. Without fees it is the plan rate.
   */
  costOfBorrowingApr(amount: string | number, currency: string, plan: FinancingPlan, term: number):
    { ok: true; basisPoints: number; rate: string } | CoreFailure;
}

/** A driver's licence read from its PDF417 barcode text (the Flexiti driverslicense fields). */
export interface Licence {
  ok: true;
  firstName: string;
  /** "" when the card has none. */
  middleName: string;
  lastName: string;
  /** YYYY-MM-DD. */
  dob: string;
  address1: string;
  city: string;
  /** Two letters, as on the card ("ON"). */
  province: string;
  /** Trimmed, as on the card ("M1M 1M1" or "M1M1M1"). */
  postalCode: string;
  /** "CADL" (Canada) or "USDL". */
  govidType: string;
  govidIssuedBy: string;
  govidNumber: string;
  /** YYYY-MM-DD. */
  govidExpiry: string;
}

export interface AamvaApi {
  /**
   * Decodes AAMVA DL/ID text ("@\n\x1e\rANSI 636012..."): the raw string a PDF417 scanner
   * returns. Reasons: aamva.empty, aamva.not_aamva, aamva.missing_element (field: the element
   * id, e.g. "DAQ"), aamva.bad_date (field "DBB" or "DBA").
   */
  decode(code: string): Licence | CoreFailure;
}

export interface Payref {
  readonly card: CardApi;
  readonly fields: FieldsApi;
  readonly money: MoneyApi;
}

/** What createPayref({ financing: true }) returns: the validators plus the financing module. */
export interface PayrefWithFinancing extends Payref {
  readonly financing: FinancingApi;
  readonly aamva: AamvaApi;
}

/**
 * Loads the WebAssembly core (Node and browsers) and returns the API; with `{ financing: true }`
 * also the financing module (`payref.financing`, `payref.aamva`).
 */
export declare function createPayref(options: PayrefOptions & { financing: true | PayrefModuleOptions }): Promise<PayrefWithFinancing>;
export declare function createPayref(options?: PayrefOptions): Promise<Payref>;
export default createPayref;

// Shopper-facing text for the reasons, in en-CA and fr-CA, is the separate entry `payref/messages`
// (messages.d.ts): `(await loadMessages('fr-CA')).message(result.reason)`.
export type { Messages, MessageLocale } from './messages.js';

// ---- The API client -------------------------------------------------------------------------

/** What the client throws. `kind` names the subclass; `code` is the family's own code. */
export declare class PayrefError extends Error {
  readonly kind: 'validation' | 'declined' | 'authentication' | 'not_found' | 'conflict' | 'network' | 'server';
  /** 'gateway' (the other families follow). */
  readonly family: string | null;
  /** The family's code: gateway Message.Code ("05", "51", ...), or the HTTP status for HTTP-level answers. */
  readonly code: string | null;
  /** The field concerned, when the server names one ("Request.Card.CardNumber"). */
  readonly field: string | null;
  readonly httpStatus: number | null;
}
/** The request is malformed or a field is invalid: fix the input. */
export declare class ValidationError extends PayrefError {}
/** The (simulated) processor declined the payment: gateway codes 51–55. */
export declare class DeclinedError extends PayrefError {}
/** Credentials missing, wrong, or the client is not active. */
export declare class AuthenticationError extends PayrefError {}
/** No such customer, profile, transaction, package, ... */
export declare class NotFoundError extends PayrefError {}
/** Valid, but not in this state: duplicate reference, refund beyond the captured amount, ... */
export declare class ConflictError extends PayrefError {}
/** No answer: fetch failed (the server is down, CORS, offline). */
export declare class NetworkError extends PayrefError {}
/** The server or the simulated processor failed (gateway "91", "96", HTTP 5xx); a retry may help. */
export declare class ServerError extends PayrefError {}

// The gateway family's client, its request/response models and the loose GatewayRequest/GatewayResponse.
import type { CallOptions, GatewayClient, GatewayRequest, GatewayResponse } from './client-gateway.js';
import type { BillingClient, BillingOptions } from './client-billing.js';
import type { CmsClient, CmsOptions } from './client-cms.js';
import type { FinancingClient, FinancingOptions } from './client-financing.js';
export type { BillingClient, BillingOptions, CmsClient, CmsOptions, FinancingClient, FinancingOptions };
export type { CallOptions, GatewayClient, GatewayRequest, GatewayResponse };
// The gateway's request/response models (docs/gateway.md "Reference").
export type {
  BankAccount, BankTransferRequest, BillingAddress, BundleChange, BundleChangeRequest, BundleDowngrade,
  BundleUpgrade, Card, CardPaymentRequest, ClientRegisterRequest, ClientUpdateRequest, Customer, CustomerLocator,
  CustomerProfileRequest, CustomerProfiles, CustomerProfilesFull, CustomerRegisterRequest, DiscountCode,
  DiscountCodeAddRequest, DiscountCodeValidateRequest, DiscountValidation, FollowUpRequest, GatewayEmptyRequest,
  GatewayFlag, GatewayFlagText, GatewayOp, GatewayOptionalOp, GatewayParamOp, IsvPricing, IsvPricingRequest, IsvTier,
  PackageLicence, Membership, MembershipCancelRequest, MembershipJoinRequest, MembershipJoined, MembershipList, Name,
  Package, PackageGetRequest, PackageList, PackageListRequest, PackageType, PackageWithContents, PassThrough,
  PaymentMethod, PaymentProfileFull, PaymentProfileRegisterRequest, PaymentProfileRegistered,
  PaymentProfileRemoveRequest, PaymentProfileSummary, PaymentProfileUpdateRequest, PaymentSource, ProductType,
  ProfileFollowUpRequest, ProfileIds, ProfilePaymentRequest, ProfileTransactionResult, Purchase, PurchaseDiscount,
  PurchaseLine, PurchaseRequest, PurchaseResult, PurchasedList, PurchasedRequest, RecurringPayment,
  RecurringPaymentList, RecurringPaymentRef, RecurringPaymentRegisterRequest, RecurringPaymentState,
  StoredBillingAddress, ThirdPartyRequest, TransactionList, TransactionListItem, TransactionListRequest,
  TransactionResult, TrueUp, TrueUpRequest
} from './client-gateway.js';

// `financing` here is the financing family's OAuth client, not createPayref's financing module.
export interface ClientOptions extends Omit<PayrefOptions, 'financing'> {
  /** Where payref-server (or the real API) answers, e.g. "http://127.0.0.1:8080". */
  baseUrl: string;
  /** The gateway client's Id and Key (GET /_sandbox/credentials shows the demo merchant's). */
  gateway?: { id: string; key: string };
  /** The billing family's service user (HTTP Basic). */
  billing?: BillingOptions;
  /** The CMS family's identity token (sign-on and session renewal are automatic). */
  cms?: CmsOptions;
  /** The financing family's OAuth client (tokens are fetched and refreshed automatically). */
  financing?: FinancingOptions;
  /** A fetch to use instead of globalThis.fetch. */
  fetch?: typeof fetch;
}

export interface PayrefClient {
  readonly gateway: GatewayClient;
  readonly billing: BillingClient;
  readonly cms: CmsClient;
  readonly financing: FinancingClient;
}

/** Loads the client module and returns the API client. */
export declare function createClient(options: ClientOptions): Promise<PayrefClient>;
