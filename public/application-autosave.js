// Progressive enhancement of an application section (the page works without it):
// - autosave a few seconds after the last edit, through the same POST as "Enregistrer", asking JSON;
// - "Enregistré à hh:mm" in the aria-live region #etat-enregistrement;
// - on a network error (or an expired session) the values stay in this browser (localStorage) and
//   can be put back; a conflict (409) is shown and autosave stops: nothing is ever overwritten.
const form = document.getElementById('formulaire-rubrique');
const status = document.getElementById('etat-enregistrement');
const DELAY = 2500;

if (form && status && window.fetch && window.URLSearchParams) {
  const key = `gen-saisie:${new URL(form.action, location.href).pathname}`;
  let timer = null;
  let busy = false;
  let stopped = false;
  let again = false;
  let submitter = null;

  const say = (text, kind) => {
    status.textContent = text;
    status.className = `fr-text--sm fr-mt-2w lg-autosave${kind ? ` lg-autosave--${kind}` : ''}`;
  };
  const payload = () => {
    const data = new URLSearchParams(new FormData(form));
    data.set('_action', 'enregistrer');
    return data;
  };
  const keepLocally = () => {
    try {
      const values = {};
      for (const [k, v] of new FormData(form)) if (k !== '_csrf' && k !== 'version' && typeof v === 'string') values[k] = v;
      localStorage.setItem(key, JSON.stringify({ at: new Date().toISOString(), values }));
      return true;
    } catch {
      return false;
    }
  };
  const forget = () => { try { localStorage.removeItem(key); } catch { /* private mode */ } };

  const save = async () => {
    if (stopped) return;
    if (busy) { again = true; return; }
    busy = true;
    say('Enregistrement en cours…');
    try {
      const res = await fetch(form.action, {
        method: 'POST', body: payload(), credentials: 'same-origin',
        headers: { 'x-autosave': '1', accept: 'application/json', 'x-csrf-token': form.querySelector('input[name="_csrf"]')?.value ?? '' },
      });
      const body = await res.json().catch(() => ({}));
      if (res.ok && body.ok) {
        const version = form.querySelector('input[name="version"]');
        if (version) version.value = String(body.version);
        forget();
        say(`Enregistré à ${body.savedAt}${body.errors ? ` (${body.errors} champ(s) à corriger : cliquez sur « Enregistrer » pour les voir)` : ''}.`, 'ok');
      } else if (res.status === 409) {
        stopped = true;
        keepLocally();
        say(body.message || 'Cette rubrique a été modifiée ailleurs : l’enregistrement automatique est suspendu. Cliquez sur « Enregistrer » pour comparer.', 'error');
      } else if (res.status === 401) {
        stopped = true;
        keepLocally();
        say('Votre session a expiré : vos saisies sont gardées dans ce navigateur. Cliquez sur « Enregistrer » : après reconnexion, vous les retrouverez.', 'error');
      } else {
        say(body.message || 'L’enregistrement automatique a échoué : cliquez sur « Enregistrer ».', 'error');
      }
    } catch {
      const kept = keepLocally();
      say(kept
        ? 'Connexion perdue : vos saisies sont gardées dans ce navigateur. Elles seront enregistrées dès que la connexion revient, ou cliquez sur « Enregistrer ».'
        : 'Connexion perdue : vos saisies n’ont pas pu être enregistrées. Ne fermez pas la page et réessayez.', 'error');
    } finally {
      busy = false;
      if (submitter !== null) {
        const s = submitter;
        submitter = null;
        form.requestSubmit(s || undefined);
      } else if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(save, DELAY);
  };

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  window.addEventListener('online', () => { if (!stopped) save(); });
  form.addEventListener('submit', (e) => {
    clearTimeout(timer);
    // An autosave is on its way: submit once it is done, with the new version.
    if (busy) { e.preventDefault(); submitter = e.submitter ?? false; }
    else forget();
  });

  // Values kept by an earlier failure: offer to put them back (never silently).
  try {
    const kept = JSON.parse(localStorage.getItem(key) || 'null');
    if (kept && kept.values) {
      const box = document.createElement('div');
      box.className = 'fr-alert fr-alert--warning fr-alert--sm fr-mb-3w';
      const p = document.createElement('p');
      const when = new Date(kept.at);
      p.textContent = `Des saisies non enregistrées de ce navigateur ont été retrouvées (${when.toLocaleDateString('fr-FR')} à ${when.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}). `;
      const put = document.createElement('button');
      put.type = 'button';
      put.className = 'fr-btn fr-btn--sm fr-btn--secondary fr-mr-2w';
      put.textContent = 'Rétablir ces saisies';
      const drop = document.createElement('button');
      drop.type = 'button';
      drop.className = 'fr-btn fr-btn--sm fr-btn--tertiary';
      drop.textContent = 'Les oublier';
      put.addEventListener('click', () => {
        for (const [name, value] of Object.entries(kept.values)) {
          const fields = form.querySelectorAll(`[name="${CSS.escape(name)}"]`);
          for (const f of fields) {
            if (f.type === 'radio' || f.type === 'checkbox') f.checked = f.value === value;
            else if (f.type !== 'hidden' || name.endsWith('-count')) f.value = value;
          }
        }
        box.remove();
        say('Saisies rétablies : elles vont être enregistrées.', 'ok');
        schedule();
      });
      drop.addEventListener('click', () => { forget(); box.remove(); say(''); });
      box.append(p, put, drop);
      form.prepend(box);
    }
  } catch { /* no storage */ }
}
