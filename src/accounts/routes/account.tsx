/** Routes of the account page: password change, TOTP enrolment, recovery codes. */
import type { Context } from 'hono';
import QRCode from 'qrcode';
import type { Router } from '../../platform/http/router.js';
import type { Actor, AppEnv } from '../../platform/http/context.js';
import { SIGNED_IN } from '../../platform/http/access.js';
import { readForm, parseForm, type FormValues } from '../../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../../platform/http/render.js';
import { otpauthUri } from '../../platform/auth/totp.js';
import { renderErrorPage } from '../../platform/views/error-page.js';
import { safeReturnPath } from '../accounts.js';
import { canOnAccount } from '../accounts.policy.js';
import { changePasswordForm, codeForm, validateWithNewPassword } from '../accounts.forms.js';
import { changePassword } from '../commands/password.js';
import { pendingTotpSecret, confirmTotpEnrolment, regenerateRecoveryCodes } from '../commands/second-factor.js';
import { accountOverview } from '../accounts.store.js';
import { runCommand } from '../http.js';
import { AccountPage } from '../views/account.js';
import { ChangePasswordPage } from '../views/password.js';
import { TotpEnrolPage, RecoveryCodesPage } from '../views/totp.js';
import { TooManyAttemptsPage } from '../views/login.js';

function actorOf(c: Context<AppEnv>): Actor {
  // SIGNED_IN routes only run with an actor; the router checked it.
  return c.get('actor')!;
}

async function enrolPage(c: Context<AppEnv>, actor: Actor, state?: { errors: Record<string, string>; values: FormValues }, status = 200): Promise<Response> {
  const secret = await runCommand(c, (tx, ctx) => pendingTotpSecret(tx, ctx, actor.userId));
  if (!secret) return c.redirect('/compte', 303);
  const qrSvg = await QRCode.toString(otpauthUri(secret, actor.email), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const retour = safeReturnPath(c.req.query('retour'), '');
  const action = retour ? `/compte/double-authentification?retour=${encodeURIComponent(retour)}` : '/compte/double-authentification';
  return render(c, <TotpEnrolPage ctx={pageContext(c)} secret={secret} qrSvg={qrSvg} required={actor.staffRoles.length > 0} state={state} action={action} />, status);
}

/** Account routes (all for the signed-in person, on their own account only). */
export function accountRoutes(r: Router): void {
  r.get('/compte', SIGNED_IN, async (c) => {
    const actor = actorOf(c);
    const deps = c.get('deps');
    const overview = await accountOverview(deps.database.db, actor.userId, deps.now());
    const view = {
      ...overview,
      can: { enrolTotp: canOnAccount(actor, 'enrolTotp'), regenerateRecoveryCodes: canOnAccount(actor, 'regenerateRecoveryCodes') },
    };
    return render(c, <AccountPage ctx={pageContext(c)} actor={actor} view={view} />);
  });

  r.get('/compte/mot-de-passe', SIGNED_IN, (c) => render(c, <ChangePasswordPage ctx={pageContext(c)} />));

  r.post('/compte/mot-de-passe', SIGNED_IN, async (c) => {
    const actor = actorOf(c);
    const form = validateWithNewPassword(changePasswordForm, await readForm(c), { email: actor.email, name: actor.fullName });
    if (!form.ok) return render(c, <ChangePasswordPage ctx={pageContext(c)} state={form} />, 422);
    const res = await runCommand(c, (tx, ctx) => changePassword(tx, ctx, actor, form.data));
    if (!res.ok) {
      if ('reason' in res) {
        const minutes = c.get('deps').config.LOGIN_WINDOW_MINUTES;
        c.header('Retry-After', String(minutes * 60));
        return render(c, <TooManyAttemptsPage ctx={pageContext(c)} minutes={minutes} />, 429);
      }
      return render(c, <ChangePasswordPage ctx={pageContext(c)} state={{ errors: res.errors, values: form.values }} />, 422);
    }
    return redirectWith(c, '/compte', 'Votre mot de passe a été changé. Vos autres connexions ont été fermées.');
  });

  r.get('/compte/double-authentification', SIGNED_IN, (c) => {
    const actor = actorOf(c);
    if (canOnAccount(actor, 'enrolTotp')) return enrolPage(c, actor);
    // Enabled but not checked in this session: the code step, then back here.
    if (!actor.secondFactor) return c.redirect(`/connexion/code?retour=${encodeURIComponent(safeReturnPath(c.req.query('retour'), '/compte'))}`, 303);
    return c.redirect('/compte', 303);
  });

  r.post('/compte/double-authentification', SIGNED_IN, async (c) => {
    const actor = actorOf(c);
    if (!canOnAccount(actor, 'enrolTotp')) return redirectWith(c, '/compte', 'La double authentification est déjà activée.');
    const form = await parseForm(c, codeForm);
    if (!form.ok) return enrolPage(c, actor, { errors: form.errors, values: {} }, 422);
    const res = await runCommand(c, (tx, ctx) => confirmTotpEnrolment(tx, ctx, { userId: actor.userId, sessionId: actor.sessionId, code: form.data.code }));
    if (!res.ok) return enrolPage(c, actor, { errors: res.errors, values: {} }, 422);
    // Shown in the answer to the POST, not after a redirect: the codes exist only in this response.
    const next = safeReturnPath(c.req.query('retour'), '/compte');
    return render(c, <RecoveryCodesPage ctx={pageContext(c)} codes={res.codes} next={next} />);
  });

  r.post('/compte/codes-de-secours', SIGNED_IN, async (c) => {
    const actor = actorOf(c);
    if (!canOnAccount(actor, 'regenerateRecoveryCodes')) return renderErrorPage(c, 403);
    const codes = await runCommand(c, (tx, ctx) => regenerateRecoveryCodes(tx, ctx, { id: actor.userId, email: actor.email }));
    return render(c, <RecoveryCodesPage ctx={pageContext(c)} codes={codes} next="/compte" />);
  });
}
