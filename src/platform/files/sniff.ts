/**
 * Content-type detection from the bytes themselves (never from the name or the browser's claim):
 * PDF, PNG, JPEG, and the office formats that are zip archives (ODT, ODS, DOCX, XLSX), recognised
 * from their `mimetype` entry or their `[Content_Types].xml` and main part.
 */

/** The file types the platform accepts. */
export type DetectedType = 'pdf' | 'png' | 'jpeg' | 'odt' | 'ods' | 'docx' | 'xlsx';

/** What a detected type is served as. */
export const TYPE_INFO: Record<DetectedType, { mime: string; ext: string; label: string }> = {
  pdf: { mime: 'application/pdf', ext: 'pdf', label: 'PDF' },
  png: { mime: 'image/png', ext: 'png', label: 'image PNG' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg', label: 'image JPEG' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', ext: 'odt', label: 'texte OpenDocument' },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', ext: 'ods', label: 'tableur OpenDocument' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx', label: 'document Word' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', label: 'classeur Excel' },
};

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/** Detects the type of a file from its content; null when it is none of the accepted types. */
export function sniffType(bytes: Uint8Array): DetectedType | null {
  if (bytes.length < 4) return null;
  // Readers tolerate junk before "%PDF-"; we do not, so that nothing executable hides in front.
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes);
  return null;
}

/** An entry of a zip archive's central directory. */
interface ZipEntry { name: string; method: number; compressedSize: number; localOffset: number }

/** Lists a zip's entries from its central directory; null when the archive is malformed. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of at most 65,535 bytes.
  const min = Math.max(0, buf.length - 22 - 65535);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > buf.length) return null;
    out.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), method, compressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function storedContent(buf: Buffer, e: ZipEntry): string | null {
  if (e.method !== 0 || e.localOffset + 30 > buf.length || buf.readUInt32LE(e.localOffset) !== 0x04034b50) return null;
  const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
  if (start + e.compressedSize > buf.length) return null;
  return buf.toString('latin1', start, start + e.compressedSize);
}

function sniffZip(bytes: Uint8Array): DetectedType | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names = new Set(entries.map((e) => e.name));
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (mimetype) {
    // OpenDocument: an uncompressed "mimetype" entry, normally first.
    const m = storedContent(buf, mimetype)?.trim();
    if (m === TYPE_INFO.odt.mime) return 'odt';
    if (m === TYPE_INFO.ods.mime) return 'ods';
    return null;
  }
  if (!names.has('[Content_Types].xml')) return null;
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  return null;
}

/** The types accepted, in French, for hints and messages. */
export const ACCEPTED_TYPES_LABEL = 'PDF, PNG, JPEG, ODT, DOCX, ODS ou XLSX';
