/** Routes of login (password, then code when TOTP is on) and logout. */
import type { Context } from 'hono';
import type { Router } from '../../platform/http/router.js';
import type { AppEnv } from '../../platform/http/context.js';
import { PUBLIC } from '../../platform/http/access.js';
import { parseForm } from '../../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../../platform/http/render.js';
import { setSessionCookie, clearSessionCookie } from '../../platform/auth/cookies.js';
import { safeReturnPath } from '../accounts.js';
import { loginForm, codeForm } from '../accounts.forms.js';
import { logIn } from '../commands/log-in.js';
import { verifySecondFactor } from '../commands/second-factor.js';
import { logOut } from '../commands/password.js';
import { runCommand } from '../http.js';
import { signSecondStep, readSecondStep, getSecondStepCookie, setSecondStepCookie, clearSecondStepCookie } from '../second-step.js';
import { LoginPage, CodePage, TooManyAttemptsPage, LOGIN_FAILED } from '../views/login.js';

/** The local path to go back to after login, or null. */
function retourOf(c: Context<AppEnv>): string | null {
  const r = safeReturnPath(c.req.query('retour'), '');
  return r === '' ? null : r;
}

function withReturn(path: string, retour: string | null): string {
  return retour ? `${path}?retour=${encodeURIComponent(retour)}` : path;
}

function tooMany(c: Context<AppEnv>): Promise<Response> {
  const minutes = c.get('deps').config.LOGIN_WINDOW_MINUTES;
  c.header('Retry-After', String(minutes * 60));
  return render(c, <TooManyAttemptsPage ctx={pageContext(c)} minutes={minutes} />, 429);
}

/**
 * Who the code step is for: a session that still lacks its second factor, or a browser
 * holding the signed cookie of a password step. Null when there is nothing to check.
 */
function codeSubject(c: Context<AppEnv>): { userId: string; sessionId?: string } | null {
  const actor = c.get('actor');
  const { config, now } = c.get('deps');
  if (actor) return actor.totpEnabled && !actor.secondFactor ? { userId: actor.userId, sessionId: actor.sessionId } : null;
  const userId = readSecondStep(getSecondStepCookie(c, config.secureCookies), now(), config.appSecret);
  return userId ? { userId } : null;
}

/** Login and logout routes. */
export function loginRoutes(r: Router): void {
  r.get('/connexion', PUBLIC, (c) => {
    if (c.get('actor')) return c.redirect(retourOf(c) ?? '/', 303);
    return render(c, <LoginPage ctx={pageContext(c)} retour={retourOf(c)} />);
  });

  r.post('/connexion', PUBLIC, async (c) => {
    const retour = retourOf(c);
    const form = await parseForm(c, loginForm);
    if (!form.ok) return render(c, <LoginPage ctx={pageContext(c)} state={form} retour={retour} />, 422);
    const res = await runCommand(c, (tx, ctx) => logIn(tx, ctx, { ...form.data, previousSessionId: c.get('actor')?.sessionId }));
    const secure = c.get('deps').config.secureCookies;
    if (!res.ok) {
      if (res.reason === 'throttled') return tooMany(c);
      if (res.reason === 'unconfirmed') return render(c, <LoginPage ctx={pageContext(c)} state={{ values: form.values }} retour={retour} unconfirmed />, 403);
      return render(c, <LoginPage ctx={pageContext(c)} state={{ errors: { email: LOGIN_FAILED }, values: form.values }} retour={retour} />, 422);
    }
    if (res.next === 'second_factor') {
      const { config, now } = c.get('deps');
      clearSessionCookie(c, secure);
      setSecondStepCookie(c, signSecondStep(res.userId, now(), config.appSecret), secure);
      return c.redirect(withReturn('/connexion/code', retour), 303);
    }
    setSessionCookie(c, res.token, secure);
    clearSecondStepCookie(c, secure);
    if (res.mustEnrol) return redirectWith(c, withReturn('/compte/double-authentification', retour), 'Activez la double authentification pour accéder à l’espace GEN.');
    return c.redirect(retour ?? '/', 303);
  });

  r.get('/connexion/code', PUBLIC, (c) => {
    if (!codeSubject(c)) return c.redirect(c.get('actor') ? retourOf(c) ?? '/' : '/connexion', 303);
    return render(c, <CodePage ctx={pageContext(c)} retour={retourOf(c)} />);
  });

  r.post('/connexion/code', PUBLIC, async (c) => {
    const subject = codeSubject(c);
    const retour = retourOf(c);
    if (!subject) return redirectWith(c, withReturn('/connexion', retour), c.get('actor') ? undefined : 'Votre connexion a expiré : saisissez à nouveau votre mot de passe.');
    const form = await parseForm(c, codeForm);
    if (!form.ok) return render(c, <CodePage ctx={pageContext(c)} state={{ errors: form.errors, values: {} }} retour={retour} />, 422);
    const res = await runCommand(c, (tx, ctx) => verifySecondFactor(tx, ctx, { ...subject, code: form.data.code }));
    if (!res.ok) {
      if (res.reason === 'throttled') return tooMany(c);
      const message = res.reason === 'replayed'
        ? 'Ce code a déjà été utilisé. Attendez que votre application affiche un nouveau code (toutes les 30 secondes), puis saisissez-le.'
        : 'Ce code est incorrect ou a déjà été utilisé. Saisissez le code affiché maintenant par votre application, ou un code de secours.';
      return render(c, <CodePage ctx={pageContext(c)} state={{ errors: { code: message }, values: {} }} retour={retour} />, 422);
    }
    const secure = c.get('deps').config.secureCookies;
    if (res.token) setSessionCookie(c, res.token, secure);
    clearSecondStepCookie(c, secure);
    const left = res.usedRecoveryCode
      ? `Vous avez utilisé un code de secours ; il vous en reste ${res.recoveryCodesLeft}. Vous pouvez en générer de nouveaux depuis « Mon compte ».`
      : undefined;
    return redirectWith(c, retour ?? '/', left);
  });

  r.post('/deconnexion', PUBLIC, async (c) => {
    const actor = c.get('actor');
    if (actor) await runCommand(c, (tx, ctx) => logOut(tx, ctx, actor));
    const secure = c.get('deps').config.secureCookies;
    clearSessionCookie(c, secure);
    clearSecondStepCookie(c, secure);
    return redirectWith(c, '/', 'Vous êtes déconnecté.');
  });
}
