// Types of the CommonJS entry (index.node.cjs): the ES module's API, re-declared for `require`.
//   const { createPayref, createClient, DeclinedError } = require('payref');
// (TypeScript ≥ 5.3 for the resolution-mode attribute.)
import type * as payref from './index.js' with { 'resolution-mode': 'import' };
export type * from './index.js' with { 'resolution-mode': 'import' };

export declare const createPayref: typeof payref.createPayref;
export declare const createClient: typeof payref.createClient;
export default createPayref;

export declare const PayrefError: typeof payref.PayrefError;
export type PayrefError = payref.PayrefError;
export declare const ValidationError: typeof payref.ValidationError;
export type ValidationError = payref.ValidationError;
export declare const DeclinedError: typeof payref.DeclinedError;
export type DeclinedError = payref.DeclinedError;
export declare const AuthenticationError: typeof payref.AuthenticationError;
export type AuthenticationError = payref.AuthenticationError;
export declare const NotFoundError: typeof payref.NotFoundError;
export type NotFoundError = payref.NotFoundError;
export declare const ConflictError: typeof payref.ConflictError;
export type ConflictError = payref.ConflictError;
export declare const NetworkError: typeof payref.NetworkError;
export type NetworkError = payref.NetworkError;
export declare const ServerError: typeof payref.ServerError;
export type ServerError = payref.ServerError;
