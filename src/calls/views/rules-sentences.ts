/** The figures of a call's rules written as French sentences for the public page. */
import type { CallRules } from '../call.js';

const pct = (v: number) => `${(Math.round(v * 10000) / 100).toLocaleString('fr-FR')}\u00a0%`;
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('fr-FR')}\u00a0${n > 1 ? many : one}`;

/** Durations of the call, as sentences. */
export function durationSentences(r: CallRules): string[] {
  const d = r.durations;
  return [
    `La formation dure au moins ${plural(d.minHours, 'heure', 'heures')} et au plus ${plural(d.maxMonths, 'mois', 'mois')}, hors immersion professionnelle.`,
    `Une formation dont plus de ${pct(d.distanceShareThreshold)} des modules sont à distance dure au plus ${plural(d.maxMonthsDistance, 'mois', 'mois')}.`,
    `Le label est accordé pour ${plural(d.labelYears, 'an', 'ans')} à compter de la signature de la convention.`,
    `La première session démarre dans les ${plural(d.firstSessionWithinMonths, 'mois', 'mois')} qui suivent la signature de la convention.`,
    `L’attestation de démarrage et la liste de fin de session sont transmises dans un délai de ${plural(d.reportingDelayMonths, 'mois', 'mois')}.`,
    `Le démarrage d’une session peut être reporté de ${plural(d.maxPostponementMonths, 'mois', 'mois')} au plus.`,
    `Le bilan annuel est transmis avant le ${annualDue(d.annualReportDue)} de chaque année.`,
  ];
}

/** Targets of the call, as sentences. */
export function targetSentences(r: CallRules): string[] {
  const t = r.targets;
  return [
    `Au moins ${pct(t.womenShare)} de femmes parmi les apprenants.`,
    `Au moins ${pct(t.priorityAreaShare)} d’apprenants résidant dans un quartier prioritaire de la politique de la ville (QPV) ou une zone de revitalisation rurale (ZRR/FRR).`,
    `Plus de ${pct(t.positiveOutcomeShare)} de sorties positives (emploi, alternance, poursuite de formation, création d’entreprise) dans les 3 mois.`,
    `Au moins ${plural(t.minLearnersPerSession, 'apprenant', 'apprenants')} des publics de la GEN par session, et au moins ${plural(t.minSessionsPerYear, 'session', 'sessions')} par an.`,
    `Au moins ${pct(t.minSupportShareOfHours)} des heures de formation consacrées à l’accompagnement socio-professionnel et au soutien pédagogique.`,
  ];
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

function annualDue(mmdd: string): string {
  const [m, d] = mmdd.split('-').map(Number);
  return `${d === 1 ? '1er' : d} ${MONTHS[(m ?? 1) - 1] ?? ''}`;
}
