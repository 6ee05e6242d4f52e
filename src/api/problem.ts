import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from '@hono/zod-openapi';
import { isUpskillError, type ErrorCode } from '../domain/errors.js';

/** RFC 9457 problem body with Upskill's stable error code. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ example: 'NOT_FOUND' }),
    detail: z.string(),
    hint: z.string().optional(),
  })
  .openapi('Problem');

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  BAD_INPUT: 400,
  CONFIG_INVALID: 500,
  NOT_FOUND: 404,
  NO_MATCH: 404,
  DATA_NOT_LOADED: 503,
  SOURCE_NOT_FOUND: 503,
  SOURCE_INVALID: 503,
  DOWNLOAD_FAILED: 503,
  STORE_LOCKED: 503,
  STORE_FAILED: 503,
  DOCUMENT_TOO_LARGE: 413,
  DOCUMENT_UNSUPPORTED: 415,
  DOCUMENT_ENCRYPTED: 422,
  DOCUMENT_CORRUPT: 422,
  DOCUMENT_EMPTY: 422,
  DOCUMENT_SCANNED: 422,
  DOCUMENT_TOO_COMPLEX: 422,
  DOCUMENT_TOO_MANY_PAGES: 422,
  DOCUMENT_INFLATES_TOO_LARGE: 413,
  DOCUMENT_TEXT_TOO_LONG: 413,
  DOCUMENT_TIMEOUT: 422,
  DATABASE_UNAVAILABLE: 503,
  BAD_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  HOST_NOT_ALLOWED: 421,
  ORIGIN_NOT_ALLOWED: 403,
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  413: 'Content too large',
  415: 'Unsupported media type',
  421: 'Misdirected request',
  422: 'Unprocessable document',
  500: 'Internal error',
  503: 'Service unavailable',
};

export function problem(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  detail: string,
  hint?: string,
): Response {
  const body = {
    type: `https://upskill.local/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    ...(hint ? { hint } : {}),
  };
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' });
}

/** Maps any thrown error to a problem response; unexpected errors never leak their internals. */
export function errorToProblem(error: unknown, c: Context): Response {
  if (isUpskillError(error)) return problem(c, STATUS[error.code], error.code, error.message, error.hint);
  console.error(error);
  return problem(c, 500, 'INTERNAL', 'Something went wrong on the server; the error was logged.');
}
