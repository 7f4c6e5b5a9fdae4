import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson, chainHash, verifyRows, GENESIS, type AuditEntry } from './audit.js';

const entry = (n: number): AuditEntry => ({
  at: new Date(Date.UTC(2026, 10, 23, 10, 0, n)).toISOString(), actorId: null, actorLabel: 'système',
  action: 'test.action', objectType: 'objet', objectId: String(n), before: { b: 1, a: [1, 2] }, after: null, meta: null, ip: null,
});

function chain(n: number) {
  let prev = GENESIS;
  return Array.from({ length: n }, (_, i) => {
    const e = entry(i);
    const hash = chainHash(prev, e);
    const row = { ...e, id: i + 1, prevHash: prev, hash };
    prev = hash;
    return row;
  });
}

test('le JSON canonique ne dépend pas de l’ordre des clés', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } }), canonicalJson({ a: { c: [3, { e: 2, f: 1 }], d: 2 }, b: 1 }));
});

test('une chaîne intacte est vérifiée', () => {
  assert.deepEqual(verifyRows(chain(5)), { ok: true, count: 5 });
});

test('une entrée modifiée est détectée à son identifiant', () => {
  const rows = chain(5);
  rows[2] = { ...rows[2]!, action: 'autre.action' };
  const r = verifyRows(rows);
  assert.equal(r.ok, false);
  assert.equal((r as { brokenAt: number }).brokenAt, 3);
});

test('une entrée supprimée rompt le lien suivant', () => {
  const rows = chain(5);
  rows.splice(1, 1);
  const r = verifyRows(rows);
  assert.equal(r.ok, false);
  assert.equal((r as { brokenAt: number }).brokenAt, 3);
  assert.match((r as { reason: string }).reason, /lien/);
});

test('le format de date stocké par PostgreSQL donne le même hachage', () => {
  const e = entry(1);
  assert.equal(chainHash(GENESIS, e), chainHash(GENESIS, { ...e, at: '2026-11-23 10:00:01+00' }));
});
