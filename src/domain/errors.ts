/** Stable error codes: the CLI maps them to exit codes, the API to HTTP statuses. */
export type ErrorCode =
  | 'BAD_INPUT'
  | 'NOT_FOUND'
  | 'NO_MATCH'
  | 'DATA_NOT_LOADED'
  | 'SOURCE_NOT_FOUND'
  | 'SOURCE_INVALID'
  | 'DOWNLOAD_FAILED'
  | 'STORE_LOCKED'
  | 'STORE_FAILED'
  | 'CONFIG_INVALID'
  | 'DOCUMENT_TOO_LARGE'
  | 'DOCUMENT_UNSUPPORTED'
  | 'DOCUMENT_ENCRYPTED'
  | 'DOCUMENT_CORRUPT'
  | 'DOCUMENT_EMPTY'
  | 'DOCUMENT_SCANNED'
  | 'DOCUMENT_TOO_COMPLEX'
  | 'DOCUMENT_TOO_MANY_PAGES'
  | 'DOCUMENT_INFLATES_TOO_LARGE'
  | 'DOCUMENT_TEXT_TOO_LONG'
  | 'DOCUMENT_TIMEOUT'
  | 'DATABASE_UNAVAILABLE'
  | 'BAD_JSON'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'HOST_NOT_ALLOWED'
  | 'ORIGIN_NOT_ALLOWED'
  | 'SIGN_IN_REQUIRED'
  | 'SIGN_IN_FAILED'
  | 'FORBIDDEN'
  | 'CSRF_TOKEN_INVALID'
  | 'ACCOUNT_LOCKED'
  | 'TOO_MANY_ATTEMPTS'
  | 'CONFLICT'
  | 'LINK_INVALID'
  | 'PROVIDER_FAILED'
  | 'PROVIDER_TIMEOUT'
  | 'COACH_OFF';

/** An expected failure with a human message and a hint on what to do next. */
export class UpskillError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { hint?: string; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'UpskillError';
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }
}

/** True for errors Upskill raised on purpose (as opposed to bugs). */
export function isUpskillError(error: unknown): error is UpskillError {
  return error instanceof UpskillError;
}
