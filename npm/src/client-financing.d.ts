// Types of the financing family's API client (client-financing.mjs; docs/client-financing.md).
// Point-of-sale consumer financing, seed 003 (the Flexiti POS API v2.5; docs/financing.md).
// Field names are the wire's (snake_case). Amounts go out as JSON numbers or decimal text
// ("250.00", at most 2 decimals) and come back as JSON numbers in dollars (250.5).

/** The OAuth client of a merchant: `GET /_sandbox/credentials` → `financing.client_id`, `client_secret`. */
export interface FinancingOptions {
  clientId: string;
  clientSecret: string;
  /** The token's scope: "merchant" (default; every call) or "customer" (no merchant-only call). */
  scope?: 'merchant' | 'customer';
  /**
   * The clock the token's expiry is measured on, in ms since the epoch (default Date.now). The
   * client refreshes the token in its last 60 s; a token the server refuses as expired is
   * replaced once per call either way.
   */
  now?: () => number;
}

/** What a call resolves to: the server's JSON answer (see docs/financing.md "Reference"). */
export type FinancingAnswer = { [field: string]: any };
/** A request body or query: the wire's fields. */
export type FinancingRequest = { [field: string]: unknown };
/** Account numbers, customer ids, authorization and capture ids: digits as text or a number. */
export type FinancingId = string | number;

export interface FinancingPlanChoice {
  transaction_type: 'regular_purchase' | 'promotional_purchase';
  /** Promotional purchases: a plan the account is offered (lookup `offer_types`) and one of its terms. */
  plan_id?: number;
  term?: number;
}

export interface FinancingAuthorizationRequest extends FinancingRequest {
  account_number: FinancingId;
  amount: number | string;
  /** true: captured at once (the answer carries `capture_id`); false: capture later (pre-authorization). */
  auto_capture: boolean;
  financing_option: FinancingPlanChoice;
  /** Your order reference (≤ 40 characters). */
  reference?: string;
  /** A code from accounts.verify (single use, 30 minutes). */
  verification_code?: string;
  vcc_number?: string;
}

export interface FinancingClient {
  readonly customers: {
    /**
     * GET customers/lookup with exactly one of `account_number`, `vcc_number`, `customer_id`: the
     * customer, `available_credit`, `offer_types` (plans and terms) and `security_qid`.
     * Merchant scope. Throws DeclinedError (user_not_able_to_purchase, user_not_active), NotFoundError.
     */
    lookup(query: { account_number?: FinancingId; vcc_number?: string; customer_id?: FinancingId }): Promise<FinancingAnswer>;
    /** GET customers/search by `first_name`, `last_name`, `dob` (YYYY-MM-DD), optional `postal_code`: an array. Merchant scope. */
    search(query: { first_name: string; last_name: string; dob: string; postal_code?: string }): Promise<FinancingAnswer[]>;
    /** POST customers/driverslicense: the AAMVA text of a licence's PDF417 barcode, decoded. */
    decodeDriversLicense(request: { code: string }): Promise<FinancingAnswer>;
  };
  readonly accounts: {
    /**
     * POST accounts/{account_number}/calculate-interest: the regular purchase and every
     * promotional plan's terms (`term_amount`, `apr`, `fees`) for `amount` — the same figures
     * `createPayref({ financing: true }).financing.quote` computes.
     */
    calculateInterest(accountNumber: FinancingId, request: { amount: number | string }): Promise<FinancingAnswer>;
    /**
     * POST account/{account_number}/verify: `format` "sms" (default), "email", "security_question"
     * (+ `security_qid`, `security_answer`: the code comes back at once), "regular_purchase_bypass",
     * "merchant_override". Resolves to `{ verification_code }`. Throws DeclinedError
     * (secret_answer_mismatch, tries_exceed), ConflictError (sms_not_valid_phone, …_not_allowed).
     */
    verify(accountNumber: FinancingId, request?: FinancingRequest): Promise<{ verification_code: string }>;
  };
  readonly authorizations: {
    /**
     * POST authorization: holds `amount` on the customer's credit line (and captures it when
     * `auto_capture`). Throws DeclinedError (credit_exceeded, user_not_*, not_verified,
     * vcc_account_mismatch), ConflictError (plan_term_not_available, auth_not_allowed),
     * ValidationError (wrong_inputs, plan_term_not_set).
     */
    create(request: FinancingAuthorizationRequest): Promise<FinancingAnswer>;
    /** POST authorization/{id}/capture `{ amount, reference? }`. Merchant scope. ConflictError: authorization_ended, auth_amount_exceeded. */
    capture(authorizationId: FinancingId, request: { amount: number | string; reference?: string }): Promise<FinancingAnswer>;
    /** POST authorization/{id}/release: `amount` (default: all that remains). Merchant scope. */
    release(authorizationId: FinancingId, request?: { amount?: number | string; reference?: string }): Promise<FinancingAnswer>;
    /**
     * POST authorization/{id}/capture/{capture_id}/return: `amount` or `full_return: true`.
     * Merchant scope. ConflictError: capture_amount_exceeded, return_date_exceeded, wrong_transaction_type.
     */
    return(authorizationId: FinancingId, captureId: FinancingId, request: FinancingRequest): Promise<FinancingAnswer>;
    /** GET authorizations (filters and paging as query fields): `{ page_number, page_size, total_count, authorizations }`. Merchant scope. */
    list(query?: FinancingRequest): Promise<FinancingAnswer>;
    /** GET authorization/{id}, with its captures, returns and releases. Merchant scope. NotFoundError for another merchant's. */
    get(authorizationId: FinancingId): Promise<FinancingAnswer>;
  };
  readonly transactions: {
    /**
     * POST transactions: a payment on the account (`transaction_type` deposit, instore_payment,
     * tradein). Merchant scope. ConflictError: limit_payment_amount_24; DeclinedError: wrong_verification_code.
     */
    create(request: FinancingRequest): Promise<FinancingAnswer>;
  };
}
