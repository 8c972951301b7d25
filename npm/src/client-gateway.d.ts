// Types of the gateway family's API client (client-core.mjs; operation names from
// sdk/src/client/gateway_operations.cpp). Field names and shapes are docs/gateway.md "Reference".
// On this wire scalars are strings: amounts "20.50", flags "True"/"False", enumerations "2", ids
// "100000001"; dates "YYYY-MM-DD HH:MM:SS" in UTC. A call resolves to the answer's `Response`
// member on Message.Code "00"; every other code (declines included) throws a PayrefError.

/** Any gateway Request object: field names and string values as on the wire (the loose form). */
export type GatewayRequest = Record<string, unknown>;
/** Any gateway Response member of a successful answer (the loose form). */
export type GatewayResponse = Record<string, any> | null;

export interface CallOptions {
  /** Money-moving calls send one; a fresh UUID when not given. Reuse it to retry safely. */
  idempotencyKey?: string;
}

/** A call that takes no Request fields (the envelope's Authentication comes from the client's options). */
export type GatewayEmptyRequest = Record<string, never>;

/** A flag in a request: "True"/"False" (case-insensitive); a JSON boolean is accepted too. */
export type GatewayFlag = string | boolean;
/** A flag in a response. */
export type GatewayFlagText = 'True' | 'False';

// ---- Shared objects -------------------------------------------------------------------------

/** A card in a request. */
export interface Card {
  /** Digits (spaces and dashes ignored); must pass the Luhn check and match a known brand. */
  CardNumber: string;
  /** "MM/YY" ("M/YY", "MM/YYYY", "MMYY", "YYYY-MM" are read too); not expired, at most 19 years ahead. */
  ExpiryDate: string;
  /** 4 digits for American Express, 3 for the others; checked, never stored. */
  CVV: string;
}

/** A US bank account in a request. */
export interface BankAccount {
  /** 9-digit ABA routing number with a valid checksum ("011000015"). */
  RoutingNumber: string;
  /** 4–17 digits. */
  BankAccountNumber: string;
  /** Text(100). */
  AccountHolderName: string;
}

/** A person's or company's name (Text(100) each). */
export interface Name {
  FirstName: string;
  LastName: string;
  MiddleName?: string;
  CompanyName?: string;
}

/** A billing address in a request. */
export interface BillingAddress {
  Street: string;
  City: string;
  /** Checked for the country: US "12345"/"12345-6789", Canada "A1A 1A1", others 2–10 letters/digits. */
  Zip: string;
  /** ISO-3166 alpha-3 "USA", alpha-2 "US" or numeric "840". */
  Country: string;
  HouseNumber?: string;
  ApartmentNumber?: string;
  Street2?: string;
  County?: string;
  State?: string;
}

/** A billing address as stored and echoed: every part, Country as alpha-3, Zip normalised. */
export interface StoredBillingAddress extends Required<BillingAddress> {
  CountryName: string;
  Country2AlphaCode: string;
  Country3AlphaCode: string;
  CountryNumericCode: string;
}

/** Customer locator: CustomerProfileId, else CustomerId (the same value), else Email; one is required. */
export interface CustomerLocator {
  /** 9 digits ("100000001"). */
  CustomerProfileId?: string;
  /** The seed's other spelling of CustomerProfileId. */
  CustomerId?: string;
  Email?: string;
}

/** Exactly one of Card or BankAccount. */
export type PaymentSource = { Card: Card; BankAccount?: never } | { BankAccount: BankAccount; Card?: never };

/** The ids a customer / payment-profile call answers with. */
export interface ProfileIds {
  CustomerProfileId: string;
  PaymentProfileId: string;
}

/**
 * Transaction result: the Response of every payment call (payments.*, profiles.*).
 * Status: "Authorized", "Charged", "Refunded", "Settled", "Voided", "Debited", "Credited", "Recorded", ...
 */
