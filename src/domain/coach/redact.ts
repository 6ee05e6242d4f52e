/** What to take out of text before it leaves the machine. */
export interface RedactionRules {
  /** Names of the person (the profile's, the résumé's): each full name and each of its parts. */
  names: readonly string[];
  /** The employer, when the person asked for it to be redacted too. */
  employer?: string | undefined;
}

export interface Redaction {
  text: string;
  /** How many of each kind were replaced. */
  counts: { name: number; email: number; phone: number; employer: number };
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// A phone number: an optional +country code and area code in brackets, then groups of digits with
// separators, 7 to 15 digits in all (so dates like 2026-12-01 and codes like 13-1161.00 stay).
const PHONE = /(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w-])/g;
// "my name is Jane Doe", "I'm Jane Doe": the capitalised words after it are a name the question gives.
const SELF_NAMED = /\b(?:my name is|i am|i'm|this is)\s+((?:\p{Lu}[\p{L}'-]+)(?:\s+\p{Lu}[\p{L}'-]+){0,3})/gu;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const digits = (text: string): number => text.replace(/\D/g, '').length;
// Digit groups that are not phone numbers: ISO dates and O*NET-SOC codes.
const NOT_A_PHONE = /^(\d{4}-\d{2}-\d{2}|\d{2}-\d{4}(\.\d{2})?)$/;
const isPhone = (match: string): boolean => digits(match) >= 7 && digits(match) <= 15 && !NOT_A_PHONE.test(match);

/** The name at the top of a résumé ("Jane Doe — Marketing Specialist"): two to four capitalised words. */
export function nameFromResume(text: string | null | undefined): string | undefined {
  const first = (text ?? '').split('\n').find((line) => line.trim() !== '');
  const head = first?.split(/\s[-–—|,]\s|[|,]/)[0]?.trim() ?? '';
  return /^\p{Lu}[\p{L}'.-]+(?:\s+\p{Lu}[\p{L}'.-]+){1,3}$/u.test(head) ? head : undefined;
}

/** The names to redact from a question: the ones given, and any the question itself introduces. */
export function namesIn(question: string, known: readonly (string | undefined)[]): string[] {
  const found = [...question.matchAll(SELF_NAMED)].map((match) => match[1]!);
  return [...new Set([...known.filter((name): name is string => !!name?.trim()), ...found])];
}

/**
 * Replaces e-mail addresses, phone numbers, the person's names and (when given) the employer with
 * placeholders. A name counts by its whole and by each part of two letters or more, matched as a
 * word whatever the case, so "jane" and "DOE" go as well.
 */
export function redact(text: string, rules: RedactionRules): Redaction {
  const counts = { name: 0, email: 0, phone: 0, employer: 0 };
  let out = text.replace(EMAIL, () => (counts.email++, '[email]'));
  out = out.replace(PHONE, (match) => (isPhone(match) ? (counts.phone++, '[phone]') : match));
  if (rules.employer?.trim()) {
    const employer = new RegExp(`(?<![\\p{L}\\p{N}])${escape(rules.employer.trim())}(?![\\p{L}\\p{N}])`, 'giu');
    out = out.replace(employer, () => (counts.employer++, '[employer]'));
  }
  const parts = rules.names
    .flatMap((name) => [name.trim(), ...name.trim().split(/\s+/)])
    .filter((part) => part.length >= 2)
    .sort((a, b) => b.length - a.length);
  for (const part of new Set(parts)) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(part)}(?![\\p{L}\\p{N}])`, 'giu');
    out = out.replace(pattern, () => (counts.name++, '[name]'));
  }
  return { text: out, counts };
}
