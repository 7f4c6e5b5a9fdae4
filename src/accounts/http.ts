/** What the account routes share: the command context of a request, one transaction, mails after commit. */
import type { Context } from 'hono';
import type { AppEnv } from '../platform/http/context.js';
import type { Tx } from '../platform/db/index.js';
import { clientIp } from '../platform/http/security.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import type { CommandContext } from './accounts.js';

/** The command context of this request (configuration, clock, client address). */
export function commandContext(c: Context<AppEnv>): CommandContext {
  const { config, now } = c.get('deps');
  return { config, now: now(), ip: clientIp(c, config.TRUST_PROXY), userAgent: c.req.header('user-agent') };
}

/** Runs one command in a transaction; mails it queued are handed to delivery once committed. */
export async function runCommand<R>(c: Context<AppEnv>, fn: (tx: Tx, ctx: CommandContext) => Promise<R>): Promise<R> {
  const deps = c.get('deps');
  const ctx = commandContext(c);
  const result = await deps.database.db.transaction((tx) => fn(tx, ctx));
  const ids = result && typeof result === 'object' ? (result as { mailIds?: unknown }).mailIds : undefined;
  if (Array.isArray(ids) && ids.length > 0) await dispatchMails(deps, ids as string[]);
  return result;
}
