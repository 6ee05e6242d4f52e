import { sectionAt, type SectionSpan } from './resume-sections.js';
import { foldCharCode } from './token-scanner.js';

/** A [start, end) range of a text that names no skill, whatever words it holds. */
export interface TextSpan {
  start: number;
  end: number;
}

// A scheme or "www." address; a bare host only with a path ("linkedin.com/in/jane"), because
// "Salesforce.com" or "ASP.NET" alone are names people write for the product; an e-mail address.
const ADDRESS = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:(?:https?|ftp):\\/\\/|www\\.)[^\\s<>"\'`]+|(?<![\\p{L}\\p{N}.-])[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)' +
    '*\\.(?:com|org|net|edu|gov|io|dev|ai|co|me|app|info|biz|eu|uk|de|fr|es|it|nl|ca|au|' +
    'in|ch|se)\\/[^\\s<>"\'`]*|(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)' +
    '+',
  'gu',
);
// Sentence punctuation after an address belongs to the sentence ("see github.com/jane.").
const TRAILING = /[.,;:!?)\]}'"]+$/;
// A character no vocabulary holds: a masked address scans as one unknown token, which also stops
// a phrase from running across it ("Salesforce <url> data" is not "Salesforce data").
const MASK = '\uffff';

const isWordCode = (code: number): boolean => foldCharCode(code) !== -1 || code === 0x2b || code === 0x23;
/** Whitespace and the quotes and brackets that end an address in running text. */
const endsAddress = (code: number): boolean =>
  code <= 0x20 || code === 0x3c || code === 0x3e || code === 0x22 || code === 0x27 || code === 0x60 || code === 0xa0;

/**
 * Where an address can be: an "@", "www.", or a "/" after ":" ("https://") or after a ".tld" of two
 * to four letters ("linkedin.com/in"). Found with indexOf, which is far faster than a regular
 * expression over the whole text, so prose with "and/or" costs next to nothing.
 */
function addressAnchors(text: string): number[] {
  const anchors: number[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) anchors.push(at);
  for (let at = text.indexOf('www.'); at !== -1; at = text.indexOf('www.', at + 4)) anchors.push(at);
  for (let at = text.indexOf('/'); at !== -1; at = text.indexOf('/', at + 1)) {
    let letters = 0;
    while (letters < 5 && at - letters > 0 && isLowerLetter(text.charCodeAt(at - letters - 1))) letters++;
    const afterTld = letters >= 2 && letters <= 4 && text.charCodeAt(at - letters - 1) === 0x2e;
    if (afterTld || (at > 0 && text.charCodeAt(at - 1) === 0x3a)) anchors.push(at);
  }
  return anchors.sort((a, b) => a - b);
}

const isLowerLetter = (code: number): boolean => code >= 0x61 && code <= 0x7a;

/** URLs and e-mail addresses, widened to whole tokens so a mask never splits a word. */
export function findAddresses(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let searched = 0;
  for (const anchor of addressAnchors(text)) {
    if (anchor < searched) continue;
    // Only the stretch between spaces around an anchor is searched.
    let from = anchor;
    while (from > 0 && !endsAddress(text.charCodeAt(from - 1))) from--;
    let to = anchor;
    while (to < text.length && !endsAddress(text.charCodeAt(to))) to++;
    searched = to;
    for (const match of text.slice(from, to).matchAll(ADDRESS)) {
      let start = from + match.index;
      let end = start + match[0].replace(TRAILING, '').length;
      while (start > 0 && isWordCode(text.charCodeAt(start - 1))) start--;
      while (end < text.length && foldCharCode(text.charCodeAt(end)) !== -1) end++;
      if (end > start) spans.push({ start, end });
    }
  }
  return mergeSpans(spans);
}

/** The text with each span overwritten by a same-length mask, so offsets into it are offsets into the text. */
export function maskSpans(text: string, spans: readonly TextSpan[]): string {
  if (spans.length === 0) return text;
  let masked = '';
  let at = 0;
  for (const { start, end } of spans) {
    masked += text.slice(at, start) + MASK.repeat(end - start);
    at = end;
  }
  return masked + text.slice(at);
}

/**
 * The words a degree name starts with, as the token scanner folds them ("B.A." starts with "b",
 * "Ph.D." with "ph"): the extractor flags them, and only there is a degree looked for.
 */
