import type { ErrorCode } from '../domain/errors.js';

/** Exit codes scripts can rely on; documented in the README and `upskill --help`. */
export const EXIT = { ok: 0, failure: 1, usage: 2, notFound: 3, data: 4, store: 5, provider: 6 } as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'BAD_INPUT':
    case 'CONFIG_INVALID':
    case 'DOCUMENT_TOO_LARGE':
    case 'DOCUMENT_UNSUPPORTED':
    case 'DOCUMENT_ENCRYPTED':
    case 'DOCUMENT_CORRUPT':
    case 'DOCUMENT_EMPTY':
    case 'DOCUMENT_SCANNED':
    case 'DOCUMENT_TOO_COMPLEX':
    case 'DOCUMENT_TOO_MANY_PAGES':
    case 'DOCUMENT_INFLATES_TOO_LARGE':
    case 'DOCUMENT_TEXT_TOO_LONG':
    case 'DOCUMENT_TIMEOUT':
    case 'BAD_JSON':
    case 'UNSUPPORTED_MEDIA_TYPE':
    case 'HOST_NOT_ALLOWED':
    case 'ORIGIN_NOT_ALLOWED':
    case 'SIGN_IN_REQUIRED':
    case 'SIGN_IN_FAILED':
    case 'FORBIDDEN':
    case 'CSRF_TOKEN_INVALID':
    case 'ACCOUNT_LOCKED':
    case 'TOO_MANY_ATTEMPTS':
    case 'CONFLICT':
    case 'LINK_INVALID':
    case 'COACH_OFF':
      return EXIT.usage;
    case 'NOT_FOUND':
    case 'NO_MATCH':
      return EXIT.notFound;
    case 'DATA_NOT_LOADED':
    case 'SOURCE_NOT_FOUND':
    case 'SOURCE_INVALID':
    case 'DOWNLOAD_FAILED':
      return EXIT.data;
    case 'STORE_LOCKED':
    case 'STORE_FAILED':
    case 'DATABASE_UNAVAILABLE':
      return EXIT.store;
    case 'PROVIDER_FAILED':
    case 'PROVIDER_TIMEOUT':
      return EXIT.provider;
  }
}
