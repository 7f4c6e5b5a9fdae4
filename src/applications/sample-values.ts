/** A complete, plausible application as typed values: the demo data and the tests start from it. */
import type { SectionKey } from './sections/definitions.js';
import type { RawValues } from './sections/parse.js';

/** Typed values of every section of a complete application (sessions start from `firstStart`). */
export function completeValues(firstStart = '2026-09-01'): Record<SectionKey, RawValues> {
  const y = Number(firstStart.slice(0, 4));
  const at = (n: number) => `${y + n}${firstStart.slice(4)}`;
  const end = (n: number) => `${y + n + 1}-03-31`;
  return {
    training: {
      summary: 'Former en 9 mois des développeurs web capables de concevoir et maintenir des applications, avec un stage en entreprise.',
      jobFamily: 'F1', targetJobs: 'Développeur web, développeur full-stack', romeCodes: 'M1805',
      certRegister: 'RNCP', certCode: 'RNCP31114', certTitle: 'Développeur web et web mobile', certLevel: '5', certOwned: 'oui', partnershipEndDate: '',
    },
    duration: {
      totalHours: '1 200', centreHours: '1 000', distanceHours: '200', months: '9', weeklyHours: '35',
      weeklyRhythm: 'Du lundi au vendredi, de 9 h à 17 h.', immersionType: 'internship', immersionWeeks: '8',
      'modules-count': '2',
      'modules-0-name': 'Fondamentaux du web', 'modules-0-hours': '600', 'modules-0-skills': 'HTML, CSS, JavaScript, accessibilité', 'modules-0-assessment': 'Projet noté',
      'modules-1-name': 'Applications et bases de données', 'modules-1-hours': '600', 'modules-1-skills': 'API, SQL, tests', 'modules-1-assessment': 'Soutenance devant jury',
    },
    places: {
      'places-count': '1', 'places-0-name': 'Campus de Montreuil', 'places-0-address': '55 rue de Vincennes', 'places-0-postcode': '93100', 'places-0-city': 'Montreuil',
      'sessions-count': '3',
      'sessions-0-start': at(0), 'sessions-0-end': end(0), 'sessions-0-learners': '20',
      'sessions-1-start': at(1), 'sessions-1-end': end(1), 'sessions-1-learners': '20',
      'sessions-2-start': at(2), 'sessions-2-end': end(2), 'sessions-2-learners': '20',
    },
    publics: {
      targetPublics: 'Demandeurs d’emploi, jeunes sans qualification, personnes en reconversion.', noAcademicPrerequisite: 'oui',
      selectionProcess: 'Information collective, atelier de découverte, entretien de motivation.', womenSourcing: 'Ateliers avec des associations de femmes du numérique.',
      qpvSourcing: 'Permanences dans les centres sociaux des quartiers prioritaires.', ruralSourcing: 'Partenariat avec les missions locales rurales.',
      womenShare: '40', qpvShare: '35', ruralShare: '5',
    },
    support: {
      socialHours: '80', socialContent: 'Suivi individuel, aide au logement et à la mobilité.', pedagogicalHours: '60',
      pedagogicalContent: 'Tutorat et ateliers de remise à niveau.', supportPeople: 'Une chargée d’accompagnement, deux tuteurs.',
    },
    team: {
      learnersPerTrainer: '10', 'trainers-count': '1',
      'trainers-0-role': 'Formateur référent', 'trainers-0-background': 'Développeur pendant 8 ans, formateur depuis 4 ans.', 'trainers-0-status': 'employed',
    },
    partners: {
      'partners-count': '1', 'partners-0-name': 'Entreprise Exemple', 'partners-0-type': 'employer', 'partners-0-contactName': 'Jeanne Dupont',
      'partners-0-email': 'jeanne.dupont@exemple.fr', 'partners-0-phone': '01 23 45 67 89', 'partners-0-commitment': 'Accueil de stagiaires et embauches.', 'partners-0-hiringPromises': '3',
    },
    funding: {
      budgetPerSession: '150 000', costPerLearner: '7 500', freeForTarget: 'oui', freeHow: 'Financement par la Région et France Travail.',
      funders: 'Région, France Travail, OPCO.', seedGrantRequested: 'non', seedGrantAmount: '', seedGrantSessions: '',
      sustainability: 'Réponse aux marchés publics régionaux, suivi des indicateurs d’insertion.',
    },
    organisation: { subcontracting: 'non', subcontractingControl: '' },
  };
}
