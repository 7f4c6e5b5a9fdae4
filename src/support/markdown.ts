/**
 * A small Markdown subset for the help centre, rendered to escaped HTML: paragraphs, headings
 * (# becomes h2, so the page keeps one h1), bullet and numbered lists, fenced code, inline code,
 * emphasis, strong and links. Raw HTML is never passed through: every character of the source is
 * escaped, and a link keeps its target only when it is http(s) or relative.
 */

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The link target if it is safe (http, https, or relative without a scheme), else null. */
export function safeUrl(raw: string): string | null {
  const url = raw.trim();
  // Control characters and spaces are where browsers hide "java\tscript:".
  if (url === '' || /[\u0000-\u0020\u007f-\u009f\\]/.test(url)) return null;
  if (/^https?:\/\/[^/]/i.test(url)) return url;
  if (url.startsWith('//')) return null;
  // Relative: no scheme before the first / ? or #.
  const head = url.split(/[/?#]/)[0] ?? '';
  return head.includes(':') ? null : url;
}

/** Renders inline Markdown (code, strong, emphasis, links) as escaped HTML. */
export function renderInline(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '\\' && i + 1 < s.length && /[\\`*_[\]()#+\-.!]/.test(s[i + 1]!)) {
      out += escapeHtml(s[i + 1]!);
      i += 2;
      continue;
    }
    if (ch === '`') {
      const end = s.indexOf('`', i + 1);
      if (end > i + 1) {
        out += `<code>${escapeHtml(s.slice(i + 1, end))}</code>`;
        i = end + 1;
        continue;
      }
    }
    if (s.startsWith('**', i)) {
      const end = s.indexOf('**', i + 2);
      if (end > i + 2) {
        out += `<strong>${renderInline(s.slice(i + 2, end))}</strong>`;
        i = end + 2;
        continue;
      }
    }
    if ((ch === '*' || ch === '_') && s[i + 1] !== ' ' && s[i + 1] !== ch && (ch === '*' || !/\w/.test(s[i - 1] ?? ''))) {
      const end = s.indexOf(ch, i + 1);
      if (end > i + 1 && (ch === '*' || !/\w/.test(s[end + 1] ?? ''))) {
        out += `<em>${renderInline(s.slice(i + 1, end))}</em>`;
        i = end + 1;
        continue;
      }
    }
    if (ch === '[') {
      const m = /^\[([^\]]+)\]\(([^()\s]*)\)/.exec(s.slice(i));
      if (m) {
        const url = safeUrl(m[2]!);
        const text = renderInline(m[1]!);
        out += url ? `<a href="${escapeHtml(url)}">${text}</a>` : text;
        i += m[0].length;
        continue;
      }
    }
    out += escapeHtml(ch);
    i++;
  }
  return out;
}

type Block =
  | { kind: 'p'; lines: string[] }
  | { kind: 'h'; level: number; text: string }
  | { kind: 'ul' | 'ol'; items: string[] }
  | { kind: 'code'; lines: string[] };

function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') { i++; continue; }
    if (/^```/.test(line.trim())) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !/^```/.test(lines[i]!.trim())) code.push(lines[i++]!);
      i++;
      blocks.push({ kind: 'code', lines: code });
      continue;
    }
    const h = /^(#{1,3})\s+(.*)$/.exec(line);
    if (h) { blocks.push({ kind: 'h', level: h[1]!.length + 1, text: h[2]!.replace(/\s#+\s*$/, '') }); i++; continue; }
    const listKind = /^\s*[-*]\s+/.test(line) ? 'ul' : /^\s*\d{1,3}[.)]\s+/.test(line) ? 'ol' : null;
    if (listKind) {
      const itemRe = listKind === 'ul' ? /^\s*[-*]\s+(.*)$/ : /^\s*\d{1,3}[.)]\s+(.*)$/;
      const items: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '') {
        const m = itemRe.exec(lines[i]!);
        if (m) items.push(m[1]!);
        else if (items.length > 0 && /^\s+/.test(lines[i]!)) items[items.length - 1] += ` ${lines[i]!.trim()}`;
        else break;
        i++;
      }
      blocks.push({ kind: listKind, items });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !/^(#{1,3}\s|```|\s*[-*]\s+|\s*\d{1,3}[.)]\s+)/.test(lines[i]!)) para.push(lines[i++]!.trim());
    if (para.length === 0) { para.push(line.trim()); i++; }
    blocks.push({ kind: 'p', lines: para });
  }
  return blocks;
}

/** Renders Markdown source as safe HTML. */
export function renderMarkdown(source: string): string {
  return parseBlocks(source).map((b) => {
    switch (b.kind) {
      case 'p': return `<p>${renderInline(b.lines.join(' '))}</p>`;
      case 'h': return `<h${b.level}>${renderInline(b.text)}</h${b.level}>`;
      case 'ul':
      case 'ol': return `<${b.kind}>${b.items.map((x) => `<li>${renderInline(x)}</li>`).join('')}</${b.kind}>`;
      case 'code': return `<pre><code>${escapeHtml(b.lines.join('\n'))}</code></pre>`;
    }
  }).join('\n');
}

/** The plain text of Markdown source (search excerpts, mails). */
export function markdownToText(source: string): string {
  return source.replace(/```/g, '').replace(/^#{1,3}\s+/gm, '').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}
