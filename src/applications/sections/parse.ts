/**
 * Reading a section's typed values: each value checked by its field's zod rule, the typed data
 * of the valid ones, the errors to show, what is missing for completeness, and what is too long
 * to be stored at all. A draft is saved with its errors; only oversized values block the save.
 */
import { fieldSchema, isOversized, type FieldContext, type FieldDef } from './fields.js';
import { rowCount, rowField, type SectionDef, type SectionData } from './definitions.js';

/** The typed values of a section, by flat field name. */
export type RawValues = Record<string, string>;

/** What a section's values amount to. */
export interface SectionReading {
  /** The values kept (known fields only, trimmed). */
  values: RawValues;
  data: SectionData;
  /** Format and consistency errors, by flat field name. */
  errors: Record<string, string>;
  /** Required fields still empty, in form order, with their labels. */
  missing: { name: string; label: string }[];
  /** Fields too long to store: the save is refused. */
  oversized: string[];
  completed: boolean;
}

/** Number of rows shown for a group (at least one, at most maxRows). */
export function rowsOf(values: RawValues, group: { name: string; maxRows: number }): number {
  const n = Number.parseInt(values[rowCount(group.name)] ?? '', 10);
  return Math.min(group.maxRows, Math.max(1, Number.isFinite(n) ? n : 1));
}

function isRequired(f: FieldDef, values: (name: string) => string): boolean {
  if (f.requiredIf) return f.requiredIf.in.includes(values(f.requiredIf.field));
  return f.required !== false;
}

/** Picks the section's known fields out of a submitted form, trimmed (mass assignment is impossible). */
export function pickValues(def: SectionDef, form: Record<string, string | string[] | undefined>): RawValues {
  const get = (k: string) => { const v = form[k]; return (Array.isArray(v) ? v[0] : v) ?? ''; };
  const out: RawValues = {};
  for (const f of def.fields) out[f.name] = get(f.name).trim();
  for (const g of def.groups ?? []) {
    const n = Math.min(g.maxRows, Math.max(1, Number.parseInt(get(rowCount(g.name)), 10) || 1));
    out[rowCount(g.name)] = String(n);
    for (let i = 0; i < n; i++) for (const f of g.fields) out[rowField(g.name, i, f.name)] = get(rowField(g.name, i, f.name)).trim();
  }
  return out;
}

/** Checks every value of a section and judges its completeness. */
export function readSection(def: SectionDef, values: RawValues, ctx: FieldContext): SectionReading {
  const errors: Record<string, string> = {};
  const missing: { name: string; label: string }[] = [];
  const oversized: string[] = [];
  const data: SectionData = {};
  const check = (f: FieldDef, key: string, raw: string, label: string): unknown => {
    if (raw === '') return undefined;
    if (isOversized(f, raw)) oversized.push(key);
    const r = fieldSchema(f, ctx).safeParse(raw);
    if (!r.success) { errors[key] = `${label}${r.error.issues[0]?.message ?? 'Valeur invalide.'}`; return undefined; }
    return r.data;
  };
  for (const f of def.fields) {
    const v = check(f, f.name, values[f.name] ?? '', '');
    if (v !== undefined) data[f.name] = v;
    else if (!errors[f.name] && isRequired(f, (k) => values[k] ?? '')) missing.push({ name: f.name, label: f.label });
  }
  for (const g of def.groups ?? []) {
    const rows: Record<string, unknown>[] = [];
    const n = rowsOf(values, g);
    let complete = 0;
    for (let i = 0; i < n; i++) {
      const raw = (name: string) => values[rowField(g.name, i, name)] ?? '';
      // An empty row stays in place, so that row i of the data is row i of the form.
      if (g.fields.every((f) => raw(f.name) === '')) { rows.push({}); continue; }
      const row: Record<string, unknown> = {};
      let rowOk = true;
      for (const f of g.fields) {
        const key = rowField(g.name, i, f.name);
        const v = check(f, key, raw(f.name), `${g.itemLabel} ${i + 1} : `);
        if (v !== undefined) row[f.name] = v;
        else if (errors[key]) rowOk = false;
        else if (isRequired(f, raw)) { rowOk = false; missing.push({ name: key, label: `${g.itemLabel} ${i + 1} : ${f.label}` }); }
      }
      rows.push(row);
      if (rowOk) complete++;
    }
    data[g.name] = rows;
    if (complete < g.minRows && !missing.some((m) => m.name.startsWith(`${g.name}-`))) {
      missing.push({ name: rowField(g.name, 0, g.fields[0]!.name), label: `${g.label} : au moins ${g.minRows} à renseigner` });
    }
  }
  Object.assign(errors, Object.fromEntries(Object.entries(def.check?.(data) ?? {}).filter(([k]) => !errors[k])));
  const completed = missing.length === 0 && Object.keys(errors).length === 0;
  return { values, data, errors, missing, oversized, completed };
}

/** A row action of the no-JS form: add a row to a group, or remove row i. */
export type RowAction = { kind: 'add'; group: string } | { kind: 'remove'; group: string; index: number };

/** Reads the `_action` button value ("ajouter:modules", "retirer:modules:2"). */
export function parseRowAction(def: SectionDef, action: string | undefined): RowAction | null {
  const m = /^(ajouter|retirer):([a-z]+)(?::(\d+))?$/.exec(action ?? '');
  if (!m || !(def.groups ?? []).some((g) => g.name === m[2])) return null;
  if (m[1] === 'ajouter') return { kind: 'add', group: m[2]! };
  return m[3] === undefined ? null : { kind: 'remove', group: m[2]!, index: Number(m[3]) };
}

/** The values after a row action (rows after a removed one move up). */
export function applyRowAction(def: SectionDef, values: RawValues, action: RowAction): RawValues {
  const g = (def.groups ?? []).find((x) => x.name === action.group)!;
  const n = rowsOf(values, g);
  const out = { ...values };
  if (action.kind === 'add') {
    if (n >= g.maxRows) return out;
    for (const f of g.fields) out[rowField(g.name, n, f.name)] = '';
    out[rowCount(g.name)] = String(n + 1);
    return out;
  }
  if (action.index < 0 || action.index >= n) return out;
  for (let i = action.index; i < n - 1; i++) for (const f of g.fields) out[rowField(g.name, i, f.name)] = values[rowField(g.name, i + 1, f.name)] ?? '';
  for (const f of g.fields) delete out[rowField(g.name, n - 1, f.name)];
  out[rowCount(g.name)] = String(Math.max(1, n - 1));
  if (n === 1) for (const f of g.fields) out[rowField(g.name, 0, f.name)] = '';
  return out;
}
