/**
 * The 4th call for labelling (2021), transcribed from its cahier des charges. It is data:
 * a later call copies and edits it; no rule of the platform reads these constants directly.
 */
import type { CallRules } from './call.js';

/** A criterion as seeded. */
export interface CriterionSeed { code: string; title: string; description: string; weight?: number }

/** Figures of the 2021 call (cahier des charges, sections 2 to 4). */
export const RULES_2021: CallRules = {
  durations: {
    minHours: 400, maxMonths: 18, maxMonthsDistance: 6, distanceShareThreshold: 0.5,
    labelYears: 3, reportingDelayMonths: 1, maxPostponementMonths: 2, firstSessionWithinMonths: 3,
    annualReportDue: '01-31',
  },
  targets: {
    womenShare: 0.3, priorityAreaShare: 0.3, positiveOutcomeShare: 0.7,
    minLearnersPerSession: 10, minSupportShareOfHours: 0.1, minSessionsPerYear: 1,
  },
  /** Sustainable employment, work-study, business creation or further (certifying) training. */
  positiveSituations: ['cdi', 'cdd_6m_plus', 'work_study', 'business_creation', 'further_training'],
  /** Seed grant: half at the start attestation of each session covered, half at its end-of-session report. */
  seedGrantTranches: [
    { label: 'Démarrage de la session', sharePercent: 50, condition: 'start_attestation' },
    { label: 'Bilan de fin de session', sharePercent: 50, condition: 'end_report' },
  ],
};

/** The 10 admissibility criteria (all must hold). */
export const ADMISSIBILITY_2021: CriterionSeed[] = [
  { code: 'R1', title: 'La formation forme aux métiers du numérique.', description: 'Le métier visé relève de l’une des neuf familles des métiers du numérique publiées par la GEN.' },
  { code: 'R2', title: 'La formation est certifiante.', description: 'Certification enregistrée au RNCP ou au RS ; si le porteur n’en est pas propriétaire, accord de partenariat en cours de validité avec le certificateur.' },
  { code: 'R3', title: 'Durée d’au moins 400 heures et d’au plus 18 mois hors immersion professionnelle.', description: 'Formation à distance (plus de 50 % des modules) : 6 mois au plus, avec des lieux d’accueil collectifs pour les apprenants en risque de décrochage. Volume horaire justifié (rythme hebdomadaire, description des modules, compétences, évaluation).' },
  { code: 'R4', title: 'La formation est accessible sans prérequis académique.', description: 'La motivation est le critère principal de sélection des apprenants ; pédagogies adaptées au public.' },
  { code: 'R5', title: 'La formation comporte au moins une période d’immersion professionnelle.', description: 'Stage(s), projets professionnalisants pour des clients externes, ou alternance (contrat de professionnalisation ou d’apprentissage).' },
  { code: 'R6', title: 'Au moins une session par an et au moins 10 apprenants des publics GEN par session.', description: 'Pour les formations de moins d’un an. Formations plus longues ou à grands effectifs : nombre d’apprenants sur 3 ans fixé par la convention. Première session dans les 3 mois suivant la signature de la convention.' },
  { code: 'R7', title: 'La formation est gratuite pour les publics cibles de la GEN.', description: 'Frais d’accès, frais pédagogiques et passage de la certification financés.' },
  { code: 'R8', title: 'La formation n’est pas déjà labellisée par la GEN.', description: 'Renouvellement possible au terme d’une convention ; la GEN peut écarter un porteur n’ayant pas respecté ses obligations.' },
  { code: 'R9', title: 'L’organisme est certifié Qualiopi ou a engagé la certification.', description: 'Attestation en cours de validité, ou contrat avec un certificateur mentionnant une date d’audit ; retrait du label si l’audit initial échoue.' },
  { code: 'R10', title: 'NDA valide et obligations réglementaires, fiscales et sociales à jour.', description: 'En cas de sous-traitance : contrôle pédagogique et contrôle régulier des locaux et matériels du sous-traitant.' },
];

/**
 * The 6 selection criteria. The cahier gives a score out of 10 without weights: these weights
 * are the platform's proposal (docs/decisions/0003-selection-weights.md), editable per call.
 */
export const SELECTION_2021: CriterionSeed[] = [
  { code: 'S1', weight: 2.5, title: 'Adéquation avec les besoins en compétences du bassin d’emploi et du territoire.', description: 'Métier en tension (observatoire régional de la GEN) ; partenaires locaux pour le recrutement et l’insertion, promesses d’embauche. Tous les partenaires cités sont contactés.' },
  { code: 'S2', weight: 1.5, title: 'Compétences de l’équipe pédagogique.', description: 'Composition de l’équipe, parcours des formateurs, critères de recrutement des sous-traitants ; taux d’encadrement adapté aux publics.' },
  { code: 'S3', weight: 1.5, title: 'Actions de sourcing à destination des femmes.', description: 'Actions spécifiques pour que des femmes intègrent la formation.' },
  { code: 'S4', weight: 1.5, title: 'Actions de sourcing en direction des résidents des QPV et des ZRR/FRR.', description: 'Adresse des apprenants vérifiée avec le moteur territorial de la plateforme.' },
  { code: 'S5', weight: 1.5, title: 'Accompagnement socio-professionnel et soutien pédagogique.', description: 'Au moins 10 % du nombre total d’heures ; qualité et durée de l’immersion professionnelle.' },
  { code: 'S6', weight: 1.5, title: 'Moyens pour pérenniser la formation après le label.', description: 'Partenariats, demandes de subvention, marchés publics, veille, indicateurs de résultats, amélioration continue et satisfaction des apprenants.' },
];

