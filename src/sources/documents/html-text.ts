import { Parser } from 'htmlparser2';

const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'section',
  'article',
  'header',
  'footer',
  'table',
  'dt',
  'dd',
]);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head']);

/** Visible text of an HTML page, block elements on their own lines, scripts and styles dropped. */
export function readHtml(html: string): string {
  let text = '';
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(tag) {
        if (SKIPPED.has(tag)) skipping++;
        else if (BLOCKS.has(tag)) text += '\n';
      },
      ontext(chunk) {
        if (skipping === 0) text += chunk;
      },
      onclosetag(tag) {
        if (SKIPPED.has(tag)) skipping = Math.max(0, skipping - 1);
        else if (BLOCKS.has(tag)) text += '\n';
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