export interface TransactionResult {
  /** 9 digits ("300000001"). */
  TransactionId: string;
  /** "1" authorize, "2" charge, "3" refund, "4" settle, "5" void, "6" bank debit, "7" bank credit, "8" third party. */
  TransactionType: string;
  TransactionReference: string;
  /** "YYYY-MM-DD HH:MM:SS" UTC. */
  TransactionDateTime: string;
  /** With all the currency's decimals ("20.50"). */
  Amount: string;
  CurrencyCode: string;
  /** 6 upper-case letters/digits; null for declines, bank transfers and third-party records. */
  AuthCode: string | null;
  Status: string;
  /** "Visa", "MasterCard", "American Express", "Discover", ... (card transactions). */
  CardType?: string;
  /** "411111******1111" (card transactions). */
  MaskedCardNumber?: string;
  /** On settle/void/refund records. */
  OriginalTransactionId?: string;
  /** Transactions on a stored profile. */
  CustomerProfileId?: string;
  PaymentProfileId?: string;
  /** Bank transfers. */
  RoutingNumber?: string;
  /** Bank transfers ("*****6789"). */
  MaskedAccountNumber?: string;
}

/** Free-form objects a payment call stores as given (Discount, Marketing, RevenuePartner). */
export type PassThrough = Record<string, unknown>;

// ---- Clients --------------------------------------------------------------------------------

/** client/register: no envelope, the fields sit at the top level. */
export interface ClientRegisterRequest {
  /** E-mail address, 6–256 characters. */
  EmailAddress: string;
  FirstName: string;
  LastName: string;
  Company: string;
  ApplicationName: string;
  /** ISO-3166 alpha-3, exactly 3 characters ("USA"). */
  CountryCode: string;
}

/** client/update: the new registration e-mail address. */
export interface ClientUpdateRequest {
  Updates: { EmailAddress: string };
}

// ---- Customers and payment profiles ---------------------------------------------------------

/** customer/register: a customer and its first payment profile. */
export type CustomerRegisterRequest = PaymentSource & {
  /** Unique among this client's customers (case-insensitive), Text(256). */
  Email: string;
  Name: Name;
  BillingAddress: BillingAddress;
  /** Text(100), stored and echoed. */
  Authorizer?: string;
  /** Defaults to now. */
  RegistrationDateTime?: string;
};

/** customer/payments/register: another payment profile. */
export type PaymentProfileRegisterRequest = CustomerLocator & PaymentSource & {
  Name: Name;
  BillingAddress: BillingAddress;
  Authorizer?: string;
  RegistrationDateTime?: string;
  /** "True" makes it the default; default "False". */
  DefaultPayment?: GatewayFlag;
};

/** customer/payments/register's answer: CustomerProfileId is null when only a payment profile was registered. */
export interface PaymentProfileRegistered {
  CustomerProfileId: string | null;
  PaymentProfileId: string;
}

/** customer/payments/update: a partial update (send only what changes). */
export interface PaymentProfileUpdateRequest extends CustomerLocator {
  PaymentProfileId: string;
  Updates: {
    /** Card profiles only; the card number cannot change. */
    Card?: { ExpiryDate?: string; CVV?: string };
    /** The country cannot change; Zip is checked for the stored country. */
    BillingAddress?: Partial<Omit<BillingAddress, 'Country'>>;
    /** "True" makes this profile the default. */
    MakeDefault?: GatewayFlag;
  };
  Authorizer?: string;
  UpdateDateTime?: string;
}

/** customer/payments/remove. */
export interface PaymentProfileRemoveRequest extends CustomerLocator {
  PaymentProfileId: string;
  /** Checked, not kept. */
  RemovalDateTime?: string;
}

/** customer/profile: one profile of a customer. */
export interface CustomerProfileRequest extends CustomerLocator {
  PaymentProfileId: string;
}

/** GET customer. */
export interface Customer {
  CustomerProfileId: string;
  Email: string;
  /** null when the customer has no profile left. */
  DefaultPaymentProfileId: string | null;
  PaymentProfileIds: string[];
  /** "YYYY-MM-DD HH:MM:SS" UTC. */
  CreatedAt: string;
}

