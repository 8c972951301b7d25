// Types of the billing family's API client (client-billing.mjs). Not implemented yet.
export interface BillingOptions {}
export interface BillingClient {}
