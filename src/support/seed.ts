/** Demo data of the support desk: help articles for every topic, saved replies, tickets in different states. */
import { eq } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.js';
import { users } from '../platform/auth/auth.schema.js';
import { SYSTEM } from '../platform/audit/audit.store.js';
import type { SupportSettings } from './support.js';
import { insertArticle } from './faq.store.js';
import { submitTicket, type TicketInput } from './commands/submit-ticket.js';
import { staffReply, addNote } from './commands/reply.js';
import { changeStatus } from './commands/change-status.js';
import { findTicket, upsertMacro } from './tickets.store.js';
import { DEMO_ARTICLES, DEMO_MACROS } from './seed.data.js';
import { recordSatisfaction } from './commands/satisfaction.js';
import type { Topic, RequesterKind } from './support.js';

const DAY = 86_400_000;

/** Seeds articles, macros and five tickets (new, open, waiting, resolved, closed with an opinion). */
export async function seedDemoSupport(tx: Tx, s: SupportSettings, now: Date): Promise<void> {
  for (const a of DEMO_ARTICLES) await insertArticle(tx, { ...a, createdAt: now, updatedAt: now });
  const [admin] = await tx.select().from(users).where(eq(users.email, 'admin@demo.label-gen.fr'));
  const [monitor] = await tx.select().from(users).where(eq(users.email, 'suivi@demo.label-gen.fr'));
  for (const m of DEMO_MACROS) await upsertMacro(tx, null, { ...m, updatedBy: admin?.id ?? null, updatedAt: now });
  const base = { name: '', trainingRef: '', trainingText: '', shareIdentity: false };
  const tickets: { input: TicketInput; ageDays: number; then: ('reply' | 'note' | 'resolve' | 'close')[]; by?: typeof admin }[] = [
    { input: { ...base, requesterKind: 'applicant_organisation', topic: 'applying', subject: 'Pièce Qualiopi en cours de renouvellement', email: 'direction@of-exemple.fr', name: 'Jeanne Formatrice', message: 'Notre certificat Qualiopi expire le mois prochain et l’audit de renouvellement est programmé. Pouvons-nous déposer la candidature avec le contrat du certificateur ?' }, ageDays: 0, then: [] },
    { input: { ...base, requesterKind: 'learner', topic: 'complaint', subject: 'Formation interrompue sans explication', email: 'apprenant.demo@exemple.fr', name: 'Karim Apprenant', trainingText: 'Développeur web — Code Académie (Lille)', message: 'La session a été arrêtée au bout de trois semaines et nous n’avons plus de nouvelles de l’organisme.', shareIdentity: false }, ageDays: 4, then: ['note'], by: monitor },
    { input: { ...base, requesterKind: 'employer', topic: 'labelled_training', subject: 'Recruter des apprenants en alternance', email: 'rh@entreprise-exemple.fr', message: 'Comment entrer en contact avec les formations labellisées de ma région pour proposer des contrats en alternance ?' }, ageDays: 3, then: ['reply'], by: admin },
    { input: { ...base, requesterKind: 'other', topic: 'technical', subject: 'Lien de confirmation expiré', email: 'personne@exemple.fr', message: 'Le lien de confirmation de mon compte ne fonctionne plus.' }, ageDays: 6, then: ['reply', 'resolve'], by: admin },
    { input: { ...base, requesterKind: 'learner', topic: 'data_protection', subject: 'Suppression de mes données', email: 'ancienne.apprenante@exemple.fr', message: 'Je souhaite connaître les données me concernant et leur durée de conservation.' }, ageDays: 12, then: ['reply', 'close'], by: admin },
  ];
  for (const t of tickets) {
    const at = new Date(now.getTime() - t.ageDays * DAY);
    const res = await submitTicket(tx, SYSTEM, t.input, [], null, s, at);
    if (!res.ok || !t.by) continue;
    const staff = { id: t.by.id, name: t.by.fullName, label: `${t.by.fullName} <${t.by.email}>` };
    const later = new Date(at.getTime() + DAY);
    for (const step of t.then) {
      const ticket = (await findTicket(tx, res.ticketId))!;
      if (step === 'note') await addNote(tx, staff, ticket.id, 'Vérifier avec l’organisme si la session a bien été déclarée ; une inspection peut être envisagée.', later);
      if (step === 'reply') await staffReply(tx, staff, ticket.id, ticket.version, { body: 'Bonjour,\n\nMerci pour votre message. Vous trouverez la réponse dans le centre d’aide, rubrique correspondante. N’hésitez pas à nous répondre si besoin.', after: 'await_requester' }, s, later);
      if (step === 'resolve') await changeStatus(tx, staff, ticket.id, ticket.version, 'resolve', s, later);
      if (step === 'close') await changeStatus(tx, staff, ticket.id, ticket.version, 'close', s, later);
    }
  }
  if (admin) await seedDemoHistory(tx, { id: admin.id, name: admin.fullName, label: `${admin.fullName} <${admin.email}>` }, s, now);
}

