/** Routes of sign-up, email confirmation and resending the confirmation link. */
import type { Router } from '../../platform/http/router.js';
import { PUBLIC } from '../../platform/http/access.js';
import { readForm, parseForm } from '../../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../../platform/http/render.js';
import { LINK_MESSAGES } from '../accounts.js';
import { signUpForm, emailForm, validateWithNewPassword } from '../accounts.forms.js';
import { signUp, resendConfirmation, checkConfirmationLink, confirmEmail } from '../commands/sign-up.js';
import { runCommand } from '../http.js';
import { SignUpPage, CheckInboxPage, ConfirmEmailPage, LinkProblemPage, ResendConfirmationPage } from '../views/sign-up.js';

const AGAIN = { href: '/inscription/renvoyer', label: 'Recevoir un nouveau lien de confirmation' };

/** Sign-up routes. */
export function signUpRoutes(r: Router): void {
  r.get('/inscription', PUBLIC, (c) => (c.get('actor') ? c.redirect('/compte', 303) : render(c, <SignUpPage ctx={pageContext(c)} />)));

  r.post('/inscription', PUBLIC, async (c) => {
    const form = validateWithNewPassword(signUpForm, await readForm(c));
    if (!form.ok) return render(c, <SignUpPage ctx={pageContext(c)} state={form} />, 422);
    await runCommand(c, (tx, ctx) => signUp(tx, ctx, form.data));
    return redirectWith(c, '/inscription/envoyee');
  });

  r.get('/inscription/envoyee', PUBLIC, (c) => render(c, <CheckInboxPage ctx={pageContext(c)} />));

  r.get('/inscription/confirmer/:token', PUBLIC, async (c) => {
    const token = (c.req.param('token') ?? '');
    const state = await runCommand(c, (tx, ctx) => checkConfirmationLink(tx, ctx, token));
    if (state === 'valid') return render(c, <ConfirmEmailPage ctx={pageContext(c)} token={token} />);
    return render(c, <LinkProblemPage ctx={pageContext(c)} message={LINK_MESSAGES[state]} again={AGAIN} />, state === 'unknown' ? 404 : 410);
  });

  r.post('/inscription/confirmer/:token', PUBLIC, async (c) => {
    const res = await runCommand(c, (tx, ctx) => confirmEmail(tx, ctx, (c.req.param('token') ?? '')));
    if (!res.ok) return render(c, <LinkProblemPage ctx={pageContext(c)} message={LINK_MESSAGES[res.state]} again={AGAIN} />, res.state === 'unknown' ? 404 : 410);
    const actor = c.get('actor');
    if (actor?.userId === res.userId) return redirectWith(c, '/compte', 'Votre adresse électronique est confirmée.');
    return redirectWith(c, '/connexion', 'Votre adresse électronique est confirmée. Vous pouvez maintenant vous connecter.');
  });

  r.get('/inscription/renvoyer', PUBLIC, (c) => render(c, <ResendConfirmationPage ctx={pageContext(c)} />));

  r.post('/inscription/renvoyer', PUBLIC, async (c) => {
    const form = await parseForm(c, emailForm);
    if (!form.ok) return render(c, <ResendConfirmationPage ctx={pageContext(c)} state={form} />, 422);
    await runCommand(c, (tx, ctx) => resendConfirmation(tx, ctx, form.data.email));
    return redirectWith(c, '/inscription/envoyee');
  });
}
