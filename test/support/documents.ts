import { zipSync, strToU8 } from 'fflate';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

/** A real PDF résumé with a text layer, one line per entry, made with pdf-lib. */
export async function makePdf(lines: readonly string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 790 - i * 18, size: 11, font }));
  return pdf.save();
}

/** A PDF with only a drawn shape: what a scanned page without OCR looks like to a text reader. */
export async function makeImageOnlyPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.8, 0.8, 0.8) });
  return pdf.save();
}

const OOXML = 'http://schemas.openxmlformats.org';

/** The two package parts every Word document needs besides its text, shared by the test documents. */
export const DOCX_CONTENT_TYPES = [
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="${OOXML}/package/2006/content-types">`,
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
  '<Default Extension="xml" ContentType="application/xml"/>',
  '<Override PartName="/word/document.xml" ',
  'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
].join('');
export const DOCX_RELATIONSHIPS = [
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${OOXML}/package/2006/relationships">`,
  `<Relationship Id="rId1" Type="${OOXML}/officeDocument/2006/relationships/officeDocument" `,
  'Target="word/document.xml"/></Relationships>',
].join('');
/** The opening of word/document.xml, before the paragraphs. */
export const DOCX_BODY_START =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  `<w:document xmlns:w="${OOXML}/wordprocessingml/2006/main"><w:body>`;

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal, valid Word document (the three parts Word itself requires), one paragraph per line. */
export function makeDocx(paragraphs: readonly string[]): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8(DOCX_CONTENT_TYPES),
    '_rels/.rels': strToU8(DOCX_RELATIONSHIPS),
    'word/document.xml': strToU8(`${DOCX_BODY_START}${body}</w:body></w:document>`),
  });
}
