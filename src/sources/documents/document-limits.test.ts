import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UpskillError } from '../../domain/errors.js';
import { makeDocx, makePdf } from '../../../test/support/documents.js';
import {
  docxBomb,
  pdfWithCircularPageTree,
  pdfWithDeepNesting,
  pdfWithPages,
} from '../../../test/support/hostile-documents.js';
import { DEFAULT_DOCUMENT_LIMITS, readDocument } from './read-document.js';

const MB = 1024 * 1024;

async function refusal(promise: Promise<unknown>): Promise<UpskillError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof UpskillError, `expected an UpskillError, got ${String(error)}`);
    // The product's own words: no parser internals, no V8 messages.
    assert.doesNotMatch(error.message, /0x1fffffe8|Cannot create a string|heap|stack|TypeError|at \w+ \(/);
    return error;
  }
  assert.fail('the document was read, but it should have been refused');
}

describe('hostile documents are refused by their limits, never by the server falling over', () => {
  test('a .docx inflating to 200 MB is refused while inflating, without the heap growing', async () => {
    const bomb = await docxBomb(200 * MB);
    assert.ok(bomb.length < 600 * 1024, `the bomb is ${bomb.length} bytes`);
    const heapBefore = process.memoryUsage().heapUsed;
    const error = await refusal(readDocument(bomb, 'bomb.docx'));
    assert.equal(error.code, 'DOCUMENT_INFLATES_TOO_LARGE');
    assert.match(
      error.message,
      /bomb\.docx: the document unpacks to more than 40 MB in its part "word\/document\.xml"/,
    );
    assert.ok(error.hint);
    assert.ok(process.memoryUsage().heapUsed - heapBefore < 64 * MB, 'the inflated text never reached this heap');
  });

  test('a .docx inflating to 1 GB gets the same refusal, not a V8 string error', async () => {
    const error = await refusal(readDocument(await docxBomb(1024 * MB), 'gigabyte.docx'));
    assert.equal(error.code, 'DOCUMENT_INFLATES_TOO_LARGE');
  });

  test('the total of all parts counts too, not only the largest part', async () => {
    const limits = { ...DEFAULT_DOCUMENT_LIMITS, maxEntryBytes: 8 * MB, maxInflatedBytes: 1000 };
    const error = await refusal(readDocument(makeDocx(['A'.repeat(2000)]), 'many-parts.docx', limits));
    assert.equal(error.code, 'DOCUMENT_INFLATES_TOO_LARGE');
    assert.match(error.message, /unpacks to more than 0 MB$/);
  });

  test('a PDF of 100,000 pages is refused by its page count', async () => {
    const pdf = pdfWithPages(100_000);
    assert.ok(pdf.length < DEFAULT_DOCUMENT_LIMITS.maxBytes, 'it passes the size limit, as in the attack');
    const error = await refusal(readDocument(pdf, 'pages.pdf'));
    assert.equal(error.code, 'DOCUMENT_TOO_MANY_PAGES');
    assert.equal(error.message, 'pages.pdf: the PDF has 100,000 pages; Upskill reads at most 100');
  });

  test('a PDF at the page limit is read in full', async () => {
    const document = await readDocument(pdfWithPages(DEFAULT_DOCUMENT_LIMITS.maxPages), 'limit.pdf');
    assert.equal(document.pages, 100);
    assert.equal(document.text.match(/Skills: Python/g)?.length, 100);
  });

  test('a circular page tree and 300,000 levels of nesting are damaged PDFs (422), not server errors', async () => {
    for (const [name, pdf] of [
      ['circular.pdf', pdfWithCircularPageTree()],
      ['nested.pdf', pdfWithDeepNesting(300_000)],
    ] as const) {
      const error = await refusal(readDocument(pdf, name));
      assert.equal(error.code, 'DOCUMENT_CORRUPT', name);
      assert.equal(error.message, `${name}: the PDF is damaged and cannot be read`);
    }
  });

  test('text beyond the cap, a heap beyond the cap and a parse past the deadline each get their own code', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `Line ${i} of a long posting about Python and SQL`);
    const long = await refusal(
      readDocument(await makePdf(lines), 'long.pdf', { ...DEFAULT_DOCUMENT_LIMITS, maxTextChars: 500 }),
    );
    assert.equal(long.code, 'DOCUMENT_TEXT_TOO_LONG');
    assert.equal(long.message, 'long.pdf: the document holds more than 500 characters of text');
    const text = await refusal(
      readDocument(Buffer.from('x'.repeat(2000)), 'long.txt', { ...DEFAULT_DOCUMENT_LIMITS, maxTextChars: 1000 }),
    );
    assert.equal(text.code, 'DOCUMENT_TEXT_TOO_LONG');
    const slow = await refusal(
      readDocument(pdfWithPages(100), 'slow.pdf', { ...DEFAULT_DOCUMENT_LIMITS, deadlineMs: 5 }),
    );
    assert.equal(slow.code, 'DOCUMENT_TIMEOUT');
    assert.match(slow.message, /slow\.pdf: reading the document took longer than 0\.005 s/);
    const heavy = await refusal(
      readDocument(await docxBomb(60 * MB), 'heavy.docx', {
        ...DEFAULT_DOCUMENT_LIMITS,
        maxEntryBytes: 200 * MB,
        maxInflatedBytes: 200 * MB,
        memoryMb: 16,
      }),
    );
    assert.equal(heavy.code, 'DOCUMENT_TOO_COMPLEX');
    assert.equal(heavy.message, 'heavy.docx: the document needs more than 16 MB of memory to read');
  });
});
