import { UpskillError } from '../domain/errors.js';

// Socket errors, PostgreSQL's connection-exception class (08…), shutdowns (57P01–57P03) and "too many
// connections" (53300): the server is away, not the query wrong.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'ENOENT',
  'EHOSTUNREACH',
]);
const OUTAGE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const OUTAGE_MESSAGES =
  /Connection terminated|connection error|timeout exceeded when trying to connect|Connection ended/i;

/** True when an error from the `pg` driver means the database cannot be reached right now. */
export function isDatabaseOutage(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || OUTAGE_STATES.has(code) || code.startsWith('08')))
    return true;
  return typeof message === 'string' && OUTAGE_MESSAGES.test(message);
}

/** The outage as the product says it: the CLI exits 5, the API answers 503; the driver's error is kept as the cause. */
export function databaseUnavailable(where: string, error: unknown): UpskillError {
  return new UpskillError('DATABASE_UNAVAILABLE', `The database (${where}) cannot be reached right now.`, {
    hint:
      'Check that the PostgreSQL server is running; Upskill reconnects by itself as soon as it is ' +
      'back. Nothing you saved before is lost.',
    cause: error,
  });
}
