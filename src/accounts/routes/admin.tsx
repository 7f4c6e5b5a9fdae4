/** Administrators reset the second factor of an account whose device was lost. */
import type { Context } from 'hono';
import type { Router } from '../../platform/http/router.js';
import type { AppEnv } from '../../platform/http/context.js';
import { isUuid } from '../../platform/http/access.js';
import { parseForm } from '../../platform/http/forms.js';
import { render, pageContext, redirectWith } from '../../platform/http/render.js';
import { clientIp } from '../../platform/http/security.js';
import { renderErrorPage } from '../../platform/views/error-page.js';
import type { FormState } from '../../platform/views/ui.js';
import type { AuditActor } from '../../platform/audit/audit.store.js';
import { RESET_SECOND_FACTOR } from '../accounts.policy.js';
import { resetSecondFactorForm } from '../accounts.forms.js';
import { countUnusedRecoveryCodes, findUserById, type UserRow } from '../accounts.store.js';
import { resetSecondFactor } from '../commands/reset-second-factor.js';
import { runCommand } from '../http.js';
import { ResetSecondFactorPage } from '../views/reset-second-factor.js';

async function loadUser(c: Context<AppEnv>): Promise<UserRow | null> {
  const id = c.req.param('userId');
  return isUuid(id) ? findUserById(c.get('deps').database.db, id.toLowerCase()) : null;
}

function adminActor(c: Context<AppEnv>): AuditActor & { id: string } {
  const actor = c.get('actor')!;
  return { id: actor.userId, label: `${actor.fullName} <${actor.email}>`, ip: clientIp(c, c.get('deps').config.TRUST_PROXY) };
}

async function page(c: Context<AppEnv>, user: UserRow, state?: FormState, status = 200): Promise<Response> {
  const view = {
    id: user.id, fullName: user.fullName, email: user.email, totpEnabledAt: user.totpEnabledAt, enrolmentPending: !!user.totpPending,
    recoveryCodesLeft: await countUnusedRecoveryCodes(c.get('deps').database.db, user.id), isSelf: user.id === c.get('actor')?.userId,
  };
  return render(c, <ResetSecondFactorPage ctx={pageContext(c)} user={view} state={state} />, status);
}

/** GET shows what a reset does and asks why; POST resets. */
export function adminRoutes(r: Router): void {
  r.get('/gestion/utilisateurs/:userId/double-authentification', RESET_SECOND_FACTOR, async (c) => {
    const user = await loadUser(c);
    return user ? page(c, user) : renderErrorPage(c, 404);
  });

  r.post('/gestion/utilisateurs/:userId/double-authentification', RESET_SECOND_FACTOR, async (c) => {
    const user = await loadUser(c);
    if (!user) return renderErrorPage(c, 404);
    const form = await parseForm(c, resetSecondFactorForm);
    if (!form.ok) return page(c, user, form, 422);
    const res = await runCommand(c, (tx, ctx) => resetSecondFactor(tx, ctx, adminActor(c), { userId: user.id, motivation: form.data.motivation }));
    if (!res.ok) return page(c, user, { values: form.values, errors: { _form: res.message } }, 422);
    return redirectWith(c, `/gestion/utilisateurs/${user.id}`,
      `La double authentification de ${user.fullName} a été réinitialisée et ses sessions fermées. Elle devra l’activer de nouveau à sa prochaine connexion.`);
  });
}
