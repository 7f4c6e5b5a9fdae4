/** Routes of the forgotten password and of the reset link. */
import type { Router } from '../../platform/http/router.js';
import { PUBLIC } from '../../platform/http/access.js';
import { readForm, parseForm } from '../../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../../platform/http/render.js';
import { clearSessionCookie } from '../../platform/auth/cookies.js';
import { LINK_MESSAGES } from '../accounts.js';
import { emailForm, newPasswordForm, validateWithNewPassword } from '../accounts.forms.js';
import { requestPasswordReset, checkResetLink, resetPassword } from '../commands/password.js';
import { runCommand } from '../http.js';
import { LinkProblemPage } from '../views/sign-up.js';
import { ForgotPasswordPage, ResetSentPage, ResetPasswordPage } from '../views/password.js';

const AGAIN = { href: '/mot-de-passe-oublie', label: 'Demander un nouveau lien' };

/** Forgotten-password routes. */
export function passwordRoutes(r: Router): void {
  r.get('/mot-de-passe-oublie', PUBLIC, (c) => render(c, <ForgotPasswordPage ctx={pageContext(c)} />));

  r.post('/mot-de-passe-oublie', PUBLIC, async (c) => {
    const form = await parseForm(c, emailForm);
    if (!form.ok) return render(c, <ForgotPasswordPage ctx={pageContext(c)} state={form} />, 422);
    await runCommand(c, (tx, ctx) => requestPasswordReset(tx, ctx, form.data.email));
    return redirectWith(c, '/mot-de-passe-oublie/envoye');
  });

  r.get('/mot-de-passe-oublie/envoye', PUBLIC, (c) => render(c, <ResetSentPage ctx={pageContext(c)} />));

  r.get('/mot-de-passe/reinitialiser/:token', PUBLIC, async (c) => {
    const token = (c.req.param('token') ?? '');
    const link = await runCommand(c, (tx, ctx) => checkResetLink(tx, ctx, token));
    if (link.state !== 'valid' || !link.email) {
      const state = link.state === 'valid' ? 'unknown' : link.state;
      return render(c, <LinkProblemPage ctx={pageContext(c)} message={LINK_MESSAGES[state]} again={AGAIN} />, state === 'unknown' ? 404 : 410);
    }
    return render(c, <ResetPasswordPage ctx={pageContext(c)} token={token} email={link.email} />);
  });

  r.post('/mot-de-passe/reinitialiser/:token', PUBLIC, async (c) => {
    const token = (c.req.param('token') ?? '');
    const link = await runCommand(c, (tx, ctx) => checkResetLink(tx, ctx, token));
    if (link.state !== 'valid' || !link.email) {
      const state = link.state === 'valid' ? 'unknown' : link.state;
      return render(c, <LinkProblemPage ctx={pageContext(c)} message={LINK_MESSAGES[state]} again={AGAIN} />, state === 'unknown' ? 404 : 410);
    }
    const form = validateWithNewPassword(newPasswordForm, await readForm(c), { email: link.email });
    if (!form.ok) return render(c, <ResetPasswordPage ctx={pageContext(c)} token={token} email={link.email} state={form} />, 422);
    const res = await runCommand(c, (tx, ctx) => resetPassword(tx, ctx, { token, password: form.data.password }));
    if (!res.ok) return render(c, <LinkProblemPage ctx={pageContext(c)} message={LINK_MESSAGES[res.state]} again={AGAIN} />, res.state === 'unknown' ? 404 : 410);
    clearSessionCookie(c, c.get('deps').config.secureCookies);
    return redirectWith(c, '/connexion', 'Votre mot de passe a été changé et vos connexions en cours ont été fermées. Connectez-vous avec votre nouveau mot de passe.');
  });
}