/** A payment profile in customer/profiles. */
export interface PaymentProfileSummary {
  PaymentProfileId: string;
  CustomerProfileId: string;
  PaymentType: 'Card' | 'BankAccount';
  IsDefault: GatewayFlagText;
  /** Card profiles. */
  Card?: { CardType: string; MaskedCardNumber: string; ExpiryDate: string };
  /** Bank-account profiles. */
  BankAccount?: { RoutingNumber: string; MaskedAccountNumber: string; AccountHolderName: string };
}

/** A payment profile in customer/profiles/full. */
export interface PaymentProfileFull extends PaymentProfileSummary {
  Name: Required<Name>;
  BillingAddress: StoredBillingAddress;
  Authorizer: string;
  RegistrationDateTime: string;
  /** null until updated. */
  UpdateDateTime: string | null;
}

export interface CustomerProfiles {
  CustomerProfileId: string;
  /** Oldest first. */
  PaymentProfiles: PaymentProfileSummary[];
}

export interface CustomerProfilesFull {
  CustomerProfileId: string;
  Email: string;
  PaymentProfiles: PaymentProfileFull[];
}

// ---- Discount codes -------------------------------------------------------------------------

/** discountcode/add: Percent or Amount, not both. */
export interface DiscountCodeAddRequest {
  /** 3–32 of A–Z 0–9 - _; unique per client. */
  DiscountCode: string;
  /** "12.5": above 0, at most 100, two decimals at most. */
  Percent?: string;
  /** A fixed amount off, in CurrencyCode. */
  Amount?: string;
  /** With Amount or MinimumOrder. */
  CurrencyCode?: string;
  /** The only product it applies to (any product when absent). */
  Product?: string;
  /** "YYYY-MM-DD HH:MM:SS"; the dates count, both inclusive. */
  StartDate?: string;
  EndDate?: string;
  /** Whole number ≥ 1. */
  MaxUses?: string | number;
  MinimumOrder?: string;
}

/** A stored discount code (absent parts null). */
export interface DiscountCode {
  DiscountCode: string;
  Product: string | null;
  /** "12.50". */
  Percent: string | null;
  Amount: string | null;
  CurrencyCode: string | null;
  /** "YYYY-MM-DD". */
  StartDate: string | null;
  EndDate: string | null;
  MaxUses: number | null;
  /** Purchases that applied it. */
  Uses: number;
  MinimumOrder: string | null;
}

/** discountcode/validate. */
export interface DiscountCodeValidateRequest {
  DiscountCode: string;
  Product?: string;
  /** The order amount; with it the answer carries OrderAmount, DiscountAmount and Total. */
  Amount?: string;
  CurrencyCode?: string;
}

/** discountcode/validate's answer: the stored code, plus the computed discount when an Amount was sent. */
export interface DiscountValidation extends DiscountCode {
  OrderAmount?: string;
  DiscountAmount?: string;
  Total?: string;
}

// ---- Payments -------------------------------------------------------------------------------

/** payments/creditcard/authorize and charge. */
export interface CardPaymentRequest {
  Card: Card;
  /** Decimal text in the currency ("20.50"). */
  Amount: string;
  /** ISO-4217 ("USD"). */
  CurrencyCode: string;
  /** The cardholder's e-mail address (the transaction list is by this address). */
  Email: string;
  /** Text(50), unique per client across all transactions. */
  TransactionReference: string;
  /** "1" authorize / "2" charge. */
  TransactionType?: string;
  TransactionDateTime?: string;
  /** "0"–"9" ("3" = e-commerce). */
  CaptureMethod?: string;
  Name?: Name;
  BillingAddress?: BillingAddress;
  Authorizer?: string;
  Discount?: PassThrough;
  Marketing?: PassThrough;
  RevenuePartner?: PassThrough;
}

/** payments/creditcard/refund, transaction/settle, transaction/void: they quote the original. */
export interface FollowUpRequest {
  TransactionId: string;
  AuthCode: string;
  OriginalTransactionReference: string;
  CurrencyCode: string;
  /** Settle and void: equal to the original's amount. Refund: the amount to refund. */
  Amount: string;
  OriginalTransactionDateTime?: string;
  /** "3" refund, "4" settle, "5" void. */
  TransactionType?: string;
  /** Refund only: a new unique reference for the refund record. */
  TransactionReference?: string;
  Email?: string;
  /** Text(255), audit text. */
  Reason?: string;
  TransactionDateTime?: string;
}

