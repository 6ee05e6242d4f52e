import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { UpskillError } from '../../domain/errors.js';
import { makeDocx, makeImageOnlyPdf, makePdf } from '../../../test/support/documents.js';
import { readDocument } from './read-document.js';

const fixture = (name: string): Uint8Array => readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url));

async function rejectsWith(promise: Promise<unknown>, code: string, pattern: RegExp): Promise<void> {
  await assert.rejects(
    promise,
    (error: unknown) => error instanceof UpskillError && error.code === code && pattern.test(error.message),
  );
}

describe('reading résumés and postings', () => {
  test('a PDF made by a PDF library gives its text, lines kept', async () => {
    const pdf = await makePdf(['Jane Doe', 'Skills: Python, SQL, prompt engineering']);
    const document = await readDocument(pdf, 'resume.pdf');
    assert.equal(document.format, 'pdf');
    assert.equal(document.pages, 1);
    assert.match(document.text, /Jane Doe\s*\n\s*Skills: Python, SQL, prompt engineering/);
  });

  test('a Word document gives one paragraph per line', async () => {
    const document = await readDocument(makeDocx(['Experience', 'Built dashboards in Tableau.']), 'resume.docx');
    assert.equal(document.format, 'docx');
    assert.equal(document.text.trim(), 'Experience\n\nBuilt dashboards in Tableau.');
  });

  test('HTML keeps visible text only, Markdown and text pass through', async () => {
    const html = await readDocument(
      Buffer.from(
        '<html><head><style>p{}</style></head><body><h2>Skills</h2><p>PyTorch &amp; TensorFlow</p><script>alert(1)</script></body></html>',
      ),
      'cv.html',
    );
    assert.equal(html.text, 'Skills\n\nPyTorch & TensorFlow');
    const markdown = await readDocument(Buffer.from('## Skills\n- Python'), 'cv.md');
    assert.deepEqual([markdown.format, markdown.text], ['markdown', '## Skills\n- Python']);
    const latin1 = await readDocument(Buffer.from([0x43, 0x61, 0x66, 0xe9]), 'cv.txt');
    assert.equal(latin1.text, 'Café');
  });

  test('a password-protected PDF gets its own error', async () => {
    await rejectsWith(
      readDocument(fixture('password-protected.pdf'), 'locked.pdf'),
      'DOCUMENT_ENCRYPTED',
      /locked\.pdf: the PDF is password-protected/,
    );
  });

  test('a damaged PDF, a damaged DOCX and a mislabelled file are corrupt', async () => {
    const pdf = await makePdf(['Jane Doe']);
    await rejectsWith(readDocument(pdf.slice(0, 400), 'cut.pdf'), 'DOCUMENT_CORRUPT', /cut\.pdf: the PDF is damaged/);
    await rejectsWith(readDocument(makeDocx(['x']).slice(0, 120), 'cut.docx'), 'DOCUMENT_CORRUPT', /cut\.docx/);
    await rejectsWith(
      readDocument(Buffer.from('just text'), 'fake.pdf'),
      'DOCUMENT_CORRUPT',
      /named \.pdf but not a PDF/,
    );
  });

  test('empty files and scanned PDFs without text are told apart', async () => {
    await rejectsWith(readDocument(new Uint8Array(0), 'empty.txt'), 'DOCUMENT_EMPTY', /the file is empty/);
    await rejectsWith(readDocument(Buffer.from('  \n\t '), 'blank.txt'), 'DOCUMENT_EMPTY', /no text found/);
    await rejectsWith(readDocument(await makeImageOnlyPdf(), 'scan.pdf'), 'DOCUMENT_SCANNED', /no text layer/);
  });

  test('an oversized upload is refused before it is parsed, and binaries are unsupported', async () => {
    await rejectsWith(
      readDocument(new Uint8Array(11 * 1024 * 1024), 'huge.pdf'),
      'DOCUMENT_TOO_LARGE',
      /11\.0 MB is over the 10 MB limit/,
    );
    await rejectsWith(
      readDocument(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.doc'),
      'DOCUMENT_UNSUPPORTED',
      /\.doc/,
    );
    await rejectsWith(readDocument(Uint8Array.from([1, 2, 0, 4]), 'data.bin'), 'DOCUMENT_UNSUPPORTED', /binary file/);
    await rejectsWith(
      readDocument(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'scan.png'),
      'DOCUMENT_UNSUPPORTED',
      /scan\.png: a picture is not/,
    );
    await rejectsWith(
      readDocument(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x41]), 'upload'),
      'DOCUMENT_UNSUPPORTED',
      /upload: a picture/,
    );
    await rejectsWith(
      readDocument(Buffer.from('plain words'), 'cv.xlsx'),
      'DOCUMENT_UNSUPPORTED',
      /cv\.xlsx: \.xlsx files are not/,
    );
  });
});
