/** The filters of the audit browser, read from the query string with French messages for bad dates. */
import type { AuditFilter } from '../platform/audit/audit.store.js';
import { parseDay, parisDayBound } from './staff.js';

/** Names of the filter fields, in the order of the form. */
export const AUDIT_FILTER_FIELDS = ['action', 'objectType', 'objectId', 'actor', 'from', 'to'] as const;

/** Filter values as typed, by field. */
export type AuditFilterValues = Record<(typeof AUDIT_FILTER_FIELDS)[number], string>;

/** Parsed filters, or the errors to show with the values kept. */
export type AuditFilterResult =
  | { ok: true; filter: AuditFilter; values: AuditFilterValues }
  | { ok: false; errors: Record<string, string>; values: AuditFilterValues };

/** Reads the filters; dates are days in Paris time typed JJ/MM/AAAA or AAAA-MM-JJ, both bounds included. */
export function parseAuditFilters(query: Record<string, string | undefined>): AuditFilterResult {
  const values = Object.fromEntries(AUDIT_FILTER_FIELDS.map((k) => [k, (query[k] ?? '').trim().slice(0, 200)])) as AuditFilterValues;
  const errors: Record<string, string> = {};
  const from = values.from ? parseDay(values.from) : null;
  const to = values.to ? parseDay(values.to) : null;
  if (values.from && !from) errors.from = 'La date de début doit être une date réelle au format JJ/MM/AAAA, par exemple 31/07/2021.';
  if (values.to && !to) errors.to = 'La date de fin doit être une date réelle au format JJ/MM/AAAA, par exemple 30/09/2021.';
  const filter: AuditFilter = {
    action: values.action || undefined,
    objectType: values.objectType || undefined,
    objectId: values.objectId || undefined,
    actor: values.actor || undefined,
    from: from ? parisDayBound(from, 'start') : undefined,
    to: to ? parisDayBound(to, 'end') : undefined,
  };
  if (filter.from && filter.to && filter.from > filter.to) errors.to = 'La date de fin doit être postérieure ou égale à la date de début.';
  return Object.keys(errors).length ? { ok: false, errors, values } : { ok: true, filter, values };
}
