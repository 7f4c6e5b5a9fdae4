/** Routes of the learners domain (organisation, staff, the learner's survey link) and its daily job. */
import { z } from 'zod';
import type { Module } from '../platform/http/app.js';
import type { AppDeps } from '../platform/http/context.js';
import { PUBLIC } from '../platform/http/access.js';
import { parseForm } from '../platform/http/forms.js';
import { render, pageContext } from '../platform/http/render.js';
import { renderErrorPage } from '../platform/views/error-page.js';
import { dispatchMails } from '../platform/mail/mailer.js';
import { sha256 } from '../platform/auth/tokens.js';
import { todayInParis } from '../territory/index.js';
import { EXIT_SITUATIONS } from './learners.js';
import { surveyByTokenHash } from './learners.store.js';
import { purgeExpiredLearners } from './commands/privacy.js';
import { recordSurveyAnswer, sendDueSurveys } from './commands/survey.js';
import { registerOrganisationLearnerRoutes } from './org.routes.js';
import { registerStaffLearnerRoutes } from './staff.routes.js';
import { SurveyPage } from './views/survey.js';

const surveyForm = z.object({
  situation: z.enum(EXIT_SITUATIONS, { message: 'Indiquez votre situation.' }),
  satisfaction: z.enum(['1', '2', '3', '4', '5'], { message: 'Indiquez votre satisfaction de 1 à 5.' }),
  commentaire: z.string().trim().max(2000, 'Le commentaire ne doit pas dépasser 2 000 caractères.').optional().default(''),
});

/** Routes of the learners domain. */
export const learnersModule: Module = (r) => {
  registerOrganisationLearnerRoutes(r);
  registerStaffLearnerRoutes(r);

  r.get('/enquete/:token', PUBLIC, async (c) => {
    const found = await surveyByTokenHash(c.get('deps').database.db, sha256(c.req.param('token') ?? ''));
    if (!found || found.erasedAt) return renderErrorPage(c, 404);
    return render(c, <SurveyPage ctx={pageContext(c)} token={c.req.param('token')!} trainingTitle={found.trainingTitle} wave={found.survey.wave} answered={!!found.survey.answeredAt} />);
  });

  r.post('/enquete/:token', PUBLIC, async (c) => {
    const deps = c.get('deps');
    const token = c.req.param('token') ?? '';
    const found = await surveyByTokenHash(deps.database.db, sha256(token));
    if (!found || found.erasedAt) return renderErrorPage(c, 404);
    const page = (o: { answered: boolean; state?: Parameters<typeof SurveyPage>[0]['state'] }, status = 200) =>
      render(c, <SurveyPage ctx={pageContext(c)} token={token} trainingTitle={found.trainingTitle} wave={found.survey.wave} {...o} />, status);
    if (found.survey.answeredAt) return page({ answered: true });
    const form = await parseForm(c, surveyForm);
    if (!form.ok) return page({ answered: false, state: form }, 422);
    await deps.database.db.transaction((tx) => recordSurveyAnswer(tx, found.survey.id, { situation: form.data.situation, satisfaction: Number(form.data.satisfaction), comment: form.data.commentaire || null }, deps.now()));
    return page({ answered: true });
  });
};

/** The daily job: survey links due, then the purge of personal data past retention. */
export function registerLearnerJobs(deps: AppDeps): void {
  deps.jobs.define('learners.daily', async () => {
    const now = deps.now();
    const today = todayInParis(now);
    const ids = await sendDueSurveys(deps.database.db, deps.config.baseUrl, !!deps.config.SMTP_URL, today, now);
    await dispatchMails(deps, ids);
    await purgeExpiredLearners(deps.database.db, deps.config.LEARNER_RETENTION_MONTHS, today, now);
  });
  deps.jobs.schedule('learners.daily', '23 4 * * *');
}
