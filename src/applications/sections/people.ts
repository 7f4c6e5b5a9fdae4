/** Sections about people and money: publics, support, team, partners, funding, organisation. */
import { YES_NO } from './fields.js';
import type { SectionDef } from './definitions.js';

/** Section 4: target publics, prerequisites, selection, sourcing. */
export const publicsSection: SectionDef = {
  key: 'publics', slug: 'publics-et-recrutement', title: 'Publics et recrutement',
  fields: [
    { name: 'targetPublics', label: 'Publics visés', kind: 'textarea', max: 2000, hint: 'Demandeurs d’emploi, jeunes sans qualification, personnes en reconversion…' },
    { name: 'noAcademicPrerequisite', label: 'La formation est-elle accessible sans prérequis académique (sans diplôme exigé) ?', kind: 'choice', options: YES_NO },
    { name: 'selectionProcess', label: 'Processus de sélection', kind: 'textarea', max: 3000, hint: 'La motivation doit être le critère principal.' },
    { name: 'womenSourcing', label: 'Actions de recrutement à destination des femmes', kind: 'textarea', max: 3000 },
    { name: 'qpvSourcing', label: 'Actions de recrutement à destination des habitants des quartiers prioritaires (QPV)', kind: 'textarea', max: 3000 },
    { name: 'ruralSourcing', label: 'Actions de recrutement à destination des habitants des zones rurales (ZRR/FRR)', kind: 'textarea', max: 3000 },
    { name: 'womenShare', label: 'Part attendue de femmes', kind: 'percent', unit: '%' },
    { name: 'qpvShare', label: 'Part attendue d’habitants des QPV', kind: 'percent', unit: '%' },
    { name: 'ruralShare', label: 'Part attendue d’habitants des ZRR/FRR', kind: 'percent', unit: '%' },
  ],
};

/** Section 5: socio-professional and pedagogical support. */
export const supportSection: SectionDef = {
  key: 'support', slug: 'accompagnement', title: 'Accompagnement',
  fields: [
    { name: 'socialHours', label: 'Heures d’accompagnement socio-professionnel', kind: 'number', unit: 'heures' },
    { name: 'socialContent', label: 'Contenu de l’accompagnement socio-professionnel', kind: 'textarea', max: 3000 },
    { name: 'pedagogicalHours', label: 'Heures de soutien pédagogique', kind: 'number', unit: 'heures' },
    { name: 'pedagogicalContent', label: 'Contenu du soutien pédagogique', kind: 'textarea', max: 3000 },
    { name: 'supportPeople', label: 'Personnes chargées de l’accompagnement', kind: 'textarea', max: 2000 },
  ],
};

/** Section 6: the teaching team. */
export const teamSection: SectionDef = {
  key: 'team', slug: 'equipe-pedagogique', title: 'Équipe pédagogique',
  fields: [{ name: 'learnersPerTrainer', label: 'Nombre d’apprenants par formateur', kind: 'number' }],
  groups: [{ name: 'trainers', label: 'Formateurs', itemLabel: 'Formateur', minRows: 1, maxRows: 30, fields: [
    { name: 'role', label: 'Fonction', kind: 'text', max: 200 },
    { name: 'background', label: 'Parcours et compétences', kind: 'textarea', max: 2000 },
    { name: 'status', label: 'Statut', kind: 'choice', options: [{ value: 'employed', label: 'Salarié de l’organisme' }, { value: 'subcontracted', label: 'Sous-traitant' }] },
  ] }],
};

/** Section 7: partners, each contacted during review. */
export const partnersSection: SectionDef = {
  key: 'partners', slug: 'partenaires', title: 'Partenaires',
  intro: 'Chaque partenaire cité sera contacté pendant l’instruction.',
  fields: [],
  groups: [{ name: 'partners', label: 'Partenaires', itemLabel: 'Partenaire', minRows: 1, maxRows: 30, fields: [
    { name: 'name', label: 'Nom du partenaire', kind: 'text', max: 200 },
    { name: 'type', label: 'Type de partenaire', kind: 'choice', options: [
      { value: 'sourcing', label: 'Recrutement des apprenants' }, { value: 'employer', label: 'Employeur' }, { value: 'certifier', label: 'Certificateur' },
      { value: 'funder', label: 'Financeur' }, { value: 'other', label: 'Autre' },
    ] },
    { name: 'contactName', label: 'Personne à contacter', kind: 'text', max: 200 },
    { name: 'email', label: 'Adresse électronique', kind: 'email' },
    { name: 'phone', label: 'Téléphone', kind: 'phone', required: false },
    { name: 'commitment', label: 'Engagement du partenaire', kind: 'textarea', max: 1500 },
    { name: 'hiringPromises', label: 'Promesses d’embauche', kind: 'integer', required: false },
  ] }],
};

/** Section 8: budget, free of charge, seed grant, sustainability. */
export const fundingSection: SectionDef = {
  key: 'funding', slug: 'financement-et-perennite', title: 'Financement et pérennité',
  fields: [
    { name: 'budgetPerSession', label: 'Budget par session', kind: 'number', unit: 'euros' },
    { name: 'costPerLearner', label: 'Coût par apprenant', kind: 'number', unit: 'euros' },
    { name: 'freeForTarget', label: 'La formation est-elle gratuite pour les publics cibles (accès, enseignement, certification) ?', kind: 'choice', options: YES_NO },
    { name: 'freeHow', label: 'Comment la gratuité est-elle assurée ?', kind: 'textarea', max: 2000, requiredIf: { field: 'freeForTarget', in: ['oui'] } },
    { name: 'funders', label: 'Financeurs et demandes de financement', kind: 'textarea', max: 3000 },
    { name: 'seedGrantRequested', label: 'Demandez-vous une subvention d’amorçage ?', kind: 'choice', options: YES_NO },
    { name: 'seedGrantAmount', label: 'Montant demandé', kind: 'number', unit: 'euros', requiredIf: { field: 'seedGrantRequested', in: ['oui'] } },
    { name: 'seedGrantSessions', label: 'Sessions concernées par la subvention', kind: 'choice', requiredIf: { field: 'seedGrantRequested', in: ['oui'] }, options: [{ value: 'first', label: 'La première session' }, { value: 'first_two', label: 'Les deux premières sessions' }] },
    { name: 'sustainability', label: 'Moyens de pérenniser la formation après le label', kind: 'textarea', max: 4000 },
  ],
};

/** Section 9: the organisation (identity read from its record) and subcontracting. */
export const organisationSection: SectionDef = {
  key: 'organisation', slug: 'organisme', title: 'Organisme',
  intro: 'Le SIRET, le numéro de déclaration d’activité (NDA) et la certification Qualiopi viennent de la fiche de l’organisme.',
  fields: [
    { name: 'subcontracting', label: 'La formation est-elle en partie sous-traitée ?', kind: 'choice', options: YES_NO },
    { name: 'subcontractingControl', label: 'Contrôle pédagogique et contrôle des locaux du sous-traitant', kind: 'textarea', max: 3000, requiredIf: { field: 'subcontracting', in: ['oui'] } },
  ],
};
