/** The ordered list of the application's form sections. */
import type { SectionDef, SectionKey } from './definitions.js';
import { trainingSection, durationSection, placesSection } from './course.js';
import { publicsSection, supportSection, teamSection, partnersSection, fundingSection, organisationSection } from './people.js';

/** Form sections, in task-list order (documents and summary come after). */
export const SECTIONS: readonly SectionDef[] = [
  trainingSection, durationSection, placesSection, publicsSection, supportSection, teamSection, partnersSection, fundingSection, organisationSection,
];

/** A section by its French path segment. */
export function sectionBySlug(slug: string): SectionDef | null {
  return SECTIONS.find((s) => s.slug === slug) ?? null;
}

/** A section by key. */
export function sectionByKey(key: SectionKey): SectionDef {
  return SECTIONS.find((s) => s.key === key)!;
}
