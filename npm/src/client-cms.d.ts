// Types of the CMS subscriptions family's API client (client-cms.mjs; docs/client-cms.md). Field
// names, types and rules are those of docs/cms.md (PascalCase, amounts as JSON numbers).

/** The merchant's CMS identity (GET /_sandbox/credentials shows the demo's under "cms"). */
export interface CmsOptions {
  /** The long-lived identity token: the client signs on with it and renews the 30-minute session itself. */
  identityToken: string;
  /**
   * Named in every call that does not name one itself ("Dev_Test_28" for the demo): added to the
   * request body, or sent as ?merchantProfileId= by get, invoice and delete.
   */
  merchantProfileId?: string;
}

export type CmsSubscriptionState = 'Pending' | 'Active' | 'Suspended' | 'Cancelled' | 'Completed';
export type CmsIntervalUnit = 'Day' | 'Week' | 'Month' | 'Year';

export interface CmsAddress {
  Street1?: string | null; Street2?: string | null; HouseNumber?: string | null; City?: string | null;
  StateProvince?: string | null; PostalCode?: string | null;
  /** ISO alpha-3. */
  CountryCode?: string | null;
  AddressType?: string | null;
}
export interface CmsParty {
  Company?: string | null; FirstName?: string | null; LastName?: string | null; Address?: CmsAddress | null;
}
/** The order billed by each invoice; everything but CurrencyCode is stored and echoed only. */
export interface CmsOrder {
  /** ISO 4217 ("USD"). */
  CurrencyCode: string;
  BillingData?: CmsParty | null;
  ShippingData?: CmsParty | null;
  Tax?: { Amount: number; Rate: number } | null;
  TaxExempt?: 'NotSet' | 'Exempt' | 'NotExemptTaxInfoNotProvided' | 'NotExemptTaxInfoProvided';
  /** CustomerCode, Description, Enable3D, PromotionCode, ShipmentId, ShipCode, ShipMethod, ShippingTotal, DiscountTotal, DutyAmount, SubTotal, ItemizedTaxes, TaxExemptNumber, OrderItems, OrderTimeStamp (docs/cms.md). */
  [field: string]: unknown;
}
/** The card billed (never returned: answers show PaymentData null). */
export interface CmsPaymentData {
  /** A CWS card type matching the number's brand: "Visa", "MasterCard", "AmericanExpress", ... */
  CardType: string;
  PaymentAccountNumber: string;
  /** "MMYY", not expired. */
  PaymentAccountExpiration: string;
  PaymentAccountName?: string;
  PaymentType?: 'Credit' | 'NotSet';
}
/** The Subscription of create and update (docs/cms.md "Subscription fields"). */
export interface CmsSubscription {
  /** Billed by each regular invoice: a JSON number with at most the currency's decimals (9.99). */
  Amount: number;
  TrialAmount?: number;
  TotalTrialInvoices?: number;
  Description?: string | null;
  /** ≤ 50, unique among the merchant's subscriptions (ConflictError, code "521", otherwise). */
  MerchantSubscriptionId?: string | null;
  /** Date-times "YYYY-MM-DDTHH:MM:SS" with optional fraction and Z/±HH:MM offset. */
  StartDate: string;
  EndDate?: string | null;
  /** The first invoice date; its UTC day must be after today. */
  NextProcessingDate: string;
  IntervalUnit: CmsIntervalUnit;
  /** 1–999. */
  IntervalLength: number;
  /** 1–9999: all invoices, trial ones included. */
  IntervalCount: number;
  AutoRenew?: boolean;
  CustomerReferenceId?: string | null;
  EmployeeId?: string | null;
  Order: CmsOrder;
  /** Required on create; on update leave it out to keep the stored card. */
  PaymentData?: CmsPaymentData;
}
/** The body of create and update. */
export interface CmsSubscriptionRequest {
  Subscription: CmsSubscription;
  /** Default: options.cms.merchantProfileId. */
  MerchantProfileId?: string;
  Scope?: 'MerchantProfileId';
  ServiceId?: string;
  ApplicationProfileId?: string;
}
/** get's answer, and each item of a query (docs/cms.md "SubscriptionDetail"). Dates are UTC without an offset. */
export interface CmsSubscriptionDetail {
  InvoiceCount: number;
  Amount: number;
  TrialInvoiceCount: number;
  Description: string | null;
  SubscriptionState: CmsSubscriptionState;
  MerchantSubscriptionId: string | null;
  Scope: string;
  StartDate: string;
  CreatedDate: string;
  EndDate: string | null;
  /** "0001-01-01T00:00:00" until the first update. */
  LastUpdatedDate: string;
  IntervalUnit: CmsIntervalUnit;
  ServiceKey: string;
  IntervalLength: number;
  MerchantProfileId: string;
  /** null once Cancelled or Completed. */
  NextProcessingDate: string | null;
  SubscriptionReferenceId: string;
  IntervalCount: number;
  ServiceId: string;
  TotalTrialInvoices: number;
  ApplicationProfileId: string | null;
  TrialAmount: number;
  Order: CmsOrder;
  AutoRenew: boolean;
  CustomerReferenceId: string | null;
  /** Always null: card data is never returned. */
  PaymentData: null;
  EmployeeId: string | null;
}
/** The body of query (every parameter optional, combined with AND). */
export interface CmsQueryRequest {
  QuerySubscriptionParameters?: {
    SubscriptionReferenceId?: string;
    /** "NotSet" or absent: any state. */
    SubscriptionState?: CmsSubscriptionState | 'NotSet';
    CustomerReferenceId?: string;
    MerchantSubscriptionId?: string;
    CreatedDateRange?: { StartDateTime?: string; EndDateTime?: string };
  };
  /** Page from 0 (default 0); PageSize 1–100 (default 10). */
  PagingParameters?: { Page?: number; PageSize?: number };
  Scope?: 'MerchantProfileId';
  MerchantProfileId?: string;
}
export interface CmsQueryResult {
  Subscriptions: CmsSubscriptionDetail[];
  PageNumber: number;
  TotalPages: number;
  TotalFound: number;
}
/** The body of updateState (docs/cms.md "State machine"; a refused change is a ConflictError, code "520"). */
export interface CmsStateRequest {
  SubscriptionState: 'Active' | 'Suspended' | 'Cancelled';
  MerchantProfileId?: string;
}
/** invoice's answer when the invoice succeeded (a declined one throws DeclinedError, code "2"). */
export interface CmsInvoiceResult {
  InvoiceReferenceId: string;
  TransactionId: string;
  Status: 'Successful';
  StatusCode: '1';
  StatusMessage: string;
}
/** The optional second argument of get, invoice and delete. */
export interface CmsProfileRequest {
  /** Default: options.cms.merchantProfileId. */
  MerchantProfileId?: string;
}

