/** Supporting documents: what is required, what is joined, and the upload form. */
import type { PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Select } from '../../platform/views/ui.js';
import { ACCEPTED_TYPES_LABEL } from '../../platform/files/sniff.js';
import type { Dossier } from '../dossier.js';
import { DOCUMENT_KINDS, DOCUMENT_LABELS, requiredDocuments } from '../documents.js';
import { fileSize, dateTimeSeconds } from '../format.js';
import { memberMayChange } from '../applications.policy.js';
import { ApplicationShell, StateBadge } from './shell.js';
import { documentsPath, appPath } from './paths.js';

/** The documents page; `errors` holds the upload's field errors. */
export function DocumentsPage({ ctx, d, maxMb, errors = {}, kind = '' }: { ctx: PageContext; d: Dossier; maxMb: number; errors?: Record<string, string>; kind?: string }) {
  const app = d.application;
  const orgId = app.organisationId;
  const may = { upload: memberMayChange(app.state, 'documents', d.openParts) };
  const required = requiredDocuments(d.sections.training.reading.data);
  const base = documentsPath(orgId, app.id);
  return (
    <ApplicationShell ctx={ctx} title="Pièces justificatives" orgId={orgId} app={app} hasErrors={Object.keys(errors).length > 0}>
      <h1>Pièces justificatives</h1>
      <StateBadge state={app.state} />
      <ErrorSummary errors={errors} fieldOrder={['kind', 'file']} />
      <div class="fr-table">
        <table>
          <caption>Documents de la candidature</caption>
          <thead><tr><th scope="col">Document</th><th scope="col">Fichiers joints</th></tr></thead>
          <tbody>
            {DOCUMENT_KINDS.map((k) => {
              const files = d.files.filter((f) => f.kind === k);
              return (
                <tr id={k}>
                  <th scope="row">{DOCUMENT_LABELS[k].label}{required.includes(k) ? ' (obligatoire)' : ''}</th>
                  <td>
                    {files.length === 0 ? (required.includes(k) ? <span class="fr-badge fr-badge--sm fr-badge--warning">Manquant</span> : 'Aucun') : (
                      <ul>
                        {files.map((f) => (
                          <li>
                            <a class="fr-link" href={`${base}/${f.id}`} download>{f.fileName}</a> ({fileSize(f.size)}, ajouté le {dateTimeSeconds(f.uploadedAt, d.call.call.timezone)})
                            {may.upload ? (
                              <Form action={`${base}/${f.id}/supprimer`} csrf={ctx.csrfToken}>
                                <button type="submit" class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm">Supprimer {f.fileName}</button>
                              </Form>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {may.upload ? (
        <Form action={base} csrf={ctx.csrfToken} multipart>
          <h2>Ajouter un document</h2>
          <Select name="kind" label="Type de document" state={{ errors, values: { kind } }} options={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_LABELS[k].label }))} />
          <div class={`fr-upload-group fr-mb-3w${errors.file ? ' fr-upload-group--error' : ''}`}>
            <label class="fr-label" for="file">Fichier
              <span class="fr-hint-text" id="file-aide">Taille maximale : {maxMb.toLocaleString('fr-FR')} Mo. Formats acceptés : {ACCEPTED_TYPES_LABEL}. Le format est vérifié d’après le contenu du fichier.</span>
            </label>
            <input class="fr-upload" type="file" id="file" name="file" aria-describedby={`file-aide${errors.file ? ' file-erreur' : ''}`} aria-invalid={errors.file ? 'true' : undefined} />
            {errors.file ? <p id="file-erreur" class="fr-error-text">{errors.file}</p> : null}
          </div>
          <button type="submit" class="fr-btn">Ajouter le document</button>
        </Form>
      ) : null}
      <p class="fr-mt-4w"><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={appPath(orgId, app.id)}>Retour à la candidature</a></p>
    </ApplicationShell>
  );
}
