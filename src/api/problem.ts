import type { Context, Env } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z, type Hook } from '@hono/zod-openapi';
import { isUpskillError, type ErrorCode } from '../domain/errors.js';
import { isStorableText } from '../domain/text/normalize.js';

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
  SIGN_IN_REQUIRED: 401,
  SIGN_IN_FAILED: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  ACCOUNT_LOCKED: 429,
  TOO_MANY_ATTEMPTS: 429,
  CONFLICT: 409,
  LINK_INVALID: 410,
  PROVIDER_FAILED: 502,
  PROVIDER_TIMEOUT: 504,
  COACH_OFF: 409,
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign-in required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content too large',
  415: 'Unsupported media type',
  421: 'Misdirected request',
  422: 'Unprocessable document',
  429: 'Too many requests',
  500: 'Internal error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

/** What to do next for a request-shaped problem that was raised without a hint of its own. */
const DEFAULT_HINTS: Partial<Record<string, string>> = {
  BAD_INPUT: 'See /api/openapi.json for the parameters and body each route takes.',
  NOT_FOUND: 'The list routes (GET /api/profiles, /api/skills, /api/occupations?q=…) show what exists.',
  BAD_JSON: 'Send one JSON object, with double-quoted names and no trailing commas.',
  UNSUPPORTED_MEDIA_TYPE:
    'Send the body as JSON with Content-Type: application/json; POST /api/extract also takes a document as multipart/form-data.',
};

export function problem(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  detail: string,
  hint?: string,
): Response {
  const shownHint = hint ?? DEFAULT_HINTS[code];
  const body = {
    type: `https://upskill.local/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    ...(shownHint ? { hint: shownHint } : {}),
  };
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' });
}

const mediaType = (c: Context): string => (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();

function unsupportedMediaType(c: Context): Response {
  const type = mediaType(c);
  return problem(
    c,
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    type
      ? `${c.req.method} ${c.req.path} does not take a body of type ${type}.`
      : `${c.req.method} ${c.req.path} needs a body with a Content-Type header.`,
  );
}

/**
 * The validation hook of every route: a request that fails its schema, or holds a NUL character, is a
 * 400 naming the field, and a body sent without a content type, or as a url-encoded form, is a 415.
 * (zod-openapi lets a body with no Content-Type through as `{}`, and treats both form encodings as one;
 * the API takes JSON, and documents only as multipart/form-data.)
 */
export const validationHook: Hook<unknown, Env, string, Response | undefined> = (result, c) => {
  if (result.target === 'json' && !mediaType(c)) return unsupportedMediaType(c);
  if (result.target === 'form' && mediaType(c) === 'application/x-www-form-urlencoded') return unsupportedMediaType(c);
  const where = { json: 'body', form: 'body', param: 'path', query: 'query' }[result.target as string] ?? result.target;
  if (result.success) {
    const field = nulAt(result.data);
    if (field === undefined) return undefined;
    return problem(
      c,
      400,
      'BAD_INPUT',
      `${field || where}: contains a NUL character (\\0) or a broken (lone surrogate) character, which no text may hold.`,
      'Remove the NUL characters; they come from pasting binary data, not from text.',
    );
  }
  const issue = result.error.issues[0]!;
  return problem(c, 400, 'BAD_INPUT', `${issue.path.map(String).join('.') || where}: ${issue.message}`);
};

/**
 * Where a validated value holds a string with a NUL or a lone UTF-16 surrogate (neither is text, and
 * PostgreSQL stores neither): its dotted path.
 */
function nulAt(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : path.join('.');
  if (value === null || typeof value !== 'object' || value instanceof Blob) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = nulAt(item, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Hono's validators throw an HTTPException for a body they cannot read (415 for a content type the
 * route does not declare, 400 for broken JSON or multipart); these are the client's mistakes, told in
 * the product's words.
 */
function httpExceptionToProblem(error: HTTPException, c: Context): Response {
  if (error.res) return error.getResponse();
  if (error.status === 415) return unsupportedMediaType(c);
  const type = mediaType(c);
  if (error.status === 400 && /^application\/([\w.-]+\+)?json$/.test(type))
    return problem(c, 400, 'BAD_JSON', 'The request body is not valid JSON.');
  if (error.status === 400 && type === 'multipart/form-data')
    return problem(
      c,
      400,
      'BAD_INPUT',
      'The multipart/form-data body could not be read: it is cut short, or its parts do not use the boundary given in Content-Type.',
      'Upload the document as the form field "file", as a browser form or `curl -F file=@resume.pdf` does.',
    );
  return problem(c, error.status, 'BAD_INPUT', `The request could not be read (HTTP ${error.status}).`);
}

/** Maps any thrown error to a problem response; unexpected errors never leak their internals. */
export function errorToProblem(error: unknown, c: Context): Response {
  if (isUpskillError(error)) {
    const retryAfter = error.details?.['retryAfter'];
    if (typeof retryAfter === 'string')
      c.header('retry-after', String(Math.max(1, Math.ceil((Date.parse(retryAfter) - Date.now()) / 1000))));
    return problem(c, STATUS[error.code], error.code, error.message, error.hint);
  }
  if (error instanceof HTTPException && error.status < 500) return httpExceptionToProblem(error, c);
  console.error(error);
  return problem(c, 500, 'INTERNAL', 'Something went wrong on the server; the error was logged.');
}