/**
 * The CMS subscriptions API (docs/cms.md). Every call signs on first if needed and renews an
 * expired session once by itself. Failures are thrown as the package's error classes by ErrorId
 * (`code`): ValidationError 0 and 530, AuthenticationError 5005 (and 5000 if a fresh session is
 * refused again), NotFoundError 510, ConflictError 520 and 521, ServerError 9999, and for invoice
 * DeclinedError (StatusCode "2") or ServerError (processor error, "3"); `field` is the first
 * ValidationErrors' RuleKey ("Subscription.Amount").
 */
export interface CmsClient {
  readonly subscriptions: {
    /** CreateSubscription: resolves to the new SubscriptionReferenceId (32 upper-case hex). */
    create(request: CmsSubscriptionRequest): Promise<string>;
    /** GetSubscription. */
    get(subscriptionReferenceId: string, request?: CmsProfileRequest): Promise<CmsSubscriptionDetail>;
    /** QuerySubscriptions: creation order, pages from 0. */
    query(request?: CmsQueryRequest): Promise<CmsQueryResult>;
    /** UpdateSubscription: replaces the subscription's fields (PUT semantics); resolves to null. */
    update(subscriptionReferenceId: string, request: CmsSubscriptionRequest): Promise<null>;
    /** UpdateSubscriptionState: suspend, resume or cancel; resolves to null. */
    updateState(subscriptionReferenceId: string, request: CmsStateRequest): Promise<null>;
    /** InvoiceSubscription: bills the next invoice now. */
    invoice(subscriptionReferenceId: string, request?: CmsProfileRequest): Promise<CmsInvoiceResult>;
    /** DeleteSubscription (a hard delete); resolves to null. */
    delete(subscriptionReferenceId: string, request?: CmsProfileRequest): Promise<null>;
  };
}
