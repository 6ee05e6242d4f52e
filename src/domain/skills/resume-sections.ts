/** The part of a résumé a mention sits in: a Skills section counts for more than a hobby line. */
export type Section = 'skills' | 'experience' | 'projects' | 'education' | 'summary' | 'hobbies' | 'text';

const HEADINGS: ReadonlyArray<[Section, RegExp]> = [
  [
    'skills',
    new RegExp(
      '^(technical |core |key |professional |computer |it |software )?(skills|skill set|' +
        'competenc(y|ies)|tools|technologies|tech stack|expertise|proficienc(y|ies))( (and|' +
        '&) (tools|technologies|competencies|languages))?$',
    ),
  ],
  [
    'experience',
    /^(work |professional |relevant |employment |career )?(experience|employment|history|work history|employment history|career history)$/,
  ],
  ['projects', /^(personal |selected |key |side )?projects$/],
  [
    'education',
    /^(education|training|certifications?|certificates|courses|qualifications|education (and|&) (training|certifications))$/,
  ],
  ['summary', /^(summary|profile|professional summary|about( me)?|objective|career objective)$/],
  ['hobbies', /^(hobbies|interests|hobbies (and|&) interests|personal interests|activities|volunteering)$/],
];

export interface SectionSpan {
  section: Section;
  start: number;
  end: number;
}

function classify(heading: string): Section | undefined {
  const normalized = heading
    .toLowerCase()
    .replace(/[^a-z&]+/g, ' ')
    .trim();
  return HEADINGS.find(([, pattern]) => pattern.test(normalized))?.[0];
}

/**
 * Finds section headings — a short line that is only a heading ("Technical Skills", "## Projects")
 * or a heading that leads its line ("Skills: Python, SQL") — and the spans they govern.
 */
export function findSections(text: string): SectionSpan[] {
  const spans: SectionSpan[] = [];
  let open: SectionSpan | undefined;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineStart = start;
    start = end + 1;
    // A Skills section is a list: the first line of prose ends it ("Technologies" then a job ad's text).
    if (open?.section === 'skills' && isProse(text, lineStart, end)) {
      open.end = lineStart;
      open = undefined;
    }
    // Headings are short; long lines are body text and skipped without a closer look.
    let headEnd = lineStart;
    while (headEnd < end && headEnd - lineStart <= 48 && text.charCodeAt(headEnd) !== 58 /* : */) headEnd++;
    if (headEnd - lineStart > 48) continue;
    const head = text.slice(lineStart, headEnd).replace(/^[\s#*_>-]+|[\s*_]+$/g, '');
    if (head.length === 0 || head.length > 40) continue;
    const section = classify(head);
    if (!section) continue;
    if (headEnd < end && text.slice(headEnd + 1, end).trim().length > 0) {
      // "Skills: Python, SQL" — the heading governs its own line only.
      spans.push({ section, start: lineStart, end });
      continue;
    }
    if (open) open.end = lineStart;
    open = { section, start: lineStart, end: text.length };
    spans.push(open);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * A line of running text, not a list item: twelve words or more that read as a sentence (ending in
 * a full stop, or with a verb-like "we", "you", "will", "are"). "Python, SQL, dbt, Airflow" is not.
 */
function isProse(text: string, start: number, end: number): boolean {
  const line = text.slice(start, end).trim();
  const words = line.split(/\s+/).length;
  if (words < 12) return false;
  return /[.!?]$/.test(line) || /\b(we|you|our|will|are|is|have)\b/i.test(line);
}

/** The section at a character offset (the innermost span containing it). */
export function sectionAt(spans: readonly SectionSpan[], offset: number): Section {
  let section: Section = 'text';
  for (const span of spans) {
    if (span.start > offset) break;
    if (offset < span.end) section = span.section;
  }
  return section;
}
