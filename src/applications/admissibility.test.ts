import { test } from 'node:test';
import assert from 'node:assert/strict';
import { precheck, type PrecheckInput, type CriterionOutcome, type LabelFacts } from './admissibility.js';
import { readSection } from './sections/parse.js';
import { SECTIONS } from './sections/catalogue.js';
import { completeValues } from './sample-values.js';
import type { SectionKey } from './sections/definitions.js';
import { RULES_2021, ADMISSIBILITY_2021, JOB_FAMILIES_2021 } from '../calls/call-2021.data.js';

const ctx = { jobFamilies: JOB_FAMILIES_2021.map((f) => ({ value: f.code, label: f.title })) };

/** The pre-check of the complete sample, with some typed values changed. */
function check(change: Partial<Record<SectionKey, Record<string, string>>> = {}, more: Partial<PrecheckInput> = {}): Record<string, CriterionOutcome> {
  const values = completeValues();
  const sections: PrecheckInput['sections'] = {};
  for (const def of SECTIONS) sections[def.key] = readSection(def, { ...values[def.key], ...change[def.key] }, ctx).data;
  const out = precheck({
    rules: RULES_2021, criteria: ADMISSIBILITY_2021, jobFamilies: JOB_FAMILIES_2021, sections,
    documents: ['qualiopi', 'nda', 'tax_social', 'budget'],
    organisation: { nda: '11755458075', qualiopiStatus: 'certified', qualiopiValidUntil: '2028-06-30', qualiopiAuditDate: null },
    sameTraining: [], today: '2026-05-01', ...more,
  });
  return Object.fromEntries(out.map((o) => [o.code, o]));
}