export const DEGREE_START_WORDS: readonly string[] = [
  'b',
  'm',
  'ph',
  'd',
  'll',
  'j',
  'ed',
  'bsc',
  'msc',
  'beng',
  'meng',
  'bba',
  'mba',
  'phd',
  'dphil',
  'bfa',
  'bcom',
  'mcom',
  'llb',
  'mph',
  'med',
  'bed',
  'btech',
  'mtech',
  'bsn',
  'msw',
  'bsw',
  'mpa',
  'bachelor',
  'doctorate',
  'master',
  'doctor',
  'associate',
  'degree',
  'diploma',
  'major',
  'minor',
  'concentration',
  'ba',
  'bs',
  'ma',
  'ms',
];

// Degrees whose abbreviation is no other word: dotted ("B.A.", "Ph.D.") or unambiguous ("BSc", "MBA"; not
// "LLM" or "MFA", which are also skills). Case matters: "med school" and "bed" are no degrees.
const DEGREE_STRONG = new RegExp(
  '(?<![\\p{L}\\p{N}.])(?:[BM]\\.(?:A|S|Sc|Eng|Ed|Tech|Com|F\\.A|B\\.A|P\\.A|P\\.H|S\\.W|S\\.N)' +
    '\\.?|Ph\\.D\\.?|D\\.Phil\\.?|LL\\.[BM]\\.?|J\\.D\\.|M\\.D\\.|Ed\\.D\\.|BSc|MSc|BEng|MEng|BBA|' +
    "MBA|PhD|DPhil|BFA|BCom|MCom|LLB|MPH|MEd|BEd|BTech|MTech|BSN|MSW|BSW|MPA|[Bb]achelor(?:'s|" +
    "’s|s)?|[Dd]octorate|(?:[Mm]aster|[Dd]octor|[Aa]ssociate)(?:(?:'s|’s|s)?\\s{1,3}degree|" +
    "'s|’s))(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])(?:[Mm]aster|[Dd]octor|[Aa]ssociate)\\s{1,3}of\\s{1,3}(?=\\p{Lu})",
  'uy',
);
const DEGREE_WORDS = /(?<![\p{L}\p{N}])(?:degree|diploma|major|minor|concentration)\s{1,3}in\s/iuy;
// "BA", "MS", "MA" are also a state, "MS Office" and more: a degree only before "in" or in an Education section.
const DEGREE_WEAK = /(?<![\p{L}\p{N}.])(?:BA|BS|MA|MS)(?![\p{L}\p{N}.])/uy;
// What follows a weak abbreviation that makes it no degree: Microsoft's products ("MS Excel").
const NOT_A_FIELD = /^\s*(?:Office|Excel|Word|Project|Access|Teams|PowerPoint|Outlook|SQL|Visio|Dynamics|Azure|DOS)\b/;
// A degree's field ends at the end of its line, a list or clause mark, a year, or the institution.
const FIELD_END = /[\n\r,;|()[\]·•–—\t]|\s-\s|\.\s|\.$|\b(?:19|20)\d\d\b|\s(?:at|from|with|and minor|GPA)\s/;
const MAX_FIELD = 80;
/** How far before a mention a degree name that covers it can start: the longest marker and its field. */
export const DEGREE_REACH = MAX_FIELD + 24;

const stickyAt = (pattern: RegExp, text: string, offset: number): number => {
  pattern.lastIndex = offset;
  return pattern.exec(text) ? pattern.lastIndex : -1;
};

/**
 * The degree name starting at an offset, with its field ("B.A. Communication", "Master of
 * Business Administration", "BSc Computer Science"): a degree names what someone studied, not a
 * skill they claim.
 */
export function degreeAt(text: string, offset: number, sections: readonly SectionSpan[]): TextSpan | undefined {
  let markerEnd = stickyAt(DEGREE_STRONG, text, offset);
  if (markerEnd === -1) markerEnd = stickyAt(DEGREE_WORDS, text, offset);
  if (markerEnd === -1) {
    markerEnd = stickyAt(DEGREE_WEAK, text, offset);
    if (markerEnd === -1) return undefined;
    const after = text.slice(markerEnd, markerEnd + 24);
    if (NOT_A_FIELD.test(after)) return undefined;
    if (!/^\s+in\s/.test(after) && sectionAt(sections, offset) !== 'education') return undefined;
  }
  const rest = text.slice(markerEnd, markerEnd + MAX_FIELD);
  const stop = FIELD_END.exec(rest);
  return { start: offset, end: markerEnd + (stop ? stop.index : rest.length) };
}

/** Sorted, with overlapping spans joined, so their ends rise with their starts. */
export function mergeSpans(spans: TextSpan[]): TextSpan[] {
  spans.sort((a, b) => a.start - b.start);
  const merged: TextSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The first of the merged spans that ends after `offset` (binary search), or undefined. */
export function spanEndingAfter(spans: readonly TextSpan[], offset: number): TextSpan | undefined {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.end > offset) high = mid;
    else low = mid + 1;
  }
  return spans[low];
}
