/** Calls for labelling: every rule that changes from one call to the next is a row here. */
import { pgTable, uuid, text, timestamp, integer, jsonb, pgEnum, numeric, uniqueIndex, index } from 'drizzle-orm/pg-core';
import type { CallRules } from './call.js';

export const criterionKind = pgEnum('criterion_kind', ['admissibility', 'selection']);

export const calls = pgTable('calls', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
  /** Final closing; null = open "au fil de l'eau" until a later decision. */
  closesAt: timestamp('closes_at', { withTimezone: true }),
  timezone: text('timezone').notNull().default('Europe/Paris'),
  rules: jsonb('rules').$type<CallRules>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('calls_slug_uq').on(t.slug)]);

export const callCutoffs = pgTable('call_cutoffs', {
  id: uuid('id').primaryKey().defaultRandom(),
  callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  label: text('label').notNull(),
  closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
  /** Free text shown to applicants, e.g. "Résultats en septembre 2021". */
  resultsNote: text('results_note').notNull().default(''),
  /** Trainings concerned, e.g. "formations démarrant au plus tard le 01/09/2021". */
  scopeNote: text('scope_note').notNull().default(''),
}, (t) => [uniqueIndex('call_cutoffs_pos_uq').on(t.callId, t.position), index('call_cutoffs_closes_idx').on(t.closesAt)]);

export const callCriteria = pgTable('call_criteria', {
  id: uuid('id').primaryKey().defaultRandom(),
  callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
  kind: criterionKind('kind').notNull(),
  position: integer('position').notNull(),
  code: text('code').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  /** Selection criteria only: weight in points; the weights of a call sum to 10. */
  weight: numeric('weight', { precision: 4, scale: 2 }),
}, (t) => [uniqueIndex('call_criteria_code_uq').on(t.callId, t.code)]);

export const jobFamilies = pgTable('job_families', {
  id: uuid('id').primaryKey().defaultRandom(),
  callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  code: text('code').notNull(),
  title: text('title').notNull(),
}, (t) => [uniqueIndex('job_families_code_uq').on(t.callId, t.code)]);

export const regionalNeeds = pgTable('regional_needs', {
  id: uuid('id').primaryKey().defaultRandom(),
  callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
  regionCode: text('region_code').notNull(),
  regionName: text('region_name').notNull(),
  jobs: jsonb('jobs').$type<string[]>().notNull(),
}, (t) => [uniqueIndex('regional_needs_uq').on(t.callId, t.regionCode)]);
