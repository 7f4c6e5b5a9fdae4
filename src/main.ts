/** Starts the platform: configuration, database and migrations, jobs, demo data, HTTP server. */
import { serve } from '@hono/node-server';
import { loadConfig, ConfigError } from './platform/config.js';
import { configuredDb } from './platform/db/index.js';
import { pgBossJobs, inlineJobs } from './platform/jobs/jobs.js';
import { createApp } from './platform/http/app.js';
import type { AppDeps } from './platform/http/context.js';
import { log, setLogLevel } from './platform/log.js';
import { modules, registerJobs } from './modules.js';
import { seedCall2021 } from './calls/seed.js';
import { seedDemo } from './demo/seed.js';
import { ensureGeographies } from './territory/web/reference-data.js';
import { DEMO_PASSWORD } from './demo/accounts.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  setLogLevel(config.LOG_LEVEL);
  const started = Date.now();
  const database = await configuredDb(config).open();
  const jobs = config.JOBS ? pgBossJobs(database.raw) : inlineJobs();
  const deps: AppDeps = { config, database, jobs, now: () => new Date(), services: {} };
  await database.db.transaction((tx) => seedCall2021(tx));
  await ensureGeographies(database.db);
  await registerJobs(deps);
  const accounts = config.DEMO_DATA ? await seedDemo(deps) : [];
  await jobs.start();
  const { app } = createApp(deps, modules);
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST });
  const { where } = configuredDb(config);
  const lines = [
    '',
    `Label GEN démarré en ${((Date.now() - started) / 1000).toFixed(1)} s : ${config.baseUrl}`,
    `Base de données : ${where}`,
    config.SMTP_URL ? 'Courriels : envoyés par SMTP' : 'Courriels : conservés dans la boîte d’envoi (Espace GEN > Courriels envoyés)',
  ];
  if (accounts.length) {
    lines.push('', `Comptes de démonstration (mot de passe commun : ${DEMO_PASSWORD}) :`);
    for (const a of accounts) {
      lines.push(`  - ${a.email.padEnd(32)} ${a.role}${a.totpSecret ? `\n      second facteur TOTP, secret ${a.totpSecret} (code du moment : npm run totp -- ${a.totpSecret})` : ''}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  const stop = async (signal: string) => {
    log.info('arrêt demandé', { signal });
    server.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  log.error('démarrage impossible', { error: e instanceof Error ? e.stack : String(e) });
  process.exit(1);
});
