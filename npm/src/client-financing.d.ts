// Types of the financing family's API client (client-financing.mjs). Not implemented yet.
export interface FinancingOptions {}
export interface FinancingClient {}
