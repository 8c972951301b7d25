// Types of the billing family's API client (client-billing.mjs; docs/client-billing.md). Field
// names and rules are those of docs/billing.md "The Customer object".

/** The merchant's service user (HTTP Basic). GET /_sandbox/credentials shows the demo's under "billing". */
export interface BillingOptions {
  /** A service user name, "api-..." ("api-demo"). */
  username: string;
  password: string;
}

/** The fields a customer can carry on create and modify (text is printable ASCII, trimmed). */
export interface BillingCustomerFields {
  /** "P" person or "O" organisation; default "O" when organizationName is given, else "P". */
  type?: 'P' | 'O';
  /** ≤ 20 ("Mr", "Dr"). */
  title?: string;
  /** ≤ 255. Required on create. */
  firstName?: string;
  middleName?: string;
  /** ≤ 255. Required on create. */
  lastName?: string;
  /** ≤ 20 ("Jr", "III"). */
  suffix?: string;
  /** ≤ 255; required when type is "O". */
  organizationName?: string;
  /** "yyyy-MM-dd", from 1900, not after today. */
  birthDate?: string;
  gender?: 'M' | 'F';
  /** ≤ 30: letters, digits, '-' and spaces, as printed on the licence. */
  driverLicenseNumber?: string;
  /** The issuing state or province: 2–3 upper-case letters ("ON"). */
  driverLicenseState?: string;
  /** ≤ 100. */
  email?: string;
  /** A North-American 10-digit number in any common layout; stored as its 10 digits. */
  phone?: string;
  cellPhone?: string;
  street1?: string;
  street2?: string;
  city?: string;
  /** ≤ 3; with countryCode "CA" a province code. */
  state?: string;
  /** Checked for US and CA; stored normalised ("M5V 2T6"). */
  zipCode?: string;
  /** ISO-3166 alpha-2, upper-case. */
  countryCode?: string;
  /** Default true; a boolean or "true"/"false". */
  isActive?: boolean | 'true' | 'false';
}

/** customers.create: PUT /api/v01/customers. */
export interface BillingCustomerInput extends BillingCustomerFields {
  /** One of the service user's accounts (2001 or 2002 for "api-demo"); create-only. */
  accountId: number | string;
  /** ≤ 60, letters, digits, "-", "_", "."; unique per account; defaults to the new id; create-only. */
  code?: string;
  firstName: string;
  lastName: string;
}

/**
 * customers.modify: POST /api/v01/customers/{id}. Only the fields sent change; null or "" clears
 * an optional field. id, code, accountId and createDate may be sent back unchanged (a loaded
 * customer can be edited and sent whole); a different value is a ValidationError.
 */
export type BillingCustomerChanges = {
  [K in keyof BillingCustomerFields]?: BillingCustomerFields[K] | null;
} & { id?: number; code?: string; accountId?: number | string; createDate?: string };

/** A stored customer, as every call answers it; fields that are not set are left out. */
export interface BillingCustomer extends BillingCustomerFields {
  /** Assigned on create (a server-wide sequence). */
  readonly id: number;
  readonly code: string;
  readonly accountId: number;
  readonly type: 'P' | 'O';
  readonly firstName: string;
  readonly lastName: string;
  readonly isActive: boolean;
  /** "yyyy-MM-dd HH:mm:ss", the server clock (UTC) at create. */
  readonly createDate: string;
}

/** customers.find's query parameters (all optional; any other is a ValidationError). */
export interface BillingFindParameters {
  /** Records of the filtered, id-ordered result to skip (0–999999999, default 0). */
  offset?: number;
  /** Most records returned (1–1000, default 100). */
  limit?: number;
  /** Case-insensitive prefixes; "" is no filter. */
  firstName?: string;
  lastName?: string;
  organizationName?: string;
  email?: string;
  /** Digits the phone or cell phone starts with ("(416) 555" searches as 416555). */
  phone?: string;
  /** Prefix of street1 or street2. */
  street?: string;
  city?: string;
  state?: string;
  zipCode?: string;
  countryCode?: string;
  /** Only this account's customers (one of the service user's). */
  accountId?: number;
}

/**
 * The customers resource of the billing API (docs/billing.md). Failures are thrown as the
 * package's error classes: ValidationError (400 validation_error, 405, 415, 413), AuthenticationError
 * (401 unauthorized), NotFoundError (404, another merchant's customer included), ConflictError (409
 * duplicate code), ServerError (500), NetworkError. `code` is the billing error code
 * ("validation_error", "duplicate", ...), `field` the first bad field, `message` every problem.
 */
export interface BillingClient {
  readonly customers: {
    /** Creates a customer; resolves to it as stored (canonical phone and postal code, defaults filled in). */
    create(customer: BillingCustomerInput): Promise<BillingCustomer>;
    /** Finds the merchant's customers (id order); an empty array when none match. */
    find(parameters?: BillingFindParameters): Promise<BillingCustomer[]>;
    /** Loads one customer by id. */
    load(id: number | string): Promise<BillingCustomer>;
    /** Changes the fields sent; resolves to the whole updated customer. */
    modify(id: number | string, changes: BillingCustomerChanges): Promise<BillingCustomer>;
  };
}
