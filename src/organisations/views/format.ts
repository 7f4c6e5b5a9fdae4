/** Display formats shared by the organisation pages. */

/** A SIRET shown in groups: 792 676 405 00045. */
export function formatSiret(siret: string): string {
  return siret.length === 14 ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : siret;
}

/** A date and time in Paris, JJ/MM/AAAA. */
export function formatDate(d: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}
