/**
 * Reading an inbound email (RFC 5322 / MIME) without a library: headers (folded, RFC 2047 encoded
 * words), multipart bodies, base64 and quoted-printable, charsets through TextDecoder, attachments
 * (RFC 2231 file names). Then what the support desk needs: the ticket it answers (plus-address or
 * subject) and the new text without the quoted history. Pure functions.
 */

/** One attachment of a message. */
export interface MailAttachment { fileName: string; contentType: string; bytes: Uint8Array }

/** A parsed message. */
export interface InboundMessage {
  from: { address: string; name: string } | null;
  to: string[];
  subject: string;
  messageId: string | null;
  text: string;
  attachments: MailAttachment[];
}

type Headers = Map<string, string[]>;

/** Splits a part (as a binary string) into headers and body. */
function splitPart(raw: string): { headers: Headers; body: string } {
  const m = /\r?\n\r?\n/.exec(raw);
  const head = m ? raw.slice(0, m.index) : raw;
  const body = m ? raw.slice(m.index + m[0].length) : '';
  const headers: Headers = new Map();
  const lines = head.split(/\r?\n/);
  const unfolded: string[] = [];
  for (const line of lines) {
    if (/^[ \t]/.test(line) && unfolded.length > 0) unfolded[unfolded.length - 1] += ` ${line.trim()}`;
    else unfolded.push(line);
  }
  for (const line of unfolded) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(i + 1).trim()]);
  }
  return { headers, body };
}

function header(h: Headers, name: string): string {
  return h.get(name)?.[0] ?? '';
}

/** Bytes of a binary string (each char code 0-255 is one byte). */
function bytesOf(binary: string): Uint8Array {
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i) & 0xff;
  return out;
}

