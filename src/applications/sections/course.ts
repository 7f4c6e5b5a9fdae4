/** Sections about the training itself: Formation, Durée et rythme, Lieux et sessions. */
import { YES_NO, type FieldDef } from './fields.js';
import { rowField, type SectionDef, type SectionData } from './definitions.js';

const num = (d: SectionData, k: string) => (typeof d[k] === 'number' ? (d[k] as number) : undefined);
const fmt = (n: number) => n.toLocaleString('fr-FR');

/** Section 1: the training and its certification. */
export const trainingSection: SectionDef = {
  key: 'training', slug: 'formation', title: 'Formation',
  intro: 'Décrivez la formation, le métier visé et la certification préparée.',
  fields: [
    { name: 'summary', label: 'Résumé de la formation', kind: 'textarea', max: 3000, hint: 'Objectifs, contenu, public visé : 3 000 caractères au plus.' },
    { name: 'jobFamily', label: 'Famille de métiers du numérique', kind: 'choice', options: 'jobFamilies' },
    { name: 'targetJobs', label: 'Métiers visés', kind: 'text', max: 500, hint: 'Par exemple : développeur web, technicien support.' },
    { name: 'romeCodes', label: 'Codes ROME', kind: 'text', max: 100, required: false, hint: 'Séparés par des virgules, par exemple M1805, M1810.' },
    { name: 'certRegister', label: 'Répertoire de la certification', kind: 'choice', options: [{ value: 'RNCP', label: 'RNCP' }, { value: 'RS', label: 'Répertoire spécifique (RS)' }] },
    { name: 'certCode', label: 'Code de la certification', kind: 'text', max: 20, hint: 'Par exemple RNCP31114 ou RS5487.' },
    { name: 'certTitle', label: 'Intitulé de la certification', kind: 'text', max: 300 },
    { name: 'certLevel', label: 'Niveau de la certification', kind: 'choice', required: false, options: ['3', '4', '5', '6', '7', '8'].map((v) => ({ value: v, label: `Niveau ${v}` })) },
    { name: 'certOwned', label: 'L’organisme est-il propriétaire de la certification ?', kind: 'choice', options: YES_NO },
    { name: 'partnershipEndDate', label: 'Fin de validité de l’accord de partenariat avec le certificateur', kind: 'date', requiredIf: { field: 'certOwned', in: ['non'] }, hint: 'Si l’organisme n’est pas propriétaire de la certification. Joignez l’accord dans les pièces justificatives.' },
  ],
  check(d) {
    const errors: Record<string, string> = {};
    const code = typeof d.certCode === 'string' ? d.certCode.toUpperCase().replace(/\s/g, '') : '';
    const reg = d.certRegister;
    if (code && reg && !new RegExp(`^(${reg})?\\d{2,6}$`).test(code)) errors.certCode = `Le code doit être de la forme ${reg}12345.`;
    if (typeof d.romeCodes === 'string' && d.romeCodes && !d.romeCodes.split(/[,;\s]+/).filter(Boolean).every((c) => /^[A-N]\d{4}$/i.test(c))) {
      errors.romeCodes = 'Chaque code ROME est une lettre suivie de 4 chiffres, par exemple M1805.';
    }
    return errors;
  },
};

const moduleFields: FieldDef[] = [
  { name: 'name', label: 'Nom du module', kind: 'text', max: 200 },
  { name: 'hours', label: 'Heures du module', kind: 'number', unit: 'heures' },
  { name: 'skills', label: 'Compétences visées', kind: 'textarea', max: 1500 },
  { name: 'assessment', label: 'Modalités d’évaluation', kind: 'textarea', max: 1000 },
];

