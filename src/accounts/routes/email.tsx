/** Routes of the change of email address: the request (signed in) and the link mailed to the new address (public). */
import type { Context } from 'hono';
import type { Router } from '../../platform/http/router.js';
import type { Actor, AppEnv } from '../../platform/http/context.js';
import { PUBLIC, SIGNED_IN } from '../../platform/http/access.js';
import { parseForm } from '../../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../../platform/http/render.js';
import { LINK_MESSAGES } from '../accounts.js';
import { changeEmailForm } from '../accounts.forms.js';
import { pendingEmailChange } from '../accounts.store.js';
import { checkEmailChangeLink, confirmEmailChange, requestEmailChange } from '../commands/email-change.js';
import { runCommand } from '../http.js';
import { ChangeEmailPage, ConfirmEmailChangePage } from '../views/email.js';
import { LinkProblemPage } from '../views/sign-up.js';
import { TooManyAttemptsPage } from '../views/login.js';

const AGAIN = { href: '/compte/adresse-electronique', label: 'Refaire une demande de changement' };
const TAKEN = 'Cette adresse est désormais utilisée par un autre compte : votre adresse n’a pas été changée.';

function actorOf(c: Context<AppEnv>): Actor {
  return c.get('actor')!;
}

async function pendingOf(c: Context<AppEnv>, actor: Actor) {
  const deps = c.get('deps');
  return pendingEmailChange(deps.database.db, actor.userId, deps.now());
}

/** Change-of-address routes. */
export function emailRoutes(r: Router): void {
  r.get('/compte/adresse-electronique', SIGNED_IN, async (c) => {
    return render(c, <ChangeEmailPage ctx={pageContext(c)} pending={await pendingOf(c, actorOf(c))} />);
  });

  r.post('/compte/adresse-electronique', SIGNED_IN, async (c) => {
    const actor = actorOf(c);
    const form = await parseForm(c, changeEmailForm);
    if (!form.ok) return render(c, <ChangeEmailPage ctx={pageContext(c)} state={form} pending={await pendingOf(c, actor)} />, 422);
    const res = await runCommand(c, (tx, ctx) => requestEmailChange(tx, ctx, actor, form.data));
    if (!res.ok) {
      if ('reason' in res) {
        const minutes = c.get('deps').config.LOGIN_WINDOW_MINUTES;
        c.header('Retry-After', String(minutes * 60));
        return render(c, <TooManyAttemptsPage ctx={pageContext(c)} minutes={minutes} />, 429);
      }
      return render(c, <ChangeEmailPage ctx={pageContext(c)} state={{ errors: res.errors, values: form.values }} pending={await pendingOf(c, actor)} />, 422);
    }
    // Post/redirect/get: a reload does not send a second link.
    return redirectWith(c, '/compte', `Un lien de confirmation vient d’être envoyé à ${form.data.newEmail}. Il est valable 24 heures ; d’ici là, votre compte garde son adresse actuelle.`);
  });

  r.get('/compte/adresse-electronique/confirmer/:token', PUBLIC, async (c) => {
    const token = c.req.param('token') ?? '';
    const res = await runCommand(c, (tx, ctx) => checkEmailChangeLink(tx, ctx, token));
    if (res.state === 'valid' && res.newEmail) return render(c, <ConfirmEmailChangePage ctx={pageContext(c)} token={token} newEmail={res.newEmail} />);
    return render(c, <LinkProblemPage ctx={pageContext(c)} message={LINK_MESSAGES[res.state === 'valid' ? 'unknown' : res.state]} again={AGAIN} />, res.state === 'expired' || res.state === 'used' ? 410 : 404);
  });

  r.post('/compte/adresse-electronique/confirmer/:token', PUBLIC, async (c) => {
    const res = await runCommand(c, (tx, ctx) => confirmEmailChange(tx, ctx, c.req.param('token') ?? ''));
    if (!res.ok) {
      const message = res.state === 'taken' ? TAKEN : LINK_MESSAGES[res.state];
      return render(c, <LinkProblemPage ctx={pageContext(c)} message={message} again={AGAIN} />, res.state === 'unknown' ? 404 : 410);
    }
    const actor = c.get('actor');
    if (actor?.userId === res.userId) return redirectWith(c, '/compte', 'Votre nouvelle adresse électronique est confirmée : c’est désormais celle de votre compte.');
    return redirectWith(c, '/connexion', 'Votre nouvelle adresse électronique est confirmée. Connectez-vous avec elle.');
  });
}
