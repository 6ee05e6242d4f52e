import type { RemoteMode, Seniority, StatedSalary } from './posting-record.js';

const lower = (text: string | null | undefined): string => (text ?? '').toLowerCase();

/**
 * The text that decides whether two postings are the same: case, punctuation and spacing folded,
 * so a re-posted ad with different line breaks or quoting is still one posting.
 */
export function normalisedPostingText(parts: readonly (string | null | undefined)[]): string {
  return parts
    .map((part) =>
      lower(part)
        .normalize('NFKC')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim(),
    )
    .join('\u0001');
}

const REMOTE_WORDS: Record<string, RemoteMode> = {
  yes: 'remote',
  true: 'remote',
  '1': 'remote',
  '1.0': 'remote',
  remote: 'remote',
  'fully remote': 'remote',
  hybrid: 'hybrid',
  no: 'onsite',
  false: 'onsite',
  onsite: 'onsite',
  'on-site': 'onsite',
  'on site': 'onsite',
  office: 'onsite',
  'in office': 'onsite',
  'in-office': 'onsite',
};

/** Reads a remote field ("yes", "Hybrid", "ONSITE", "1.0"); null for empty, "unknown" or anything else. */
export function remoteFromField(value: string | null | undefined): RemoteMode | null {
  const word = lower(value).trim();
  if (word === '') return null;
  if (REMOTE_WORDS[word]) return REMOTE_WORDS[word];
  if (/\bhybrid\b/.test(word)) return 'hybrid';
  if (/\bremote\b/.test(word)) return 'remote';
  if (/\bon-?site\b/.test(word)) return 'onsite';
  return null;
}

/**
 * Where the work is done, from the posting's own field when it has one, else from its location and
 * text: "hybrid" wins over "remote" (hybrid ads say both), and an explicit on-site phrase counts too.
 */
export function detectRemote(
  field: string | null | undefined,
  location: string | null,
  text: string,
): RemoteMode | null {
  const stated = remoteFromField(field);
  if (stated) return stated;
  const where = lower(location);
  if (/\bhybrid\b/.test(where)) return 'hybrid';
  if (/\bremote\b/.test(where)) return 'remote';
  const body = lower(text);
  if (
    /\bhybrid (?:role|position|work|schedule|model|working|opportunity)\b|\bhybrid\b[^.\n]{0,40}\bdays? (?:in|on)/.test(
      body,
    )
  )
    return 'hybrid';
  if (
    /\b(?:fully|100%|100 %|completely) remote\b|\bremote[- ](?:first|role|position|opportunity)\b|\bwork from home\b/.test(
      body,
    )
  )
    return 'remote';
  if (
    /\b(?:on-?site|in-office|in office) (?:role|position|only|requirement)\b|\bthis (?:role|position) is on-?site\b/.test(
      body,
    )
  )
    return 'onsite';
  return null;
}

const LEVEL_FIELD: Record<string, Seniority> = {
  internship: 'intern',
  intern: 'intern',
  'entry level': 'junior',
  entry: 'junior',
  junior: 'junior',
  associate: 'mid',
  'mid level': 'mid',
  'mid-level': 'mid',
  mid: 'mid',
  'mid-senior level': 'senior',
  senior: 'senior',
  director: 'lead',
  lead: 'lead',
  executive: 'executive',
};

// Order matters: "Senior Director" is an executive, "Lead Intern" is still an intern.
const TITLE_LEVELS: readonly [RegExp, Seniority][] = [
  [/\b(?:intern|internship|co-?op|trainee|apprentice)\b/, 'intern'],
  [/\b(?:chief|c[eft]o|cio|vp|svp|evp|vice president|president|head of|director|partner)\b/, 'executive'],
  [/\b(?:lead|principal|staff)\b/, 'lead'],
  [/\b(?:senior|sr\.?|snr|expert|iii|iv)\b/, 'senior'],
  [/\b(?:junior|jr\.?|entry[- ]level|graduate|i)\b/, 'junior'],
  [/\b(?:mid[- ]level|intermediate|ii)\b/, 'mid'],
];

/**
 * The level a posting asks for: its level field when it has one (LinkedIn's "Mid-Senior level"),
 * else its title's words, else the years of experience its text asks for (0–1 junior, 2–4 mid, 5+ senior).
 */
export function detectSeniority(field: string | null | undefined, title: string, text: string): Seniority | null {
  const stated = LEVEL_FIELD[lower(field).trim()];
  if (stated) return stated;
  const words = lower(title);
  for (const [pattern, level] of TITLE_LEVELS) if (pattern.test(words)) return level;
  const years = /\b(\d{1,2})\s*\+?\s*(?:-\s*\d{1,2}\s*)?years?(?:'|’)?\s+(?:of\s+)?(?:\w+\s+){0,3}?experience\b/.exec(
    lower(text),
  );
  if (!years) return null;
  const least = Number(years[1]);
  return least <= 1 ? 'junior' : least <= 4 ? 'mid' : 'senior';
}

