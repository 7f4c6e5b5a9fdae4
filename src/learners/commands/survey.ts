/**
 * The optional survey of learners at 3 and 6 months: a personal link (no account) sent by email
 * once the session ended that many months ago; the answer (situation, satisfaction, comment) is
 * shown to staff beside the organisation's declaration. Idempotent: one link per learner and wave.
 */
import { and, isNotNull, isNull, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { recordAudit, SYSTEM } from '../../platform/audit/audit.store.js';
import { newToken, sha256 } from '../../platform/auth/tokens.js';
import { composeMail } from '../../platform/mail/mail.js';
import { enqueueMail } from '../../platform/mail/mail.store.js';
import { trainingSessions } from '../../sessions/index.js';
import { labels } from '../../labels/labels.schema.js';
import { learners } from '../learners.schema.js';
import { addMonths, type ExitSituation } from '../learners.js';
import { answerSurvey, insertSurvey } from '../learners.store.js';

/** Sends the due survey links (ended sessions with a report, learners with an email); the mail ids. */
export async function sendDueSurveys(db: Db, baseUrl: string, smtp: boolean, today: string, now: Date): Promise<string[]> {
  const rows = await db.select({ learnerId: learners.id, email: learners.email, firstName: learners.firstName, end: trainingSessions.actualEnd, title: labels.trainingTitle })
    .from(learners).innerJoin(trainingSessions, eq(trainingSessions.id, learners.sessionId)).innerJoin(labels, eq(labels.id, trainingSessions.labelId))
    .where(and(isNotNull(trainingSessions.endReportedAt), isNotNull(trainingSessions.actualEnd), isNull(learners.erasedAt), isNotNull(learners.email)));
  const ids: string[] = [];
  for (const r of rows) {
    for (const [wave, months] of [['3m', 3], ['6m', 6]] as const) {
      if (addMonths(r.end!, months) > today) continue;
      // Not more than a month late: an old session does not get a survey years after.
      if (addMonths(r.end!, months + 1) < today) continue;
      const token = newToken();
      const id = await db.transaction(async (tx) => {
        if (!(await insertSurvey(tx, r.learnerId, wave, sha256(token), now))) return null;
        const mailId = await enqueueMail(tx, composeMail({
          template: 'learners.survey', to: r.email!, subject: `Que devenez-vous ${months} mois après votre formation ?`,
          greeting: `Bonjour ${r.firstName ?? ''},`.replace(' ,', ','),
          paragraphs: [
            `Vous avez suivi la formation « ${r.title} », labellisée Grande École du Numérique. ${months} mois après, la GEN aimerait connaître votre situation : trois questions, une minute, sans créer de compte.`,
            'Votre réponse est facultative ; elle aide à améliorer les formations.',
          ],
          action: { label: 'Répondre à l’enquête', url: `${baseUrl}/enquete/${token}` },
        }), smtp);
        await recordAudit(tx, SYSTEM, { action: 'learners.survey_sent', objectType: 'learner', objectId: r.learnerId, meta: { wave } }, now);
        return mailId;
      });
      if (id) ids.push(id);
    }
  }
  return ids;
}

/** Records a survey answer (once). */
export async function recordSurveyAnswer(tx: DbOrTx, surveyId: string, v: { situation: ExitSituation; satisfaction: number; comment: string | null }, now: Date): Promise<boolean> {
  const ok = await answerSurvey(tx, surveyId, v, now);
  if (ok) await recordAudit(tx, SYSTEM, { action: 'learners.survey_answered', objectType: 'learner_survey', objectId: surveyId }, now);
  return ok;
}
