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

/** The section at a character offset (the innermost span containing it). */
export function sectionAt(spans: readonly SectionSpan[], offset: number): Section {
  let section: Section = 'text';
  for (const span of spans) {
    if (span.start > offset) break;
    if (offset < span.end) section = span.section;
  }
  return section;
}
