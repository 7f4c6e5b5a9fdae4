/** What a section is made of: fields, repeatable groups of rows, and cross-field checks. */
import type { FieldDef } from './fields.js';

/** Keys of the sections holding form data (the documents section has its own page). */
export const SECTION_KEYS = ['training', 'duration', 'places', 'publics', 'support', 'team', 'partners', 'funding', 'organisation'] as const;
/** One section key. */
export type SectionKey = (typeof SECTION_KEYS)[number];

/** A repeatable group of rows (modules, places, sessions, trainers, partners). */
export interface GroupDef {
  name: string;
  label: string;
  /** Name of one row, e.g. "Module". */
  itemLabel: string;
  fields: FieldDef[];
  /** Complete rows needed for the section to be complete. */
  minRows: number;
  maxRows: number;
}

/** The typed data of a section: field values, and rows by group name. */
export type SectionData = Record<string, unknown>;

/** One section of the form. */
export interface SectionDef {
  key: SectionKey;
  /** French path segment. */
  slug: string;
  title: string;
  intro?: string;
  fields: FieldDef[];
  groups?: GroupDef[];
  /** Cross-field checks on the typed data: errors keyed by the flat field name. */
  check?: (data: SectionData) => Record<string, string>;
}

/** Flat name of a row field in the form and in the stored values. */
export const rowField = (group: string, i: number, field: string) => `${group}-${i}-${field}`;
/** Flat name of a group's row count. */
export const rowCount = (group: string) => `${group}-count`;
