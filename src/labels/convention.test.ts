import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { renderPdf } from '../platform/pdf/pdf.js';
import { pdfText } from '../platform/pdf/pdf-text.js';
import { createTestApp } from '../platform/testing/harness.js';
import { RULES_2021 } from '../calls/call-2021.data.js';
import type { CallRules } from '../calls/call.js';
import { conventionSpec, dueDayLabel, obligations, type ConventionData } from './convention.js';
import { createPendingLabel } from './labels.fixtures.js';

const DATA: ConventionData = {
  label: { number: 'GEN-2026-0007', trainingTitle: 'Développeur web et web mobile', validFrom: null, validUntil: null },
  organisation: { name: 'Simplon Test', siret: '79267640500048', nda: '11755458075', addressLine: '55 rue de Vincennes', postcode: '93100', city: 'Montreuil', contactName: 'Paula Porteuse', contactEmail: 'paula@exemple.fr' },
  call: { title: 'Appel à labellisation 2026', rules: RULES_2021 },
  decision: { decidedAt: new Date('2026-09-20T10:00:00Z'), heldOn: '2026-09-20', seedGrant: 30000, seedGrantSessions: 'first_two' },
  training: { summary: 'Former des développeurs web.', jobFamily: 'F1 – Programmation et développement', targetJobs: 'Développeur web', certification: 'RNCP RNCP31114 – Développeur web et web mobile', totalHours: 1200, months: 9, immersion: 'Stage, 8 semaines' },
  places: [{ name: 'Campus de Montreuil', address: '55 rue de Vincennes', postcode: '93100', city: 'Montreuil' }],
  sessions: [{ start: '2026-11-02', end: '2027-05-28', learners: 20 }],
};

test('la convention reprend la candidature, la décision et les engagements avec les chiffres de l’appel', async () => {
  const { text, info } = await pdfText(await renderPdf(conventionSpec(DATA)));
  const flat = text.replace(/\s+/g, ' ');
  for (const s of ['Convention de labellisation Grande École du Numérique', 'GEN-2026-0007', 'Développeur web et web mobile', 'Simplon Test',
    '79267640500048', '11755458075', 'Campus de Montreuil', '02/11/2026', '28/05/2027', 'RNCP31114', '1 200 heures',
    'séance du 20/09/2026', '30 000 € est attribuée', 'deux premières sessions', '31 janvier', 'dans les 3 mois', 'reporté de 2 mois au plus', '10 apprenants',
    '30 % de femmes', '10 % du volume horaire', 'accordé pour 3 ans', 'En attente de la signature d’un administrateur', 'En attente de la contresignature']) {
    assert.ok(flat.includes(s), `le PDF devrait contenir « ${s} »`);
  }
  assert.equal(info.Title, 'Convention de labellisation GEN-2026-0007');
});

test('les engagements suivent les chiffres de l’appel, pas des constantes', () => {
  const rules: CallRules = { ...RULES_2021, durations: { ...RULES_2021.durations, firstSessionWithinMonths: 4, annualReportDue: '02-15', maxPostponementMonths: 1 }, targets: { ...RULES_2021.targets, minLearnersPerSession: 12 } };
  const text = obligations(rules).join('\n');
  assert.match(text, /dans les 4 mois/);
  assert.match(text, /avant le 15 février/);
  assert.match(text, /reporté de 1 mois au plus/);
  assert.match(text, /au moins 12 apprenants/);
  assert.equal(dueDayLabel('01-01'), '1er janvier');
});

test('une espace insécable saisie par le porteur ne casse pas le PDF', async () => {
  const bytes = await renderPdf(conventionSpec({ ...DATA, training: { ...DATA.training, summary: 'Objectifs\u00a0: former\u202fvite.' } }));
  assert.ok((await pdfText(bytes)).text.includes('Objectifs : former vite.'));
});

test('la convention signée porte l’identité des signataires, l’heure, l’empreinte et les dates de validité', async () => {
  const spec = conventionSpec({ ...DATA, label: { ...DATA.label, validFrom: '2026-10-05', validUntil: '2029-10-04' }, decision: { ...DATA.decision, seedGrant: null } }, {
    organisation: { signerName: 'Paula Porteuse', signerEmail: 'paula@exemple.fr', signedAt: new Date('2026-10-01T08:30:00Z') },
    countersignature: { signerName: 'Samir Suivi', signerEmail: 'suivi@exemple.fr', signedAt: new Date('2026-10-05T12:00:00Z'), sha256: 'a'.repeat(64) },
  });
  const flat = (await pdfText(await renderPdf(spec))).text.replace(/\s+/g, ' ');
  assert.ok(flat.includes('Signé électroniquement par Paula Porteuse (paula@exemple.fr)'));
  assert.ok(flat.includes('le 01/10/2026 à 10:30:00'));
  assert.ok(flat.includes('Signé électroniquement par Samir Suivi'));
  assert.ok(flat.replace(/ /g, '').includes('a'.repeat(64)), 'l’empreinte du document signé par l’organisme');
  assert.ok(flat.includes('valable du 05/10/2026 au 04/10/2029 inclus'));
  assert.ok(flat.includes('au plus tard le 05/01/2027'));
  assert.ok(flat.includes('Aucune subvention d’amorçage'));
});

const t = await createTestApp();
after(() => t.close());

test('le projet de convention téléchargé depuis la plateforme reprend les données de la candidature et la subvention décidée', async () => {
  const { org, admin, label } = await createPendingLabel(t.deps, { seedGrant: 25000, orgName: 'Organisme Convention' });
  const client = t.client();
  await client.loginAs(admin.id);
  const res = await client.get(`/organisations/${org.id}/labels/${label.id}/convention.pdf`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  const flat = (await pdfText(new Uint8Array(await res.arrayBuffer()))).text.replace(/\s+/g, ' ');
  for (const s of [label.number, 'Organisme Convention', org.siret, '11755555575', 'Campus de Montreuil', '01/09/2026', '24', 'RNCP31114', '25 000 €', 'deux premières sessions', 'F1 – ']) {
    assert.ok(flat.includes(s), `le PDF devrait contenir « ${s} »`);
  }
});