/** payments/b2b/transaction/debit and credit (the account's fields sit directly in Request). */
export interface BankTransferRequest extends BankAccount {
  /** USD amount. */
  Amount: string;
  /** "USD" only (the default). */
  CurrencyCode?: string;
  Email: string;
  TransactionReference: string;
  /** "6" debit / "7" credit. */
  TransactionType?: string;
  Description?: string;
  TransactionDateTime?: string;
  Name?: Name;
  Authorizer?: string;
  Discount?: PassThrough;
  Marketing?: PassThrough;
  RevenuePartner?: PassThrough;
}

/** payments/thirdparty: records a payment taken elsewhere. */
export interface ThirdPartyRequest {
  Amount: string;
  CurrencyCode: string;
  Email: string;
  TransactionReference: string;
  /** Text(100), how it was paid ("PayPal"). */
  PaymentMethod?: string;
  Description?: string;
  TransactionDateTime?: string;
  Authorizer?: string;
  Discount?: PassThrough;
  Marketing?: PassThrough;
  RevenuePartner?: PassThrough;
}

/** profiles/authorize and charge: a card payment on a stored card profile. */
export interface ProfilePaymentRequest extends Omit<CardPaymentRequest, 'Card'> {
  CustomerProfileId: string;
  PaymentProfileId: string;
}

/** profiles/refund, settle, void. */
export interface ProfileFollowUpRequest extends FollowUpRequest {
  CustomerProfileId: string;
}

/** A transaction result on a stored profile. */
export interface ProfileTransactionResult extends TransactionResult {
  CustomerProfileId: string;
  PaymentProfileId: string;
}

// ---- Transactions ---------------------------------------------------------------------------

export interface TransactionListRequest {
  /** Case-insensitive match. */
  Email: string;
  /** 1–100, default 20. */
  PageSize?: string | number;
  /** From 1, default 1. */
  PageNumber?: string | number;
  /** Text(64), echoed; times stay UTC. */
  TimeZone?: string;
}

/** A transaction in the history. */
export interface TransactionListItem {
  TransactionId: string;
  TransactionType: string;
  TransactionReference: string;
  TransactionDateTime: string;
  /** A number here (49.99), unlike everywhere else. */
  Amount: number;
  CurrencyCode: string;
  AuthCode: string | null;
  /** The current status. */
  Status: string;
  /** The Message.Code the attempt got. */
  ResponseCode: string;
  /** "Card", "Bank", "ThirdParty". */
  PaymentMethod: string;
  CardType?: string;
  MaskedCardNumber?: string;
  MaskedAccountNumber?: string;
  OriginalTransactionId?: string;
  Description?: string;
  /** Recurring charges. */
  RecurringPaymentId?: string;
}

export interface TransactionList {
  Email: string;
  /** "UTC" by default. */
  TimeZone: string;
  PageSize: number;
  PageNumber: number;
  MorePages: boolean;
  /** Newest first. */
  Transactions: TransactionListItem[];
}

// ---- Recurring payments ---------------------------------------------------------------------

export interface RecurringPaymentRegisterRequest {
  CustomerProfileId: string;
  Recurring: {
    PaymentProfileId: string;
    Amount: string;
    CurrencyCode: string;
    /** "0" daily, "1" weekly, "2" monthly, "3" quarterly, "4" annually. */
    Frequency: string;
    /** "YYYY-MM-DD HH:MM:SS" UTC; the date counts; today or later. */
    StartDateTime: string;
    /** The last date a payment may fall on. */
    EndDateTime?: string;
    /** Text(255), copied to each transaction. */
    Description?: string;
  };
  Marketing?: PassThrough;
  RevenuePartner?: PassThrough;
}

/** recurringpayments/suspend, resume, remove. */
export interface RecurringPaymentRef {
  CustomerProfileId: string;
  RecurringPaymentId: string;
}

