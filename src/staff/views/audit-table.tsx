/** A table of audit entries with their before/after state shown as readable JSON. */
import type { auditLog } from '../../platform/audit/audit.schema.js';
import { parisDate, JsonBlock } from './common.js';

/** Audit entries, newest first as given. */
export function AuditTable({ rows, caption }: { rows: (typeof auditLog.$inferSelect)[]; caption: string }) {
  return (
    <div class="fr-table lg-table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">N°</th>
            <th scope="col">Date (heure de Paris)</th>
            <th scope="col">Auteur</th>
            <th scope="col">Action</th>
            <th scope="col">Objet</th>
            <th scope="col">Avant</th>
            <th scope="col">Après</th>
            <th scope="col">Détails</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? <tr><td colspan={8}>Aucune entrée.</td></tr> : rows.map((e) => (
            <tr id={`entree-${e.id}`}>
              <th scope="row">{e.id}</th>
              <td>{parisDate(e.at)}</td>
              <td>{e.actorLabel}{e.ip ? <span class="fr-hint-text">{e.ip}</span> : null}</td>
              <td><code>{e.action}</code></td>
              <td>{e.objectType}<span class="fr-hint-text lg-mono">{e.objectId}</span></td>
              <td><JsonBlock value={e.before} /></td>
              <td><JsonBlock value={e.after} /></td>
              <td><JsonBlock value={e.meta} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
