/** Admin routes of the outbox: the list of mails and one mail. */
import type { Router } from '../platform/http/router.js';
import { isUuid } from '../platform/http/access.js';
import { render, pageContext } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { listOutbox, getMail } from '../platform/mail/mail.store.js';
import { staffAccess } from './staff.policy.js';
import { OutboxPage, MailPage } from './views/outbox.js';
import { pageParam } from './views/common.js';

const PAGE_SIZE = 25;

/** Registers /gestion/courriels and /gestion/courriels/:mailId. */
export function registerOutboxRoutes(r: Router): void {
  const access = staffAccess('outbox.read');

  r.get('/gestion/courriels', access, async (c) => {
    const to = (c.req.query('destinataire') ?? '').trim().slice(0, 254);
    const page = pageParam(c.req.query('page'));
    const { rows, total } = await listOutbox(c.get('deps').database.db, { to: to || undefined, page, size: PAGE_SIZE });
    return render(c, <OutboxPage ctx={pageContext(c)} to={to} page={page} size={PAGE_SIZE} rows={rows} total={total} />);
  });

  r.get('/gestion/courriels/:mailId', access, async (c) => {
    const id = c.req.param('mailId');
    const mail = isUuid(id) ? await getMail(c.get('deps').database.db, id.toLowerCase()) : null;
    return mail ? render(c, <MailPage ctx={pageContext(c)} mail={mail} />) : renderErrorPage(c, 404);
  });
}