/** The answer of register/suspend/resume/remove. */
export interface RecurringPaymentState extends RecurringPaymentRef {
  /** "YYYY-MM-DD"; null while suspended, once removed and once completed. */
  NextProcessingDate: string | null;
}

/** A schedule in recurringpayments/list. Status: "Active", "Suspended", "Completed", "Removed". */
export interface RecurringPayment extends RecurringPaymentState {
  PaymentProfileId: string;
  Amount: string;
  CurrencyCode: string;
  Frequency: string;
  StartDateTime: string;
  EndDateTime: string | null;
  Description: string | null;
  Status: string;
  PaymentsMade: number;
  LastPaymentDate: string | null;
  LastTransactionId: string | null;
  LastResponseCode: string | null;
}

export interface RecurringPaymentList {
  CustomerProfileId: string;
  /** Oldest first, removed ones included. */
  RecurringPayments: RecurringPayment[];
}

// ---- Catalogue ------------------------------------------------------------------------------

/** "AlaCarte", "Bundle", "Curated Collection", "Developer", "Membership", "Saas", "Software", "Software Bundle". */
export type PackageType = string;
/** "Render", "Storage", "Workstation" (filters also take "All"). */
export type ProductType = string;

/** A catalogue package. */
export interface Package {
  Id: string;
  Sku: string;
  Name: string;
  Description: string;
  PackageType: PackageType;
  ProductType: ProductType;
  /** "Monthly", "Annual" or "Perpetual". */
  Term: string;
  Price: string;
  /** null when the package has none. */
  MemberPrice: string | null;
  SeatBased: boolean;
  /** Orders the bundles of a product type (upgrades go up); null for other packages. */
  Tier: number | null;
  /** The SKUs a bundle or collection contains. */
  Includes: string[];
  /** Membership packages: the association. */
  Association: string | null;
  CurrencyCode: string;
  /** The unit price the caller's Email pays. */
  YourPrice: string;
  /** packages.list with a DiscountCode: YourPrice after the code, or null. */
  DiscountedPrice?: string | null;
  /** packages.list with a DiscountCode: why it does not apply ("discount.expired", ...), or null. */
  DiscountReason?: string | null;
}

/** A collection or bundle, with its included packages. */
export interface PackageWithContents extends Package {
  Contents: Package[];
}

/** packages.list. */
export interface PackageListRequest {
  /** Decides member pricing. */
  Email?: string;
  /** Default "All". */
  PackageType?: PackageType;
  /** Default "All". */
  ProductType?: ProductType;
  DiscountCode?: string;
}

export interface PackageList {
  Email: string | null;
  IsMember: GatewayFlagText;
  PackageType: string;
  ProductType: string;
  CurrencyCode: string;
  /** Present when a DiscountCode was given. */
  DiscountCode?: string;
  /** Catalogue order. */
  Packages: Package[];
}

/** packages.software / curatedCollection / softwareBundle: Email prices it for a member. */
export interface PackageGetRequest {
  Email?: string;
}

export interface IsvPricingRequest {
  /** Default 1. */
  Seats?: string | number;
  Sku?: string;
  ProductType?: ProductType;
}

/** A volume tier: MinSeats and up get PercentOff ("10") off the list price. */
export interface IsvTier {
  MinSeats: number;
  PercentOff: string;
}

export interface IsvPricing {
  CurrencyCode: string;
  Seats: number;
  Tier: IsvTier | null;
  Tiers: IsvTier[];
  Packages: Array<{
    Sku: string; Name: string; PackageType: PackageType; ProductType: ProductType; Term: string;
    ListPrice: string;
    /** The unit price at the tier Seats reaches. */
    IsvPrice: string;
    /** IsvPrice × Seats. */
    Total: string;
  }>;
}

// ---- Purchases ------------------------------------------------------------------------------

