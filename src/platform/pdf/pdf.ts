/**
 * PDF documents of the platform (receipts, full applications, minutes, conventions, notices).
 *
 * One small vocabulary on top of pdfkit: a document is a list of blocks (title, heading,
 * paragraph, key/value rows, bullet list, table, signature box), drawn in the State's Marianne
 * font shipped by the DSFR package (full Unicode: accents, œ, €, narrow spaces), with a header
 * naming the platform and numbered page footers. Domains build the blocks (pure), this module
 * draws them. Documents carry title, author, subject and language metadata (PDF/UA basics).
 */
import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const FONTS = path.join(path.dirname(require.resolve('@gouvfr/dsfr/package.json')), 'dist', 'fonts');
const REGULAR = path.join(FONTS, 'Marianne-Regular.woff');
const BOLD = path.join(FONTS, 'Marianne-Bold.woff');

/** One block of a document. */
export type PdfBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; small?: boolean }
  | { kind: 'fields'; rows: Array<[label: string, value: string]> }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; columns: string[]; rows: string[][]; widths?: number[] }
  | { kind: 'signature'; lines: string[] }
  | { kind: 'pageBreak' };

/** A whole document. */
export interface PdfSpec {
  /** Document title (metadata and first-page header). */
  title: string;
  /** Subject metadata, e.g. "Récépissé de dépôt". */
  subject?: string;
  /** Fixed creation date (tests and reproducible documents); now by default. */
  createdAt?: Date;
  /** Text in the footer of every page, before the page number. */
  footer?: string;
  blocks: PdfBlock[];
}

const MARGIN = 56;
const BLUE = '#000091';
const GREY = '#3a3a3a';

/** Draws a document and returns its bytes. */
export async function renderPdf(spec: PdfSpec): Promise<Buffer> {
  const created = spec.createdAt ?? new Date();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN + 18, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'fr-FR',
    displayTitle: true,
    info: { Title: spec.title, Author: 'Grande École du Numérique — Label GEN', Subject: spec.subject ?? spec.title, Creator: 'Label GEN', Producer: 'Label GEN', CreationDate: created, ModDate: created },
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - MARGIN * 2;
  doc.font('regular').fontSize(10).fillColor(GREY);

  for (const block of spec.blocks) drawBlock(doc, block, width);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('bold').fontSize(8).fillColor(BLUE).text('RÉPUBLIQUE FRANÇAISE — Grande École du Numérique', MARGIN, MARGIN - 20, { width, lineBreak: false });
    const foot = `${spec.footer ? `${spec.footer} — ` : ''}page ${i + 1 - range.start} sur ${range.count}`;
    doc.font('regular').fontSize(8).fillColor(GREY).text(foot, MARGIN, doc.page.height - MARGIN + 10, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function drawBlock(doc: PDFKit.PDFDocument, block: PdfBlock, width: number) {
  const x = MARGIN;
  switch (block.kind) {
    case 'title':
      doc.font('bold').fontSize(18).fillColor(BLUE).text(clean(block.text), x, doc.y, { width });
      doc.moveDown(0.6);
      break;
    case 'heading':
      ensureRoom(doc, 60);
      doc.moveDown(0.4);
      doc.font('bold').fontSize(12.5).fillColor(BLUE).text(clean(block.text), x, doc.y, { width });
      doc.moveDown(0.3);
      break;
    case 'paragraph':
      doc.font('regular').fontSize(block.small ? 8.5 : 10).fillColor(GREY).text(clean(block.text) || '—', x, doc.y, { width, align: 'left' });
      doc.moveDown(0.4);
      break;
    case 'fields': {
      const labelW = Math.round(width * 0.38);
      for (const [label, value] of block.rows) {
        const v = clean(value) || '—';
        doc.font('regular').fontSize(10);
        const h = Math.max(doc.heightOfString(clean(label), { width: labelW - 8 }), doc.heightOfString(v, { width: width - labelW }));
        ensureRoom(doc, h + 4);
        const y = doc.y;
        doc.font('bold').fontSize(10).fillColor(GREY).text(clean(label), x, y, { width: labelW - 8 });
        doc.font('regular').fontSize(10).fillColor(GREY).text(v, x + labelW, y, { width: width - labelW });
        doc.y = y + h + 4;
      }
      doc.moveDown(0.3);
      break;
    }
    case 'list':
      for (const item of block.items) {
        ensureRoom(doc, 14);
        doc.font('regular').fontSize(10).fillColor(GREY).text(`•  ${clean(item)}`, x + 8, doc.y, { width: width - 8 });
      }
      doc.moveDown(0.4);
      break;
    case 'table': {
      const n = block.columns.length;
      const widths = block.widths && block.widths.length === n ? scale(block.widths, width) : Array(n).fill(width / n);
      const row = (cells: string[], bold: boolean) => {
        doc.font(bold ? 'bold' : 'regular').fontSize(8.5);
        const h = Math.max(...cells.map((c, i) => doc.heightOfString(clean(c) || '—', { width: widths[i]! - 6 }))) + 6;
        ensureRoom(doc, h);
        const y = doc.y;
        let cx = x;
        cells.forEach((c, i) => {
          doc.fillColor(GREY).text(clean(c) || '—', cx + 3, y + 3, { width: widths[i]! - 6 });
          cx += widths[i]!;
        });
        doc.moveTo(x, y + h).lineTo(x + width, y + h).lineWidth(0.5).strokeColor('#929292').stroke();
        doc.y = y + h;
      };
      row(block.columns, true);
      for (const r of block.rows) row(r, false);
      doc.moveDown(0.6);
      break;
    }
    case 'signature': {
      const lines = block.lines.map(clean);
      doc.font('regular').fontSize(9.5);
      const h = lines.reduce((s, l) => s + doc.heightOfString(l, { width: width / 2 - 16 }) + 2, 16);
      ensureRoom(doc, h + 8);
      const y = doc.y;
      doc.rect(x, y, width / 2, h).lineWidth(0.8).strokeColor(BLUE).stroke();
      doc.y = y + 8;
      for (const l of lines) doc.fillColor(GREY).text(l, x + 8, doc.y, { width: width / 2 - 16 });
      doc.y = y + h + 10;
      break;
    }
    case 'pageBreak':
      doc.addPage();
      break;
  }
}

function scale(ws: number[], total: number): number[] {
  const sum = ws.reduce((a, b) => a + b, 0);
  return ws.map((w) => (w / sum) * total);
}

/** Text safe for the PDF: control characters removed, CRLF normalised. */
function clean(text: string): string {
  // Format characters (zero-width spaces, BOM, bidi marks…) crash the font engine; space
  // separators (no-break and narrow no-break spaces of French numbers) become plain spaces.
  return String(text ?? '')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\p{Cf}\p{Cs}]/gu, '')
    .replace(/\p{Zs}/gu, ' ');
}

/** Formats a date-time in Paris time, e.g. "31/07/2021 à 23:59:59". */
export function parisDateTime(d: Date): string {
  const f = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} à ${p.hour}:${p.minute}:${p.second}`;
}

/** The HTTP response for a PDF (inline, not cached by shared caches). */
export function pdfResponse(bytes: Buffer, fileName: string, disposition: 'inline' | 'attachment' = 'inline'): Response {
  const safe = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `${disposition}; filename="${safe}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