const HISTORY: { topic: Topic; kind: RequesterKind; subject: string }[] = [
  { topic: 'applying', kind: 'applicant_organisation', subject: 'Date limite de dépôt' },
  { topic: 'technical', kind: 'other', subject: 'Mot de passe oublié' },
  { topic: 'labelled_training', kind: 'learner', subject: 'Inscription à une session' },
  { topic: 'applying', kind: 'applicant_organisation', subject: 'Pièces à joindre au dossier' },
  { topic: 'other', kind: 'adviser', subject: 'Documentation pour les conseillers' },
  { topic: 'complaint', kind: 'learner', subject: 'Horaires non respectés' },
  { topic: 'data_protection', kind: 'learner', subject: 'Accès à mes données' },
  { topic: 'labelled_training', kind: 'employer', subject: 'Proposer un stage' },
];

/**
 * Closed tickets over the past ten weeks, answered and closed after different delays, some with
 * an opinion: the figures page has something to show.
 */
async function seedDemoHistory(tx: Tx, staff: { id: string; name: string; label: string }, s: SupportSettings, now: Date): Promise<void> {
  const HOUR = 3_600_000;
  for (let i = 0; i < 18; i++) {
    const h = HISTORY[i % HISTORY.length]!;
    const at = new Date(now.getTime() - (7 + i * 4) * DAY - (i % 5) * 3 * HOUR);
    const res = await submitTicket(tx, SYSTEM, {
      requesterKind: h.kind, topic: h.topic, subject: h.subject, email: `historique${i + 1}@exemple.fr`, name: '', message: 'Demande de démonstration déjà traitée.',
      trainingRef: '', trainingText: h.topic === 'complaint' || h.topic === 'labelled_training' ? 'Formation de démonstration' : '', shareIdentity: false,
    }, [], null, s, at);
    if (!res.ok) continue;
    const answered = new Date(at.getTime() + (2 + (i % 6) * 7) * HOUR);
    let t = (await findTicket(tx, res.ticketId))!;
    await staffReply(tx, staff, t.id, t.version, { body: 'Bonjour,\n\nVoici la réponse à votre question.\n\nBien cordialement,', after: 'resolve' }, s, answered);
    t = (await findTicket(tx, res.ticketId))!;
    await changeStatus(tx, staff, t.id, t.version, 'close', s, new Date(answered.getTime() + 3 * DAY));
    if (i % 3 !== 2) await recordSatisfaction(tx, SYSTEM, t.id, { score: 3 + (i % 3), comment: '' }, new Date(answered.getTime() + 4 * DAY));
  }
}

/** A complaint about a label (demo of complaint → inspection); returns the ticket. */
export async function seedDemoComplaint(tx: Tx, labelRef: string, s: SupportSettings, now: Date): Promise<{ ticketId: string; number: string } | null> {
  const res = await submitTicket(tx, SYSTEM, {
    requesterKind: 'learner', topic: 'complaint', subject: 'Stage en entreprise jamais organisé', email: 'plaignante.demo@exemple.fr', name: 'Inès Apprenante',
    message: 'La période en entreprise prévue au programme n’a jamais été organisée et les cours de la dernière semaine ont été annulés.',
    trainingRef: labelRef, trainingText: '', shareIdentity: false,
  }, [], null, s, new Date(now.getTime() - 5 * DAY));
  return res.ok ? { ticketId: res.ticketId, number: res.number } : null;
}