/** How an order is paid (the seed's purchase model). */
export interface PaymentMethod {
  /** "1" card, "2" bank account, "3" stored profile. */
  PaymentType: string;
  Name?: Name;
  /** Must be the catalogue's ("USD"). */
  CurrencyCode?: string;
  Authorizer?: string;
  /** PaymentType "1". */
  CardPayment?: { Card: Card; CaptureMethod?: string; BillingAddress?: BillingAddress; SaveToFile?: GatewayFlag };
  /** PaymentType "2". */
  BankRequest?: BankAccount & { BillingAddress?: BillingAddress; SaveToFile?: GatewayFlag };
  /** PaymentType "3": one of your customers' profiles. */
  StoredProfile?: ProfileIds;
}

/** A discount code applied to an order. */
export interface PurchaseDiscount {
  DiscountCode: string;
  Product?: string;
}

export interface PurchaseRequest {
  /** The buyer: decides member pricing, owns the licences. */
  Email: string;
  /** 1–50 lines; a Membership SKU with quantity 1 only. */
  Skus: Array<{ Sku: string; /** 1–10000, default 1. */ Quantity?: string | number }>;
  PaymentMethod: PaymentMethod;
  /** Text(50), unique per client. */
  TransactionReference: string;
  /** Stored as PurchaseDate. */
  TransactionDateTime?: string;
  Discount?: PurchaseDiscount;
  Marketing?: PassThrough;
  RevenuePartner?: PassThrough;
  UpdateRenderRocket?: GatewayFlag;
}

/** An order line: LicenceId/StartDate/EndDate for a licence, MembershipId for a membership. */
export interface PurchaseLine {
  Sku: string;
  Name: string;
  PackageType?: PackageType;
  ProductType?: ProductType;
  Quantity: number;
  UnitPrice: string;
  LineTotal: string;
  LicenceId?: string;
  /** "YYYY-MM-DD". */
  StartDate?: string;
  /** null for perpetual licences. */
  EndDate?: string | null;
  MembershipId?: string;
  /** Upgrades and downgrades: the licence this one replaces. */
  ReplacesLicenceId?: string;
}

/** A purchase record (purchase's answer; packages.purchased lists them). Kind: "Purchase", "Upgrade", "Downgrade". */
export interface Purchase {
  PurchaseId: string;
  Kind: string;
  Email: string;
  PurchaseDate: string;
  TransactionId: string | null;
  TransactionReference: string | null;
  Lines: PurchaseLine[];
  Subtotal: string;
  DiscountCode: string | null;
  DiscountAmount: string | null;
  CreditApplied: string | null;
  /** Downgrades. */
  CreditIssued?: string | null;
  Total: string;
  CurrencyCode: string;
  MemberPricing: GatewayFlagText | null;
  /** The memberships the purchase started. */
  Memberships: Membership[] | null;
  Marketing: PassThrough | null;
  RevenuePartner: PassThrough | null;
  UpdateRenderRocket: GatewayFlagText | null;
}

/** purchase's answer: the purchase, with the payment's outcome. */
export interface PurchaseResult extends Purchase {
  AuthCode: string | null;
  /** "Charged", "Debited" or "NoPaymentDue". */
  Status: string;
  /** With SaveToFile "True": the new payment profile. */
  SavedPaymentProfile?: ProfileIds;
}

export interface PurchasedRequest {
  Email: string;
  Sku?: string;
  /** "0" count, "1" all (default), "2" last, "3" first. */
  RequestType?: string;
}

export interface PurchasedList {
  Email: string;
  Sku: string | null;
  RequestType: string;
  /** The number of matching purchases. */
  Count: number;
  /** Empty for RequestType "0". */
  Purchases: Purchase[];
}

/** A seat licence. Status: "Active", "Upgraded", "Downgraded", ... */
export interface PackageLicence {
  LicenceId: string;
  Sku: string;
  Name: string;
  Seats: number;
  UnitPrice: string;
  CurrencyCode: string;
  StartDate: string;
  /** null for perpetual licences. */
  EndDate: string | null;
  Status: string;
  PurchaseId: string;
}

/** packages/bundle/upgrade and downgrade: both SKUs bundles of the same ProductType. */
export interface BundleChangeRequest {
  Email: string;
  FromSku: string;
  ToSku: string;
  /** Required for upgrade. */
  TransactionReference?: string;
  /** Upgrade, when anything is due. */
  PaymentMethod?: PaymentMethod;
}

