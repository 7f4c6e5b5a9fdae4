/** On an application's staff page: its tags (add, remove) and following it. */
import type { PageContext } from '../../platform/views/layout.js';
import { Form, type FormState } from '../../platform/views/ui.js';
import type { StaffDossier } from '../staff-dossier.js';
import { TagBadge, reviewPath } from './parts.js';

/** The box. */
export function OrganiseBox({ ctx, s, state }: { ctx: PageContext; s: StaffDossier; state?: FormState }) {
  if (!s.may.organise) return null;
  const path = reviewPath(s.dossier.application.id);
  const free = s.allTags.filter((t) => !s.tags.some((x) => x.id === t.id));
  const error = state?.errors?.tagId;
  return (
    <div class="fr-mb-4w lg-organise">
      <Form action={`${path}/suivre`} csrf={ctx.csrfToken}>
        <button type="submit" class={`fr-btn fr-btn--sm ${s.following ? 'fr-btn--secondary fr-icon-eye-off-line' : 'fr-btn--tertiary fr-icon-eye-line'} fr-btn--icon-left`}>{s.following ? 'Ne plus suivre' : 'Suivre la candidature'}</button>
      </Form>
      <p class="fr-mb-1w">Étiquettes : {s.tags.length === 0 ? 'aucune.' : null}</p>
      {s.tags.length ? (
        <ul class="lg-inline-list">
          {s.tags.map((t) => (
            <li>
              <TagBadge label={t.label} colour={t.colour} />
              <Form action={`${path}/etiquettes/retirer`} csrf={ctx.csrfToken}>
                <input type="hidden" name="tagId" value={t.id} />
                <button type="submit" class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline">Retirer<span class="fr-sr-only"> l’étiquette {t.label}</span></button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      {free.length ? (
        <Form action={`${path}/etiquettes`} csrf={ctx.csrfToken}>
          <div class={`fr-select-group${error ? ' fr-select-group--error' : ''}`}>
            <label class="fr-label" for="tagId">Poser une étiquette</label>
            <select class="fr-select" id="tagId" name="tagId" aria-describedby={error ? 'tagId-erreur' : undefined}>
              <option value="">Choisir une étiquette</option>
              {free.map((t) => <option value={t.id}>{t.label}</option>)}
            </select>
            {error ? <p class="fr-error-text" id="tagId-erreur">{error}</p> : null}
          </div>
          <button type="submit" class="fr-btn fr-btn--sm fr-btn--secondary">Poser l’étiquette</button>
        </Form>
      ) : null}
    </div>
  );
}