const CURRENCY_SIGNS: readonly [RegExp, string][] = [
  [/\(([A-Z]{3})\)/, ''],
  [/\b(USD|EUR|GBP|CAD|AUD|CHF|INR|SEK|NOK|DKK|PLN|JPY|SGD|NZD)\b/, ''],
  [/£/, 'GBP'],
  [/€/, 'EUR'],
  [/\$/, 'USD'],
];

// Plausible pay per period: outside these a figure is not a salary ("$533B worth of construction").
const PLAUSIBLE: Record<StatedSalary['period'], [number, number]> = {
  hour: [5, 1000],
  month: [300, 100_000],
  year: [5_000, 2_000_000],
};

/**
 * A salary stated as text ("$140k-$230k (USD)", "£45-95k", "$100-150/hr", "up to 12.50/hour"): the
 * range, currency and period; null when the text is no plausible salary. "k" applies to both ends
 * of a range when written once ("45-95k").
 */
export function parseSalaryText(
  text: string | null | undefined,
  fallbackCurrency: string | null = null,
): StatedSalary | null {
  if (!text) return null;
  const source = text.replace(/(\d),(\d{3})\b/g, '$1$2');
  const range = /(\d+(?:\.\d+)?)\s*([km])?\s*(?:-|–|to)\s*[$£€]?\s*(\d+(?:\.\d+)?)\s*([km])?(?![\w])/i.exec(source);
  const single = /(\d+(?:\.\d+)?)\s*([km])?(?![\w.])/i.exec(source);
  const match = range ?? single;
  if (!match) return null;
  const scale = (suffix: string | undefined): number =>
    suffix?.toLowerCase() === 'k' ? 1000 : suffix?.toLowerCase() === 'm' ? 1_000_000 : 1;
  let min: number;
  let max: number;
  if (range) {
    const high = scale(range[4]);
    const low = range[2] ? scale(range[2]) : high;
    min = Number(range[1]) * low;
    max = Number(range[3]) * high;
  } else {
    min = max = Number(single![1]) * scale(single![2]);
  }
  if (min > max) [min, max] = [max, min];
  const lowered = source.toLowerCase();
  const period: StatedSalary['period'] = /\/\s*h(?:ou)?r|per hour|hourly|an hour|\/hour/.test(lowered)
    ? 'hour'
    : /\/\s*mo(?:nth)?\b|per month|monthly|a month/.test(lowered)
      ? 'month'
      : 'year';
  const [least, most] = PLAUSIBLE[period];
  if (min < least || max > most) return null;
  let currency = fallbackCurrency;
  for (const [pattern, code] of CURRENCY_SIGNS) {
    const found = pattern.exec(source);
    if (found) {
      currency = code || found[1]!;
      break;
    }
  }
  if (!currency) return null;
  return { min, max, currency, period };
}

const PERIOD_WORDS: Record<string, { period: StatedSalary['period']; factor: number }> = {
  yearly: { period: 'year', factor: 1 },
  annually: { period: 'year', factor: 1 },
  year: { period: 'year', factor: 1 },
  monthly: { period: 'month', factor: 1 },
  month: { period: 'month', factor: 1 },
  hourly: { period: 'hour', factor: 1 },
  hour: { period: 'hour', factor: 1 },
  // Weekly pay is stated per year (52 weeks): the three periods are what analytics compare.
  weekly: { period: 'year', factor: 52 },
  biweekly: { period: 'year', factor: 26 },
};

/** A salary from separate fields (Kaggle's min_salary, max_salary, med_salary, pay_period, currency). */
export function salaryFromFields(fields: {
  min?: string | null;
  max?: string | null;
  median?: string | null;
  period?: string | null;
  currency?: string | null;
}): StatedSalary | null {
  const number = (value: string | null | undefined): number | null => {
    if (value === null || value === undefined || value.trim() === '') return null;
    const parsed = Number(value.replace(/[,\s$£€]/g, ''));
    return Number.isFinite(parsed) && parsed > 0 ? parsed : null;
  };
  const unit = PERIOD_WORDS[lower(fields.period).trim()];
  const currency = (fields.currency ?? '').trim().toUpperCase();
  let min = number(fields.min);
  let max = number(fields.max);
  const median = number(fields.median);
  if (min === null && max === null && median !== null) min = max = median;
  min ??= max;
  max ??= min;
  if (!unit || min === null || max === null || !/^[A-Z]{3}$/.test(currency)) return null;
  return { min: min * unit.factor, max: max * unit.factor, currency, period: unit.period };
}