/** Section 2: hours, months, rhythm, modules, professional immersion. */
export const durationSection: SectionDef = {
  key: 'duration', slug: 'duree-et-rythme', title: 'Durée et rythme',
  intro: 'Les heures et les mois se comptent hors immersion professionnelle.',
  fields: [
    { name: 'totalHours', label: 'Nombre total d’heures de formation', kind: 'number', unit: 'heures', hint: 'Hors immersion professionnelle. Par exemple 1 200,5.' },
    { name: 'centreHours', label: 'Heures en centre', kind: 'number', unit: 'heures' },
    { name: 'distanceHours', label: 'Heures à distance', kind: 'number', unit: 'heures', hint: 'Saisissez 0 si la formation se déroule entièrement en centre.' },
    { name: 'months', label: 'Durée en mois', kind: 'number', unit: 'mois', hint: 'Hors immersion professionnelle.' },
    { name: 'weeklyHours', label: 'Heures par semaine', kind: 'number', unit: 'heures' },
    { name: 'weeklyRhythm', label: 'Rythme hebdomadaire', kind: 'textarea', max: 2000, hint: 'Jours et horaires, alternance centre / entreprise.' },
    { name: 'immersionType', label: 'Immersion professionnelle', kind: 'choice', options: [
      { value: 'internship', label: 'Stage' }, { value: 'client_projects', label: 'Projets professionnalisants pour des clients' },
      { value: 'work_study', label: 'Alternance (contrat de professionnalisation ou d’apprentissage)' }, { value: 'none', label: 'Aucune' },
    ] },
    { name: 'immersionWeeks', label: 'Durée de l’immersion en semaines', kind: 'number', unit: 'semaines', requiredIf: { field: 'immersionType', in: ['internship', 'client_projects', 'work_study'] } },
  ],
  groups: [{ name: 'modules', label: 'Modules', itemLabel: 'Module', fields: moduleFields, minRows: 1, maxRows: 40 }],
  check(d) {
    const errors: Record<string, string> = {};
    const [t, c, r] = [num(d, 'totalHours'), num(d, 'centreHours'), num(d, 'distanceHours')];
    if (t !== undefined && c !== undefined && r !== undefined && Math.abs(c + r - t) > 0.001) {
      errors.distanceHours = `Les heures en centre (${fmt(c)} h) et à distance (${fmt(r)} h) doivent faire le total de ${fmt(t)} h.`;
    }
    return errors;
  },
};

/** Section 3: training places and planned sessions. */
export const placesSection: SectionDef = {
  key: 'places', slug: 'lieux-et-sessions', title: 'Lieux et sessions',
  intro: 'Les adresses des lieux de formation permettent de savoir s’ils sont situés en quartier prioritaire (QPV). Prévoyez les sessions des 3 années du label.',
  fields: [],
  groups: [
    { name: 'places', label: 'Lieux de formation', itemLabel: 'Lieu', minRows: 1, maxRows: 20, fields: [
      { name: 'name', label: 'Nom du lieu', kind: 'text', max: 200 },
      { name: 'address', label: 'Adresse', kind: 'text', max: 300 },
      { name: 'postcode', label: 'Code postal', kind: 'text', max: 5 },
      { name: 'city', label: 'Commune', kind: 'text', max: 100 },
    ] },
    { name: 'sessions', label: 'Sessions prévues', itemLabel: 'Session', minRows: 1, maxRows: 40, fields: [
      { name: 'start', label: 'Date de début', kind: 'date' },
      { name: 'end', label: 'Date de fin', kind: 'date' },
      { name: 'learners', label: 'Nombre de places', kind: 'integer', unit: 'apprenants' },
    ] },
  ],
  check(d) {
    const errors: Record<string, string> = {};
    const sessions = (d.sessions as { start?: string; end?: string }[] | undefined) ?? [];
    sessions.forEach((s, i) => {
      if (s.start && s.end && s.end < s.start) errors[rowField('sessions', i, 'end')] = `Session ${i + 1} : la date de fin doit être postérieure à la date de début.`;
    });
    const places = (d.places as { postcode?: string }[] | undefined) ?? [];
    places.forEach((p, i) => {
      if (p.postcode && !/^\d{5}$|^2[AB]\d{3}$/i.test(p.postcode)) errors[rowField('places', i, 'postcode')] = `Lieu ${i + 1} : le code postal compte 5 chiffres, par exemple 93100.`;
    });
    return errors;
  },
};
