// The error classes every family of the API client throws (docs/client.md "Errors").

/** Base class of every error the client throws; `kind` says which subclass it is. */
export class PayrefError extends Error {
  constructor(details) {
    super(details.message || details.kind);
    this.name = new.target.name;
    this.kind = details.kind;              // 'validation', 'declined', ...
    this.family = details.family || null;  // 'gateway', ...
    this.code = details.code || null;      // the family's own code: Message.Code '51', ...
    this.field = details.field || null;    // 'Request.Card.CardNumber'
    this.httpStatus = details.httpStatus || null;
  }
}
export class ValidationError extends PayrefError {}
export class DeclinedError extends PayrefError {}
export class AuthenticationError extends PayrefError {}
export class NotFoundError extends PayrefError {}
export class ConflictError extends PayrefError {}
export class NetworkError extends PayrefError {}
export class ServerError extends PayrefError {}

export const errorClasses = {
  validation: ValidationError, declined: DeclinedError, authentication: AuthenticationError,
  not_found: NotFoundError, conflict: ConflictError, network: NetworkError, server: ServerError,
};