test('l’exemple complet remplit les 10 critères (aucun label en cours pour la formation)', () => {
  const r = check();
  assert.deepEqual(Object.keys(r), ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10']);
  for (const code of Object.keys(r)) assert.equal(r[code]!.status, 'met', `${code} : ${r[code]!.reason}`);
  assert.match(r.R8!.reason, /Aucun label en cours pour cette formation sur la période 01\/09\/2026 – 01\/09\/2029/);
});

test('R3 : 399 heures ne suffisent pas, 400 heures suffisent', () => {
  const r399 = check({ duration: { totalHours: '399', centreHours: '399', distanceHours: '0' } }).R3!;
  assert.equal(r399.status, 'not_met');
  assert.match(r399.reason, /399 heures ; il en faut au moins 400/);
  assert.deepEqual(r399.link, { section: 'duration', field: 'totalHours' });
  assert.equal(check({ duration: { totalHours: '400', centreHours: '400', distanceHours: '0' } }).R3!.status, 'met');
});

test('R3 : 18 mois passent, 18,5 et 19 mois non', () => {
  assert.equal(check({ duration: { months: '18' } }).R3!.status, 'met');
  assert.equal(check({ duration: { months: '18,5' } }).R3!.status, 'not_met');
  const r = check({ duration: { months: '19' } }).R3!;
  assert.match(r.reason, /ne doit pas dépasser 18 mois/);
});

test('R3 : 50 % à distance n’est pas une formation à distance, 51 % l’est (6 mois au plus)', () => {
  const half = check({ duration: { totalHours: '1 000', centreHours: '500', distanceHours: '500', months: '9' } }).R3!;
  assert.equal(half.status, 'met');
  const over = check({ duration: { totalHours: '1 000', centreHours: '490', distanceHours: '510', months: '9' } }).R3!;
  assert.equal(over.status, 'not_met');
  assert.match(over.reason, /Formation à distance \(51 % des heures\) : elle ne doit pas dépasser 6 mois/);
});

test('R3 : formation à distance de 6 mois acceptée (à vérifier par la GEN), de 7 mois refusée', () => {
  const d = { totalHours: '1 000', centreHours: '490', distanceHours: '510' };
  assert.equal(check({ duration: { ...d, months: '6' } }).R3!.status, 'to_check');
  assert.equal(check({ duration: { ...d, months: '7' } }).R3!.status, 'not_met');
});

test('R3 : sans module décrit, le volume horaire n’est pas justifié', () => {
  const r = check({ duration: { 'modules-count': '1', 'modules-0-name': '', 'modules-0-hours': '', 'modules-0-skills': '', 'modules-0-assessment': '' } }).R3!;
  assert.equal(r.status, 'not_met');
  assert.match(r.reason, /modules/);
});

test('R6 : 9 apprenants par session ne suffisent pas, 10 suffisent', () => {
  const r9 = check({ places: { 'sessions-1-learners': '9' } }).R6!;
  assert.equal(r9.status, 'not_met');
  assert.match(r9.reason, /Session 2 : 9 places prévues ; il en faut au moins 10/);
  assert.deepEqual(r9.link, { section: 'places', field: 'sessions-1-learners' });
  assert.equal(check({ places: { 'sessions-1-learners': '10' } }).R6!.status, 'met');
});

test('R6 : une année du label sans session est signalée', () => {
  const r = check({ places: { 'sessions-1-start': '2028-10-01', 'sessions-1-end': '2029-03-31' } }).R6!;
  assert.equal(r.status, 'not_met');
  assert.match(r.reason, /aucune ne débute entre le 01\/09\/2027 et le 01\/09\/2028/);
});

test('R6 : une formation d’un an ou plus relève de la convention (à vérifier)', () => {
  assert.equal(check({ duration: { months: '12' } }).R6!.status, 'to_check');
  assert.equal(check({ duration: { months: '11' } }).R6!.status, 'met');
});

test('les chiffres viennent des règles de l’appel, jamais de constantes', () => {
  const rules = { ...RULES_2021, durations: { ...RULES_2021.durations, minHours: 300 }, targets: { ...RULES_2021.targets, minLearnersPerSession: 8 } };
  assert.equal(check({ duration: { totalHours: '350', centreHours: '350', distanceHours: '0' } }, { rules }).R3!.status, 'met');
  assert.equal(check({ places: { 'sessions-0-learners': '9' } }, { rules }).R6!.status, 'met');
});

test('R4, R5, R7 : prérequis, immersion, gratuité', () => {
  assert.equal(check({ publics: { noAcademicPrerequisite: 'non' } }).R4!.status, 'not_met');
  assert.equal(check({ duration: { immersionType: 'none', immersionWeeks: '' } }).R5!.status, 'not_met');
  assert.equal(check({ funding: { freeForTarget: 'non' } }).R7!.status, 'not_met');
  assert.equal(check({ funding: { freeForTarget: '' } }).R7!.status, 'not_met');
});

test('R1 et R2 : famille de métiers et certification (propriétaire ou accord valide joint)', () => {
  assert.equal(check({ training: { jobFamily: '' } }).R1!.status, 'not_met');
  const partner = { certOwned: 'non', partnershipEndDate: '2027-12-31' };
  assert.deepEqual(check({ training: partner }).R2!.link, { section: 'documents', field: 'certification' });
  assert.equal(check({ training: partner }, { documents: ['qualiopi', 'nda', 'tax_social', 'budget', 'certification'] }).R2!.status, 'met');
  assert.match(check({ training: { ...partner, partnershipEndDate: '2026-04-30' } }).R2!.reason, /a pris fin le 30\/04\/2026/);
});

test('R9 : Qualiopi certifié, audit programmé, expiré ou absent', () => {
  const org = { nda: '11755458075', qualiopiValidUntil: null, qualiopiAuditDate: null };
  assert.equal(check({}, { organisation: { ...org, qualiopiStatus: 'audit_scheduled', qualiopiAuditDate: '2026-07-01' } }).R9!.status, 'met');
  assert.equal(check({}, { organisation: { ...org, qualiopiStatus: 'audit_scheduled' } }).R9!.status, 'not_met');
  assert.equal(check({}, { organisation: { ...org, qualiopiStatus: 'none' } }).R9!.status, 'not_met');
  assert.match(check({}, { organisation: { ...org, qualiopiStatus: 'certified', qualiopiValidUntil: '2026-04-30' } }).R9!.reason, /a expiré le 30\/04\/2026/);
});

test('R10 : NDA bien formé, attestations jointes, sous-traitance contrôlée', () => {
  const org = { qualiopiStatus: 'certified' as const, qualiopiValidUntil: null, qualiopiAuditDate: null };
  assert.equal(check({}, { organisation: { ...org, nda: '117 554 580 75' } }).R10!.status, 'met');
  assert.equal(check({}, { organisation: { ...org, nda: '1175545807' } }).R10!.status, 'not_met');
  assert.equal(check({}, { documents: ['qualiopi'] }).R10!.status, 'not_met');
  assert.equal(check({ organisation: { subcontracting: 'oui', subcontractingControl: '' } }).R10!.status, 'not_met');
});

test('R8 : une autre candidature au même intitulé est signalée, à vérifier par la GEN', () => {
  const r = check({}, { sameTraining: [{ callTitle: 'Appel 2021', state: 'submitted' }] }).R8!;
  assert.equal(r.status, 'to_check');
  assert.match(r.reason, /« Appel 2021 »/);
});

const label = (o: Partial<LabelFacts> = {}): LabelFacts => ({ number: 'GEN-2023-0004', applicationId: 'autre', trainingTitle: 'Ancien intitulé', certCode: 'RNCP31114', status: 'active', validFrom: '2023-10-01', validUntil: '2026-09-30', ...o });

test('R8 : un label actif ou en attente de convention sur la même certification et une période qui chevauche ⇒ non rempli', () => {
  // The sample's first session starts on 01/09/2026: the label runs until 30/09/2026.
  const active = check({}, { labels: [label()] }).R8!;
  assert.equal(active.status, 'not_met');
  assert.match(active.reason, /déjà labellisée \(label GEN-2023-0004, « Ancien intitulé » jusqu’au 30\/09\/2026\)/);
  assert.equal(active.link?.section, 'places');
  assert.equal(check({}, { labels: [label({ status: 'pending_agreement', validFrom: null, validUntil: null })] }).R8!.status, 'not_met');
  assert.equal(check({}, { labels: [label({ status: 'suspended' })] }).R8!.status, 'not_met');
  // Same title, another certification code: still the same training.
  assert.equal(check({}, { trainingTitle: 'Développeur web', labels: [label({ certCode: 'RNCP1', trainingTitle: 'développeur WEB ' })] }).R8!.status, 'not_met');
});

test('R8 : label expiré, retiré, terminé, sans chevauchement, d’une autre formation, ou celui de la candidature elle-même ⇒ rempli', () => {
  for (const status of ['expired', 'withdrawn', 'terminated']) assert.equal(check({}, { labels: [label({ status })] }).R8!.status, 'met', status);
  // Ends the day before the first session: no overlap.
  assert.equal(check({}, { labels: [label({ validUntil: '2026-08-31' })] }).R8!.status, 'met');
  assert.equal(check({}, { labels: [label({ certCode: 'RNCP99999' })] }).R8!.status, 'met');
  assert.equal(check({}, { applicationId: 'moi', labels: [label({ applicationId: 'moi' })] }).R8!.status, 'met');
  assert.match(check({}, { labels: [label({ status: 'expired' })] }).R8!.reason, /GEN-2023-0004 terminé ou sans chevauchement/);
});

test('un critère inconnu de la plateforme est laissé à la GEN', () => {
  const r = precheck({ rules: RULES_2021, criteria: [{ code: 'R11', title: 'Nouveau' }], jobFamilies: [], sections: {}, documents: [], organisation: { nda: '', qualiopiStatus: 'none', qualiopiValidUntil: null, qualiopiAuditDate: null }, sameTraining: [], today: '2026-01-01' });
  assert.equal(r[0]!.status, 'to_check');
});
