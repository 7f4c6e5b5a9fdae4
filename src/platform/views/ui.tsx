/**
 * DSFR form pieces with the error anatomy: an error summary linking to each field, the field's
 * message tied by aria-describedby, values kept. Every form of the platform uses these.
 */
import type { Child } from 'hono/jsx';

/** Field errors by field name, and the values typed. */
export interface FormState {
  errors?: Record<string, string>;
  values?: Record<string, string | string[] | undefined>;
}

function val(state: FormState | undefined, name: string): string {
  const v = state?.values?.[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

/** The error summary shown at the top of a form; takes focus (app.js) and links to each field. */
export function ErrorSummary({ errors, fieldOrder }: { errors?: Record<string, string>; fieldOrder?: string[] }) {
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0) return null;
  const order = fieldOrder ?? [];
  entries.sort((a, b) => (order.indexOf(a[0]) + 1 || 999) - (order.indexOf(b[0]) + 1 || 999));
  const n = entries.length;
  return (
    <div class="fr-alert fr-alert--error fr-mb-4w" id="resume-erreurs" tabindex={-1} role="alert" aria-labelledby="resume-erreurs-titre">
      <h2 class="fr-alert__title" id="resume-erreurs-titre">{n === 1 ? 'Le formulaire contient une erreur' : `Le formulaire contient ${n} erreurs`}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li><a href={field === '_form' ? '#contenu' : `#${field}`}>{message}</a></li>
        ))}
      </ul>
    </div>
  );
}

/** Props shared by inputs. */
interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  state?: FormState;
  required?: boolean;
  autocomplete?: string;
}

/** A text-like input (text, email, password, date, tel, number). */
export function Input(props: FieldProps & { type?: string; inputmode?: 'url' | 'search' | 'email' | 'text' | 'none' | 'numeric' | 'tel' | 'decimal'; spellcheck?: boolean; maxlength?: number; keepValue?: boolean }) {
  const { name, label, hint, state, type = 'text', autocomplete, required } = props;
  const error = state?.errors?.[name];
  const describedBy = [hint ? `${name}-aide` : '', error ? `${name}-erreur` : ''].filter(Boolean).join(' ') || undefined;
  const keep = props.keepValue ?? type !== 'password';
  return (
    <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label" for={name}>
        {label}{required === false ? ' (facultatif)' : ''}
        {hint ? <span class="fr-hint-text" id={`${name}-aide`}>{hint}</span> : null}
      </label>
      <input
        class={`fr-input${error ? ' fr-input--error' : ''}`}
        type={type} id={name} name={name}
        value={keep ? val(state, name) : ''}
        autocomplete={autocomplete}
        inputmode={props.inputmode}
        spellcheck={props.spellcheck === false ? false : undefined}
        maxlength={props.maxlength}
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
        required={required === false ? undefined : true}
      />
      {error ? <p id={`${name}-erreur`} class="fr-error-text">{error}</p> : null}
    </div>
  );
}

/** A multi-line text field. */
export function Textarea(props: FieldProps & { rows?: number; maxlength?: number }) {
  const { name, label, hint, state, required } = props;
  const error = state?.errors?.[name];
  const describedBy = [hint ? `${name}-aide` : '', error ? `${name}-erreur` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label" for={name}>
        {label}{required === false ? ' (facultatif)' : ''}
        {hint ? <span class="fr-hint-text" id={`${name}-aide`}>{hint}</span> : null}
      </label>
      <textarea class={`fr-input${error ? ' fr-input--error' : ''}`} id={name} name={name} rows={props.rows ?? 5}
        maxlength={props.maxlength} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined}
        required={required === false ? undefined : true}>{val(state, name)}</textarea>
      {error ? <p id={`${name}-erreur`} class="fr-error-text">{error}</p> : null}
    </div>
  );
}

/** A select with its options. */
export function Select(props: FieldProps & { options: { value: string; label: string }[]; placeholder?: string }) {
  const { name, label, hint, state, options, required } = props;
  const error = state?.errors?.[name];
  const current = val(state, name);
  const describedBy = [hint ? `${name}-aide` : '', error ? `${name}-erreur` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`fr-select-group${error ? ' fr-select-group--error' : ''}`}>
      <label class="fr-label" for={name}>
        {label}{required === false ? ' (facultatif)' : ''}
        {hint ? <span class="fr-hint-text" id={`${name}-aide`}>{hint}</span> : null}
      </label>
      <select class={`fr-select${error ? ' fr-select--error' : ''}`} id={name} name={name} aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined} required={required === false ? undefined : true}>
        <option value="" selected={current === ''} disabled={required !== false}>{props.placeholder ?? 'Sélectionner une option'}</option>
        {options.map((o) => <option value={o.value} selected={o.value === current}>{o.label}</option>)}
      </select>
      {error ? <p id={`${name}-erreur`} class="fr-error-text">{error}</p> : null}
    </div>
  );
}

/** A group of radio buttons in a fieldset. */
export function Radios(props: FieldProps & { options: { value: string; label: string; hint?: string }[]; inline?: boolean }) {
  const { name, label, hint, state, options } = props;
  const error = state?.errors?.[name];
  const current = val(state, name);
  return (
    <fieldset class={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`} id={name} aria-labelledby={`${name}-legende${error ? ` ${name}-erreur` : ''}`} role="group">
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id={`${name}-legende`}>
        {label}
        {hint ? <span class="fr-hint-text">{hint}</span> : null}
      </legend>
      {options.map((o, i) => (
        <div class={`fr-fieldset__element${props.inline ? ' fr-fieldset__element--inline' : ''}`}>
          <div class="fr-radio-group">
            <input type="radio" id={`${name}-${i}`} name={name} value={o.value} checked={o.value === current} />
            <label class="fr-label" for={`${name}-${i}`}>
              {o.label}
              {o.hint ? <span class="fr-hint-text">{o.hint}</span> : null}
            </label>
          </div>
        </div>
      ))}
      {error ? (
        <div class="fr-messages-group" aria-live="assertive">
          <p class="fr-message fr-message--error" id={`${name}-erreur`}>{error}</p>
        </div>
      ) : null}
    </fieldset>
  );
}

/** A form posting to the platform with its CSRF token. */
export function Form(props: { action: string; csrf: string; children?: Child; multipart?: boolean; id?: string; method?: 'post' | 'get' }) {
  const method = props.method ?? 'post';
  return (
    <form method={method} action={props.action} id={props.id} enctype={props.multipart ? 'multipart/form-data' : undefined} novalidate>
      {method === 'post' ? <input type="hidden" name="_csrf" value={props.csrf} /> : null}
      {props.children}
    </form>
  );
}

/** The primary submit button. */
export function Submit({ label, secondary }: { label: string; secondary?: boolean }) {
  return <button type="submit" class={`fr-btn${secondary ? ' fr-btn--secondary' : ''}`}>{label}</button>;
}
