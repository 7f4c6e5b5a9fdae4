/** The checks every upload passes before it is stored: size, emptiness, real type, antivirus. */
import crypto from 'node:crypto';
import { sniffType, TYPE_INFO, ACCEPTED_TYPES_LABEL, type DetectedType } from './sniff.js';
import type { Scanner } from './clamav.js';

/** An accepted upload, ready to store. */
export interface InspectedFile { bytes: Uint8Array; type: DetectedType; mime: string; size: number; sha256: string; name: string }

/** Outcome of the checks: the file, or the French message to show. */
export type UploadCheck = { ok: true; file: InspectedFile } | { ok: false; message: string };

/** A file name safe to show and to send back in Content-Disposition (no path, no control characters). */
export function cleanFileName(name: string, type: DetectedType): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim().slice(0, 150);
  const stem = base.replace(/\.[^.]*$/, '') || 'document';
  return `${stem}.${TYPE_INFO[type].ext}`;
}

/** Pure checks: not empty, not too large, an accepted type judged from the bytes. */
export function inspectUpload(bytes: Uint8Array, name: string, maxBytes: number): UploadCheck {
  if (bytes.length === 0) return { ok: false, message: 'Le fichier est vide. Choisissez un autre fichier.' };
  if (bytes.length > maxBytes) {
    const mb = (maxBytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
    return { ok: false, message: `Le fichier dépasse la taille autorisée de ${mb} Mo.` };
  }
  const type = sniffType(bytes);
  if (!type) return { ok: false, message: `Le contenu du fichier n’est pas d’un type accepté (${ACCEPTED_TYPES_LABEL}), quel que soit son nom.` };
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  return { ok: true, file: { bytes, type, mime: TYPE_INFO[type].mime, size: bytes.length, sha256, name: cleanFileName(name, type) } };
}

/** inspectUpload, then the antivirus; an antivirus failure refuses the file (never stored unscanned). */
export async function checkUpload(bytes: Uint8Array, name: string, maxBytes: number, scanner: Scanner): Promise<UploadCheck> {
  const inspected = inspectUpload(bytes, name, maxBytes);
  if (!inspected.ok) return inspected;
  try {
    const scan = await scanner.scan(bytes);
    if (!scan.clean) return { ok: false, message: 'L’antivirus a détecté un contenu malveillant dans ce fichier : il n’a pas été enregistré.' };
  } catch {
    return { ok: false, message: 'L’analyse antivirus est momentanément indisponible : le fichier n’a pas été enregistré. Réessayez dans quelques minutes.' };
  }
  return inspected;
}
