import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roleChanges, leavesNoAdmin, parseDay, parisDayBound, dashboardCards } from './staff.js';
import { parseAuditFilters } from './audit-filters.js';
import { staffCan } from './staff.policy.js';
import type { Actor } from '../platform/http/context.js';

const actor = (roles: Actor['staffRoles'], secondFactor = true): Actor => ({
  userId: 'u', email: 'a@exemple.fr', fullName: 'A', sessionId: 's', staffRoles: roles, secondFactor, totpEnabled: true, memberships: [], currentOrgId: null,
});

test('un changement de rôles se décompose en attributions et retraits', () => {
  assert.deepEqual(roleChanges(['admin', 'instructor'], ['instructor', 'committee']), { granted: ['committee'], revoked: ['admin'] });
  assert.deepEqual(roleChanges([], []), { granted: [], revoked: [] });
});

test('retirer le rôle d’administrateur est refusé s’il ne reste aucun autre administrateur actif', () => {
  assert.equal(leavesNoAdmin(['admin'], 0), true);
  assert.equal(leavesNoAdmin(['admin'], 1), false);
  assert.equal(leavesNoAdmin(['instructor'], 0), false);
});

test('une date se saisit en JJ/MM/AAAA ou AAAA-MM-JJ et doit exister', () => {
  assert.deepEqual(parseDay('31/07/2021'), { year: 2021, month: 7, day: 31 });
  assert.deepEqual(parseDay('1/8/2021'), { year: 2021, month: 8, day: 1 });
  assert.deepEqual(parseDay('2021-07-31'), { year: 2021, month: 7, day: 31 });
  for (const bad of ['31/02/2021', '2021-13-01', 'hier', '31-07-2021', '']) assert.equal(parseDay(bad), null, bad);
});

test('un jour de Paris commence et finit à minuit heure de Paris', () => {
  assert.equal(parisDayBound({ year: 2021, month: 7, day: 31 }, 'start').toISOString(), '2021-07-30T22:00:00.000Z');
  assert.equal(parisDayBound({ year: 2021, month: 12, day: 31 }, 'end').toISOString(), '2021-12-31T22:59:59.999Z');
});

test('les filtres du journal refusent une date inexistante ou une fin avant le début', () => {
  const bad = parseAuditFilters({ from: '31/02/2021' });
  assert.equal(bad.ok, false);
  const inverted = parseAuditFilters({ from: '02/08/2021', to: '01/08/2021' });
  assert.equal(inverted.ok, false);
  assert.match((inverted as { errors: Record<string, string> }).errors.to!, /postérieure/);
  const ok = parseAuditFilters({ action: ' staff. ', to: '2021-08-01' });
  assert.ok(ok.ok);
  assert.equal(ok.filter.action, 'staff.');
  assert.equal(ok.filter.to?.toISOString(), '2021-08-01T21:59:59.999Z');
});

test('le tableau de bord montre les cartes des rôles tenus, liées seulement aux pages existantes', () => {
  const exists = (href: string) => href !== '/gestion/suivi';
  assert.deepEqual(dashboardCards(actor(['monitoring']), exists).map((c) => [c.title, c.available]), [['Suivi-évaluation', false], ['Bilans annuels', true], ['Procédures contradictoires', true], ['Demandes de modification', true], ['Subventions d’amorçage', true], ['Labels', true], ['Assistance', true], ['Contrôles', true]]);
  assert.deepEqual(dashboardCards(actor(['admin']), exists).map((c) => c.href), ['/gestion/conformite/bilans', '/gestion/conformite/sanctions', '/gestion/conformite/modifications', '/gestion/subventions', '/gestion/labels', '/gestion/support', '/gestion/inspections', '/gestion/utilisateurs', '/gestion/journal', '/gestion/courriels', '/gestion/groupes', '/gestion/besoins-regionaux', '/gestion/crous', '/gestion/regions/avis', '/gestion/appels']);
  assert.deepEqual(dashboardCards(actor(['committee']), exists).map((c) => c.href), ['/gestion/labels', '/gestion/comite']);
  assert.equal(staffCan(actor(['admin'], false), 'users.manage'), false);
  assert.equal(staffCan(actor(['instructor']), 'audit.browse'), false);
});