export interface BundleChange {
  PurchaseId: string;
  Email: string;
  FromSku: string;
  ToSku: string;
  Seats: number;
  FromUnitPrice: string;
  ToUnitPrice: string;
  /** null for perpetual terms. */
  RemainingDays: number | null;
  TermDays: number | null;
  /** The new licence. */
  Licence: PackageLicence;
  CurrencyCode: string;
}

export interface BundleUpgrade extends BundleChange {
  ProratedCharge: string;
  CreditApplied: string;
  AmountCharged: string;
  /** null when nothing was charged. */
  TransactionId: string | null;
}

export interface BundleDowngrade extends BundleChange {
  CreditIssued: string;
  CreditBalance: string;
}

export interface TrueUpRequest {
  Email: string;
  Sku: string;
  /** The seats in use. */
  Seats: string | number;
}

export interface TrueUp {
  Email: string;
  Sku: string;
  LicensedSeats: number;
  Seats: number;
  AdditionalSeats: number;
  UnitPrice: string;
  RemainingDays: number | null;
  TermDays: number | null;
  /** "0.00" when Seats does not exceed the licensed seats. */
  TrueUpPrice: string;
  CurrencyCode: string;
}

// ---- Memberships ----------------------------------------------------------------------------

/** A membership. Status: "Active", "PendingCancellation", "Cancelled", "Lapsed". */
export interface Membership {
  MembershipId: string;
  Email: string;
  Sku: string;
  Name: string;
  Association: string;
  ProductType: ProductType;
  Status: string;
  JoinDate: string;
  NextRenewalDate: string | null;
  EndDate: string | null;
  MonthlyFee: string;
  CurrencyCode: string;
  CustomerProfileId: string | null;
  PaymentProfileId: string | null;
  RenewalsMade: number;
  LastTransactionId: string | null;
  LastResponseCode: string | null;
}

export interface MembershipList {
  Email: string;
  IsMember: GatewayFlagText;
  /** Oldest first, ended ones included. */
  Memberships: Membership[];
}

export interface MembershipJoinRequest {
  Email: string;
  /** A Membership SKU. */
  Sku: string;
  TransactionReference: string;
  PaymentMethod: PaymentMethod;
  Discount?: PurchaseDiscount;
}

export interface MembershipJoined extends Membership {
  AmountCharged: string;
  DiscountAmount: string;
}

/** memberships/cancel: MembershipId or Sku. */
export interface MembershipCancelRequest {
  Email: string;
  MembershipId?: string;
  Sku?: string;
}

// ---- The client -----------------------------------------------------------------------------

/** A call whose Request is required. */
export type GatewayOp<Req, Res> = (request: Req, options?: CallOptions) => Promise<Res>;
/** A call whose Request is optional. */
export type GatewayOptionalOp<Req, Res> = (request?: Req, options?: CallOptions) => Promise<Res>;
/** A call with a path parameter first. */
export type GatewayParamOp<Req, Res> = (pathParameter: string, request?: Req, options?: CallOptions) => Promise<Res>;