/** Decodes bytes in a charset; unknown charsets fall back to UTF-8, then Windows-1252 when not valid UTF-8. */
export function decodeCharset(bytes: Uint8Array, charset: string): string {
  const cs = charset.trim().toLowerCase().replace(/^"|"$/g, '') || 'utf-8';
  try {
    return new TextDecoder(cs === 'us-ascii' ? 'utf-8' : cs, { fatal: true }).decode(bytes);
  } catch {
    try { return new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { return new TextDecoder('windows-1252').decode(bytes); }
  }
}

/** Quoted-printable to bytes (soft line breaks removed). */
export function decodeQuotedPrintable(s: string): Uint8Array {
  const clean = s.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < clean.length; i++) {
    const ch = clean[i]!;
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(clean.slice(i + 1, i + 3))) {
      out.push(parseInt(clean.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(clean.charCodeAt(i) & 0xff);
  }
  return Uint8Array.from(out);
}

function decodeTransfer(body: string, encoding: string): Uint8Array {
  const e = encoding.trim().toLowerCase();
  if (e === 'base64') return new Uint8Array(Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'));
  if (e === 'quoted-printable') return decodeQuotedPrintable(body);
  return bytesOf(body);
}

/** Decodes RFC 2047 encoded words (=?charset?B|Q?…?=) in a header value. */
export function decodeWords(value: string): string {
  // Whitespace between two encoded words is not shown.
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  return joined.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, charset: string, enc: string, text: string) => {
    const bytes = enc.toUpperCase() === 'B'
      ? new Uint8Array(Buffer.from(text, 'base64'))
      : decodeQuotedPrintable(text.replace(/_/g, ' '));
    return decodeCharset(bytes, charset.split('*')[0]!);
  });
}

/** A header value with parameters: `text/plain; charset="utf-8"` → value and params (RFC 2231 included). */
export function parseParams(v: string): { value: string; params: Record<string, string> } {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of v) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) { parts.push(cur); cur = ''; } else cur += ch;
  }
  parts.push(cur);
  const params: Record<string, string> = {};
  const continued: Record<string, string[]> = {};
  for (const p of parts.slice(1)) {
    const i = p.indexOf('=');
    if (i < 0) continue;
    const key = p.slice(0, i).trim().toLowerCase();
    let val = p.slice(i + 1).trim();
    if (val.startsWith('"') && val.endsWith('"')) val = val.slice(1, -1).replace(/\\(.)/g, '$1');
    const m = /^([^*]+)\*(\d+)?(\*)?$/.exec(key);
    if (m) {
      // RFC 2231: name*=utf-8''caf%C3%A9 or name*0*=…; name*1*=…
      const name = m[1]!;
      (continued[name] ??= [])[Number(m[2] ?? 0)] = val;
      continue;
    }
    params[key] = decodeWords(val);
  }
  for (const [name, pieces] of Object.entries(continued)) {
    const whole = pieces.join('');
    const mm = /^([^']*)'[^']*'(.*)$/.exec(whole);
    if (mm) {
      const bytes = bytesOf(mm[2]!.replace(/%([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))));
      params[name] = decodeCharset(bytes, mm[1] || 'utf-8');
    } else params[name] = whole;
  }
  return { value: parts[0]!.trim().toLowerCase(), params };
}

/** The addresses of an address-list header. */
export function parseAddresses(v: string): { address: string; name: string }[] {
  const out: { address: string; name: string }[] = [];
  const decoded = decodeWords(v);
  const re = /(?:"?([^"<,]*)"?\s*)?<([^<>\s]+@[^<>\s]+)>|([^\s<>,";:]+@[^\s<>,";:]+)/g;
  for (const m of decoded.matchAll(re)) {
    const address = (m[2] ?? m[3] ?? '').trim().toLowerCase();
    if (address) out.push({ address, name: (m[1] ?? '').trim() });
  }
  return out;
}

/** Strips HTML to text (for messages without a text/plain part). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|tr|h[1-6]|blockquote)>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

interface Walk { plain: string[]; html: string[]; attachments: MailAttachment[] }

function walk(raw: string, w: Walk, depth: number): void {
  if (depth > 8) return;
  const { headers, body } = splitPart(raw);
  const ct = parseParams(header(headers, 'content-type') || 'text/plain; charset=us-ascii');
  const disposition = parseParams(header(headers, 'content-disposition'));
  if (ct.value.startsWith('multipart/') && ct.params.boundary) {
    const b = `--${ct.params.boundary}`;
    const parts: string[][] = [];
    let cur: string[] | null = null;
    for (const line of body.split(/\r?\n/)) {
      const l = line.trimEnd();
      if (l === `${b}--`) break;
      if (l === b) { if (cur) parts.push(cur); cur = []; continue; }
      cur?.push(line);
    }
    if (cur) parts.push(cur);
    for (const p of parts) walk(p.join('\r\n'), w, depth + 1);
    return;
  }
  if (ct.value === 'message/rfc822') return; // forwarded messages are not part of the reply
  const bytes = decodeTransfer(body, header(headers, 'content-transfer-encoding'));
  const fileName = disposition.params.filename ?? ct.params.name;
  if (disposition.value === 'attachment' || (fileName && !ct.value.startsWith('text/'))) {
    w.attachments.push({ fileName: fileName ?? 'piece-jointe', contentType: ct.value, bytes });
    return;
  }
  if (ct.value === 'text/plain') w.plain.push(decodeCharset(bytes, ct.params.charset ?? 'utf-8'));
  else if (ct.value === 'text/html') w.html.push(decodeCharset(bytes, ct.params.charset ?? 'utf-8'));
}

/** Parses a raw message (bytes as received by the webhook). */
export function parseMessage(raw: Uint8Array | string): InboundMessage {
  const binary = typeof raw === 'string' ? raw : Buffer.from(raw).toString('latin1');
  const { headers } = splitPart(binary);
  const w: Walk = { plain: [], html: [], attachments: [] };
  walk(binary, w, 0);
  const text = (w.plain.length > 0 ? w.plain.join('\n\n') : htmlToText(w.html.join('\n\n'))).replace(/\r\n/g, '\n');
  const recipients = ['to', 'cc', 'delivered-to', 'x-original-to'].flatMap((h) => (headers.get(h) ?? []).flatMap((v) => parseAddresses(v).map((a) => a.address)));
  const mid = /<([^<>]+)>/.exec(header(headers, 'message-id'));
  return {
    from: parseAddresses(header(headers, 'from'))[0] ?? null,
    to: [...new Set(recipients)],
    subject: decodeWords(header(headers, 'subject')),
    messageId: mid ? mid[1]! : (header(headers, 'message-id') || null),
    text,
    attachments: w.attachments,
  };
}

const NUMBER_RE = /GEN-T-\d{4}-\d{5}/i;

/** The ticket number a reply is about: a plus-address (support+GEN-T-2025-00012@…) first, else the subject. */
export function ticketReference(m: Pick<InboundMessage, 'to' | 'subject'>): string | null {
  for (const a of m.to) {
    const local = a.split('@')[0] ?? '';
    const plus = local.indexOf('+');
    if (plus >= 0) {
      const hit = NUMBER_RE.exec(local.slice(plus + 1));
      if (hit) return hit[0].toUpperCase();
    }
  }
  const s = NUMBER_RE.exec(m.subject);
  return s ? s[0].toUpperCase() : null;
}

/** Lines that start the quoted history in common mail clients (French and English). */
const HISTORY_MARKERS = [
  /^Le .{4,200} a écrit\s?:\s*$/i,
  /^On .{4,200} wrote:\s*$/i,
  /^-{2,}\s*(Message d’origine|Message d'origine|Original Message|Message transféré)\s*-{2,}\s*$/i,
  /^(De|From)\s?:\s.+/,
  /^_{10,}\s*$/,
];

/** The new text of a reply: everything before the quoted history and the signature, trimmed. */
export function extractReply(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const joined = `${line} ${lines[i + 1] ?? ''}`.trim();
    if (HISTORY_MARKERS.some((re) => re.test(line.trim()))) break;
    // "Le lun. 7 juil. 2025 à 10:00, X <x@y> a écrit :" is often wrapped over two lines.
    if (/^Le .+/.test(line.trim()) && /a écrit\s?:\s*$/i.test(joined) && !/a écrit\s?:\s*$/i.test(line)) break;
    if (/^>/.test(line)) break;
    if (line === '-- ') break;
    kept.push(line);
  }
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
