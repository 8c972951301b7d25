// Types of the cms family's API client (client-cms.mjs). Not implemented yet.
export interface CmsOptions {}
export interface CmsClient {}
