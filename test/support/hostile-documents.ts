import { crc32, createDeflateRaw } from 'node:zlib';
import { DOCX_BODY_START, DOCX_CONTENT_TYPES, DOCX_RELATIONSHIPS } from './documents.js';

/** Joins PDF objects into a file with a correct cross-reference table (pdf.js reads it as a real PDF). */
function assemblePdf(objects: readonly string[]): Uint8Array {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A PDF of `pages` pages that all share one content stream: a few bytes a page, as in the 100,000-page attack. */
export function pdfWithPages(pages: number): Uint8Array {
  const firstPage = 5;
  const kids = Array.from({ length: pages }, (_, i) => `${firstPage + i} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    (() => {
      const text = 'BT /F1 12 Tf 50 750 Td (Skills: Python) Tj ET';
      return `<< /Length ${text.length} >>\nstream\n${text}\nendstream`;
    })(),
    ...Array.from({ length: pages }, () => '<</Type/Page/Parent 2 0 R/Contents 4 0 R>>'),
  ];
  return assemblePdf(objects);
}

/** A PDF whose page tree contains itself: a naive walker never ends. */
export function pdfWithCircularPageTree(): Uint8Array {
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>',
    '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>',
  ]);
}

/** A PDF whose one page carries an array nested `depth` levels deep: recursive parsers run out of stack. */
export function pdfWithDeepNesting(depth: number): Uint8Array {
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Deep ${'['.repeat(depth)}${']'.repeat(depth)} >>`,
  ]);
}

interface ZipEntry {
  name: string;
  method: 0 | 8;
  crc: number;
  compressed: Buffer;
  size: number;
}

/** Writes a zip archive by hand, so that an entry's true inflated size can be far beyond what is kept in memory. */
function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.compressed.length, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.compressed.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, name, entry.compressed);
    centrals.push(central, name);
    offset += header.length + name.length + entry.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const stored = (name: string, text: string): ZipEntry => {
  const bytes = Buffer.from(text);
  return { name, method: 0, crc: crc32(bytes), compressed: bytes, size: bytes.length };
};

/**
 * A .docx whose word/document.xml inflates to about `inflatedBytes` of empty paragraphs, deflated as
 * it is written so the test stays small in memory (a 1 GB bomb is about 2 MB on disk).
 */
export async function docxBomb(inflatedBytes: number): Promise<Uint8Array> {
  const head = Buffer.from(DOCX_BODY_START);
  const tail = Buffer.from('</w:body></w:document>');
  const paragraphs = Buffer.from('<w:p></w:p>'.repeat(96_000)); // ≈1 MB
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const finished = new Promise((resolve) => deflate.on('end', resolve));
  let crc = crc32(head);
  let size = head.length;
  deflate.write(head);
  for (; size < inflatedBytes; size += paragraphs.length) {
    crc = crc32(paragraphs, crc);
    if (!deflate.write(paragraphs)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  crc = crc32(tail, crc);
  size += tail.length;
  deflate.end(tail);
  await finished;
  return writeZip([
    stored('[Content_Types].xml', DOCX_CONTENT_TYPES),
    stored('_rels/.rels', DOCX_RELATIONSHIPS),
    { name: 'word/document.xml', method: 8, crc: crc >>> 0, compressed: Buffer.concat(out), size },
  ]);
}