/** Every gateway operation (docs/gateway.md "Reference"), grouped by resource. */
export interface GatewayClient {
  /** Registration calls answer with Message only: they resolve to null. */
  readonly clients: {
    register: GatewayOp<ClientRegisterRequest, null>;
    /** The client's options carry the Id and the activation code as key. */
    activate: GatewayOptionalOp<GatewayEmptyRequest, null>;
    cancel: GatewayOptionalOp<GatewayEmptyRequest, null>;
    update: GatewayOp<ClientUpdateRequest, null>;
  };
  readonly customers: {
    register: GatewayOp<CustomerRegisterRequest, ProfileIds>;
    get: GatewayOp<CustomerLocator, Customer>;
    profile: GatewayOp<CustomerProfileRequest, ProfileIds>;
    profiles: GatewayOp<CustomerLocator, CustomerProfiles>;
    profilesFull: GatewayOp<CustomerLocator, CustomerProfilesFull>;
    defaultProfile: GatewayOp<CustomerLocator, ProfileIds>;
  };
  readonly paymentProfiles: {
    register: GatewayOp<PaymentProfileRegisterRequest, PaymentProfileRegistered>;
    update: GatewayOp<PaymentProfileUpdateRequest, ProfileIds>;
    remove: GatewayOp<PaymentProfileRemoveRequest, ProfileIds>;
  };
  readonly discountCodes: {
    add: GatewayOp<DiscountCodeAddRequest, DiscountCode>;
    validate: GatewayOp<DiscountCodeValidateRequest, DiscountValidation>;
    /**
     * Checks a code in the core first (sdk/discount's syntax: 3–32 of A–Z 0–9 - _; a ValidationError
     * with `code` "discount.malformed" etc. and no request otherwise), then asks the server's
     * validate endpoint; resolves to its Response (DiscountAmount, Total, ...).
     */
    check(code: string, order?: { product?: string; amount?: string | number; currency?: string }, options?: CallOptions): Promise<DiscountValidation>;
  };
  readonly isv: { pricing: GatewayOptionalOp<IsvPricingRequest, IsvPricing> };
  /** memberships.list(email). */
  readonly memberships: {
    join: GatewayOp<MembershipJoinRequest, MembershipJoined>;
    cancel: GatewayOp<MembershipCancelRequest, Membership>;
    list: GatewayParamOp<GatewayEmptyRequest, MembershipList>;
  };
  readonly payments: {
    authorize: GatewayOp<CardPaymentRequest, TransactionResult>;
    charge: GatewayOp<CardPaymentRequest, TransactionResult>;
    refund: GatewayOp<FollowUpRequest, TransactionResult>;
    settle: GatewayOp<FollowUpRequest, TransactionResult>;
    void: GatewayOp<FollowUpRequest, TransactionResult>;
    bankDebit: GatewayOp<BankTransferRequest, TransactionResult>;
    bankCredit: GatewayOp<BankTransferRequest, TransactionResult>;
    thirdParty: GatewayOp<ThirdPartyRequest, TransactionResult>;
  };
  /** packages.software(softwareId), curatedCollection(sku), softwareBundle(bundleID). */
  readonly packages: {
    list: GatewayOptionalOp<PackageListRequest, PackageList>;
    purchased: GatewayOp<PurchasedRequest, PurchasedList>;
    upgradeBundle: GatewayOp<BundleChangeRequest, BundleUpgrade>;
    downgradeBundle: GatewayOp<BundleChangeRequest, BundleDowngrade>;
    truingUp: GatewayOp<TrueUpRequest, TrueUp>;
    purchase: GatewayOp<PurchaseRequest, PurchaseResult>;
    curatedCollection: GatewayParamOp<PackageGetRequest, PackageWithContents>;
    softwareBundle: GatewayParamOp<PackageGetRequest, PackageWithContents>;
    software: GatewayParamOp<PackageGetRequest, Package>;
  };
  readonly profiles: {
    authorize: GatewayOp<ProfilePaymentRequest, ProfileTransactionResult>;
    charge: GatewayOp<ProfilePaymentRequest, ProfileTransactionResult>;
    refund: GatewayOp<ProfileFollowUpRequest, TransactionResult>;
    settle: GatewayOp<ProfileFollowUpRequest, TransactionResult>;
    void: GatewayOp<ProfileFollowUpRequest, TransactionResult>;
  };
  readonly recurringPayments: {
    register: GatewayOp<RecurringPaymentRegisterRequest, RecurringPaymentState>;
    suspend: GatewayOp<RecurringPaymentRef, RecurringPaymentState>;
    resume: GatewayOp<RecurringPaymentRef, RecurringPaymentState>;
    remove: GatewayOp<RecurringPaymentRef, RecurringPaymentState>;
    list: GatewayOp<{ CustomerProfileId: string }, RecurringPaymentList>;
  };
  readonly transactions: { list: GatewayOp<TransactionListRequest, TransactionList> };
}
