/**
 * The reviewer's side of admissibility, pure: reading the verdicts typed for each criterion and
 * checking that an outcome (admissible, inadmissible, correction requested) is consistent with them.
 */

/** A verdict on one criterion. */
export type Verdict = 'met' | 'not_met';

/** A recorded verdict. */
export interface CriterionVerdict { criterionCode: string; verdict: Verdict; comment: string }

/** A criterion of the call as these rules need it. */
export interface AdmissibilityCriterion { code: string; title: string }

/** The three outcomes of the admissibility review. */
export const ADMISSIBILITY_OUTCOMES = ['admissible', 'inadmissible', 'correction'] as const;
/** One outcome. */
export type AdmissibilityOutcome = (typeof ADMISSIBILITY_OUTCOMES)[number];

/** Form field names of a criterion. */
export const verdictField = (code: string) => `verdict-${code}`;
/** Form field name of a criterion's comment. */
export const verdictCommentField = (code: string) => `commentaire-${code}`;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** Reads the verdicts of the form; a "not met" needs a comment (it is quoted in the notice). */
export function readVerdicts(criteria: readonly AdmissibilityCriterion[], values: Record<string, string | string[] | undefined>):
  { ok: true; verdicts: CriterionVerdict[] } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const verdicts: CriterionVerdict[] = [];
  criteria.forEach((c, i) => {
    const v = first(values[verdictField(c.code)]).trim();
    const comment = first(values[verdictCommentField(c.code)]).trim();
    if (v !== 'met' && v !== 'not_met') errors[verdictField(c.code)] = `Critère ${i + 1} : indiquez s’il est rempli ou non.`;
    else if (v === 'not_met' && comment === '') errors[verdictCommentField(c.code)] = `Critère ${i + 1} : expliquez pourquoi il n’est pas rempli ; ce commentaire figurera dans la notification.`;
    if (comment.length > 2000) errors[verdictCommentField(c.code)] = `Critère ${i + 1} : le commentaire ne doit pas dépasser 2 000 caractères.`;
    if (!errors[verdictField(c.code)] && !errors[verdictCommentField(c.code)]) verdicts.push({ criterionCode: c.code, verdict: v as Verdict, comment });
  });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, verdicts };
}

/** The criteria judged not met, in the call's order. */
export function unmetCriteria<C extends AdmissibilityCriterion>(criteria: readonly C[], verdicts: readonly CriterionVerdict[]): (C & { comment: string })[] {
  return criteria.flatMap((c) => {
    const v = verdicts.find((x) => x.criterionCode === c.code);
    return v?.verdict === 'not_met' ? [{ ...c, comment: v.comment }] : [];
  });
}

/** Criteria without a verdict yet. */
export function criteriaWithoutVerdict(criteria: readonly AdmissibilityCriterion[], verdicts: readonly CriterionVerdict[]): AdmissibilityCriterion[] {
  return criteria.filter((c) => !verdicts.some((v) => v.criterionCode === c.code));
}

/** Named guard: every criterion has a verdict "met". */
export function allCriteriaMet(criteria: readonly AdmissibilityCriterion[], verdicts: readonly CriterionVerdict[]): boolean {
  return criteria.length > 0 && criteria.every((c) => verdicts.find((v) => v.criterionCode === c.code)?.verdict === 'met');
}

/** Why an outcome cannot be chosen with these verdicts (French), or null when it can. */
export function outcomeRefusal(outcome: AdmissibilityOutcome, criteria: readonly AdmissibilityCriterion[], verdicts: readonly CriterionVerdict[]): string | null {
  const missing = criteriaWithoutVerdict(criteria, verdicts);
  if (outcome === 'admissible') {
    if (missing.length) return `Enregistrez d’abord un avis sur chaque critère (${missing.length} sans avis).`;
    if (!allCriteriaMet(criteria, verdicts)) return 'Une candidature ne peut être recevable que si les 10 critères sont remplis.';
    return null;
  }
  if (outcome === 'inadmissible') {
    if (missing.length) return `Enregistrez d’abord un avis sur chaque critère (${missing.length} sans avis).`;
    if (unmetCriteria(criteria, verdicts).length === 0) return 'Tous les critères sont remplis : la candidature ne peut pas être déclarée irrecevable.';
    return null;
  }
  return null;
}
