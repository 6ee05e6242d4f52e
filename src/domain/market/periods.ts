import { UpskillError } from '../errors.js';

/** How postings are grouped in time. */
export type PeriodKind = 'month' | 'quarter' | 'half';

export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half'];

/** The most rows a top list or report gives per period. */
export const MAX_MARKET_LIMIT = 100;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Checks a 'YYYY-MM' month and returns its year and month number (1–12). */
export function parseMonth(month: string, field = 'month'): { year: number; month: number } {
  const match = MONTH.exec(month);
  if (!match) throw new UpskillError('BAD_INPUT', `${field} must be a month like 2024-05, got "${month}".`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** The period a 'YYYY-MM' month falls in: '2024-05', '2024-Q2' or '2024-H1'. */
export function periodOf(month: string, kind: PeriodKind): string {
  const { year, month: m } = parseMonth(month);
  if (kind === 'month') return month;
  if (kind === 'quarter') return `${year}-Q${Math.ceil(m / 3)}`;
  return `${year}-H${m <= 6 ? 1 : 2}`;
}

/** The first and last month ('YYYY-MM') of a period key such as '2024-Q2'. */
export function periodMonths(period: string): { first: string; last: string } {
  const month = MONTH.exec(period);
  if (month) return { first: period, last: period };
  const match = /^(\d{4})-(Q[1-4]|H[12])$/.exec(period);
  if (!match)
    throw new UpskillError(
      'BAD_INPUT',
      `A period is a month (2024-05), quarter (2024-Q2) or half (2024-H1), got "${period}".`,
    );
  const year = match[1]!;
  const part = match[2]!;
  const size = part[0] === 'Q' ? 3 : 6;
  const index = Number(part.slice(1));
  const first = (index - 1) * size + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { first: `${year}-${pad(first)}`, last: `${year}-${pad(first + size - 1)}` };
}

/** The month `delta` months after (or before, when negative) a 'YYYY-MM' month. */
export function addMonths(month: string, delta: number): string {
  const { year, month: m } = parseMonth(month);
  const index = year * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `first` to `last` inclusive (0 when last is before first). */
export function monthsBetween(first: string, last: string): number {
  const a = parseMonth(first);
  const b = parseMonth(last);
  return Math.max(0, b.year * 12 + b.month - (a.year * 12 + a.month) + 1);
}

/** The period `steps` periods before a period key of the same kind ('2024-Q1', 1 → '2023-Q4'). */
export function previousPeriod(period: string, steps = 1): string {
  const { first } = periodMonths(period);
  const kind: PeriodKind = MONTH.test(period) ? 'month' : period.includes('Q') ? 'quarter' : 'half';
  const size = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 6;
  return periodOf(addMonths(first, -size * steps), kind);
}

/** How many periods of a kind make a year (12, 4, 2). */
export function periodsPerYear(kind: PeriodKind): number {
  return kind === 'month' ? 12 : kind === 'quarter' ? 4 : 2;
}