/** The nine families of digital jobs (France Stratégie & Céreq, 2017). */
export const JOB_FAMILIES_2021: { code: string; title: string }[] = [
  { code: 'F1', title: 'Programmation et développement' },
  { code: 'F2', title: 'Intelligence artificielle et données' },
  { code: 'F3', title: 'Infrastructures, clouds, réseaux et data centers' },
  { code: 'F4', title: 'Maintenance, assistance et support pour l’exploitation' },
  { code: 'F5', title: 'Interfaces utilisateurs et créations numériques' },
  { code: 'F6', title: 'Direction, management et stratégie' },
  { code: 'F7', title: 'Communication et marketing' },
  { code: 'F8', title: 'Commerce' },
  { code: 'F9', title: 'Expertise et conseil' },
];

const DEV = 'Développeur (full-stack, front-end, back-end, DevOps, mobile)';
const CDP = 'Chef de projet web / digital / fonctionnel / technique';
const FIBRE = 'Installateur de réseaux de télécoms / Technicien de fibre optique';

/** Regional needs of the 13 metropolitan régions (cahier, section 1.f), by INSEE région code. */
export const REGIONAL_NEEDS_2021: { regionCode: string; regionName: string; jobs: string[] }[] = [
  { regionCode: '84', regionName: 'Auvergne-Rhône-Alpes', jobs: [DEV, CDP, 'Technicien télécom', 'Community manager', 'Chargé de communication digitale/web', 'Product Owner', 'Technicien systèmes et réseau', FIBRE, 'Graphiste/infographiste', 'Technicien Help Desk'] },
  { regionCode: '27', regionName: 'Bourgogne-Franche-Comté', jobs: ['Technicien télécom', 'Développeur (full-stack, front-end, back-end, mobile)', FIBRE, 'Community manager', 'Digital Business Developer', CDP, 'Technicien de maintenance en informatique'] },
  { regionCode: '53', regionName: 'Bretagne', jobs: [DEV, CDP, 'Technicien télécom', 'Digital Business Developer', 'Community manager', 'Technicien systèmes et réseau', 'Chargé de communication digitale/web'] },
  { regionCode: '24', regionName: 'Centre-Val de Loire', jobs: ['Technicien télécom', 'Développeur (full-stack, DevOps)', 'Digital Business Developer', FIBRE, CDP, 'Product Owner', 'Gestionnaire de base de données'] },
  { regionCode: '94', regionName: 'Corse', jobs: ['Technicien télécom', FIBRE, 'Community manager', 'Développeur (full-stack)'] },
  { regionCode: '44', regionName: 'Grand Est', jobs: ['Technicien télécom', CDP, 'Développeur (full-stack, front-end, DevOps, mobile)', 'Community manager', 'Digital Business Developer', FIBRE, 'Technicien de maintenance en informatique', 'Technicien systèmes et réseau', 'Graphiste/infographiste'] },
  { regionCode: '32', regionName: 'Hauts-de-France', jobs: [DEV, 'Digital Business Developer', CDP, 'Community manager', 'Product Owner', 'Testeur d’application/fonctionnel/QA', 'Graphiste/infographiste', 'Data analyst', 'Designer UX/UI'] },
  { regionCode: '11', regionName: 'Île-de-France', jobs: ['Développeur (full-stack, front-end, back-end, DevOps, mobile, IoT)', 'Digital Business Developer', CDP, 'Community manager', 'Product Owner', 'Technicien télécom', 'Data analyst', 'Designer UX/UI', 'Chargé de communication digitale/web', 'Graphiste/infographiste'] },
  { regionCode: '28', regionName: 'Normandie', jobs: ['Technicien télécom', 'Community manager', 'Développeur (full-stack, front-end)', 'Digital Business Developer', 'Technicien systèmes et réseau', 'Technicien de maintenance en informatique', CDP, 'Chargé de communication digitale/web'] },
  { regionCode: '75', regionName: 'Nouvelle-Aquitaine', jobs: [DEV, 'Technicien télécom', CDP, 'Digital Business Developer', FIBRE, 'Product Owner', 'Scrum Master', 'Community manager', 'Graphiste/infographiste', 'Data analyst', 'Technicien Help Desk'] },
  { regionCode: '76', regionName: 'Occitanie', jobs: [DEV, CDP, 'Community manager', 'Technicien télécom', 'Digital Business Developer', FIBRE, 'Product Owner', 'Graphiste/infographiste', 'Technicien Help Desk', 'Chargé de communication digitale/web', 'Technicien systèmes et réseau'] },
  { regionCode: '52', regionName: 'Pays de la Loire', jobs: [DEV, CDP, 'Digital Business Developer', 'Product Owner', FIBRE, 'Testeur d’application/fonctionnel/QA', 'Technicien systèmes et réseau', 'Community manager'] },
  { regionCode: '93', regionName: 'Provence-Alpes-Côte d’Azur', jobs: [DEV, CDP, 'Technicien télécom', 'Digital Business Developer', 'Community manager', FIBRE, 'Technicien systèmes et réseau', 'Product Owner'] },
];
