/** Pure composition of the platform's mails: French, plain text and HTML, one frame for all. */

/** A file attached to a mail (kept small: receipts, notices). */
export interface MailAttachment { fileName: string; contentType: string; content: Buffer }

/** A composed mail. */
export interface Mail { to: string; subject: string; text: string; html: string; template: string; attachments?: MailAttachment[] }

/** Content of a mail before framing. */
export interface MailContent {
  template: string;
  to: string;
  subject: string;
  greeting?: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Text after the action, e.g. how long a link is valid. */
  after?: string[];
  /** Files sent with the mail. */
  attachments?: MailAttachment[];
}

const SIGNATURE = 'L’équipe du label Grande École du Numérique';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Frames a mail's content as text and HTML with the platform's signature. */
export function composeMail(m: MailContent): Mail {
  const greeting = m.greeting ?? 'Bonjour,';
  const textParts = [greeting, '', ...m.paragraphs.flatMap((p) => [p, ''])];
  if (m.action) textParts.push(`${m.action.label} : ${m.action.url}`, '');
  for (const a of m.after ?? []) textParts.push(a, '');
  textParts.push('Cordialement,', SIGNATURE, '', '—', 'Ce message vous est envoyé automatically par la plateforme du label GEN. Merci de ne pas y répondre directement.'.replace('automatically', 'automatiquement'));
  const html = [
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>', esc(m.subject), '</title></head>',
    '<body style="font-family:Marianne,Arial,sans-serif;color:#161616;line-height:1.5">',
    '<p style="font-weight:bold">République Française – Label Grande École du Numérique</p>',
    `<p>${esc(greeting)}</p>`,
    ...m.paragraphs.map((p) => `<p>${esc(p)}</p>`),
    m.action ? `<p><a href="${esc(m.action.url)}" style="background:#000091;color:#fff;padding:8px 16px;text-decoration:none">${esc(m.action.label)}</a></p><p style="font-size:0.9em">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur : ${esc(m.action.url)}</p>` : '',
    ...(m.after ?? []).map((p) => `<p>${esc(p)}</p>`),
    `<p>Cordialement,<br>${esc(SIGNATURE)}</p>`,
    '<p style="font-size:0.8em;color:#666">Ce message vous est envoyé automatiquement par la plateforme du label GEN. Merci de ne pas y répondre directement.</p>',
    '</body></html>',
  ].join('');
  return { to: m.to, subject: m.subject, text: textParts.join('\n'), html, template: m.template, ...(m.attachments?.length ? { attachments: m.attachments } : {}) };
}
