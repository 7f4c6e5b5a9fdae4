/** Admin routes of accounts: list and search, staff roles, disabling and enabling. */
import type { Context } from 'hono';
import { z } from 'zod';
import type { Router } from '../platform/http/router.js';
import type { AppEnv } from '../platform/http/context.js';
import { isUuid } from '../platform/http/access.js';
import { parseForm } from '../platform/http/forms.js';
import { requiredText } from '../platform/http/fields.js';
import { render, pageContext, redirectWith } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import type { FormState } from '../platform/views/ui.js';
import { STAFF_ROLES } from '../platform/auth/roles.js';
import { objectHistory } from '../platform/audit/audit.store.js';
import { staffAccess } from './staff.policy.js';
import { searchUsers, getStaffUser, type StaffUserRow } from './staff.store.js';
import { changeStaffRoles } from './commands/change-staff-roles.js';
import { setAccountStatus } from './commands/set-account-status.js';
import { auditActorOf } from './audit-actor.js';
import { UsersPage } from './views/users.js';
import { UserPage } from './views/user-detail.js';
import { pageParam } from './views/common.js';

const PAGE_SIZE = 25;

/** Form of the roles: the checked roles and why. */
export const rolesForm = z.object({
  roles: z.preprocess((v) => (v === undefined ? [] : [v].flat()), z.array(z.enum(STAFF_ROLES, { error: 'Choisissez des rôles dans la liste proposée.' }))),
  motivation: requiredText('la motivation du changement de rôles', 1000),
});

/** Form of the account status: disable or enable, and why. */
export const statusForm = z.object({
  action: z.enum(['disable', 'enable'], { error: 'Action inconnue.' }),
  motivationStatut: requiredText('la motivation', 1000),
});

async function loadUser(c: Context<AppEnv>): Promise<StaffUserRow | null> {
  const id = c.req.param('userId');
  return isUuid(id) ? getStaffUser(c.get('deps').database.db, id.toLowerCase()) : null;
}

async function showUser(c: Context<AppEnv>, user: StaffUserRow, state?: FormState, status = 200): Promise<Response> {
  const history = (await objectHistory(c.get('deps').database.db, 'user', user.id)).reverse();
  return render(c, <UserPage ctx={pageContext(c)} user={user} history={history} state={state} />, status);
}

/** Registers /gestion/utilisateurs and its sub-pages. */
export function registerUserRoutes(r: Router): void {
  const access = staffAccess('users.manage');

  r.get('/gestion/utilisateurs', access, async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 200);
    const page = pageParam(c.req.query('page'));
    const { rows, total } = await searchUsers(c.get('deps').database.db, q, page, PAGE_SIZE);
    return render(c, <UsersPage ctx={pageContext(c)} q={q} page={page} size={PAGE_SIZE} rows={rows} total={total} />);
  });

  r.get('/gestion/utilisateurs/:userId', access, async (c) => {
    const user = await loadUser(c);
    return user ? showUser(c, user) : renderErrorPage(c, 404);
  });

  r.post('/gestion/utilisateurs/:userId/roles', access, async (c) => {
    const user = await loadUser(c);
    if (!user) return renderErrorPage(c, 404);
    const form = await parseForm(c, rolesForm);
    if (!form.ok) return showUser(c, user, form, 422);
    const deps = c.get('deps');
    const res = await deps.database.db.transaction((tx) => changeStaffRoles(tx, auditActorOf(c), { userId: user.id, ...form.data }, deps.now()));
    if (!res.ok) return showUser(c, user, { values: form.values, errors: res.errors ?? { _form: res.message ?? 'Changement refusé.' } }, 422);
    return redirectWith(c, `/gestion/utilisateurs/${user.id}`, 'Les rôles ont été mis à jour.');
  });

  r.post('/gestion/utilisateurs/:userId/statut', access, async (c) => {
    const user = await loadUser(c);
    if (!user) return renderErrorPage(c, 404);
    const form = await parseForm(c, statusForm);
    if (!form.ok) return showUser(c, user, form, 422);
    const deps = c.get('deps');
    const disable = form.data.action === 'disable';
    const res = await deps.database.db.transaction((tx) => setAccountStatus(tx, auditActorOf(c), { userId: user.id, disable, motivation: form.data.motivationStatut }, deps.now()));
    if (!res.ok) return showUser(c, user, { values: form.values, errors: { _form: res.message } }, 422);
    return redirectWith(c, `/gestion/utilisateurs/${user.id}`, disable ? 'Le compte a été désactivé et ses sessions fermées.' : 'Le compte a été réactivé.');
  });
}
