/** The public page of one labelled training, with schema.org Course data and the label check link and QR code. */
import { Layout, type PageContext } from '../../platform/views/layout.js';
import { MODALITY_LABELS, upcomingSessions, type CatalogueEntry, type EntryPlace } from '../search.js';
import { longDate, frNumber, plural, trainingPath, checkPath, IMMERSION_LABELS } from './format.js';
import { departement as departementOf, region as regionOf } from '../geo.js';

/** Props of the training page. */
export interface TrainingPageProps { ctx: PageContext; entry: CatalogueEntry; today: string; baseUrl: string; qrDataUrl: string }

const COURSE_MODE: Record<string, string> = { presentiel: 'onsite', distance: 'online', hybride: 'blended' };

/** schema.org Course of an entry (JSON-LD). */
export function courseJsonLd(e: CatalogueEntry, today: string, baseUrl: string): Record<string, unknown> {
  const url = `${baseUrl}${trainingPath(e.number)}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    '@id': url,
    url,
    name: e.title,
    description: e.summary || e.title,
    courseCode: e.number,
    provider: { '@type': 'Organization', name: e.organisation.name, ...(e.organisation.siret ? { identifier: e.organisation.siret } : {}) },
    ...(e.cert.title ? { educationalCredentialAwarded: { '@type': 'EducationalOccupationalCredential', name: e.cert.title, ...(e.cert.code ? { identifier: e.cert.code } : {}), ...(e.cert.level ? { educationalLevel: `Niveau ${e.cert.level}` } : {}) } } : {}),
    ...(e.duration.totalHours ? { timeRequired: `PT${Math.round(e.duration.totalHours)}H` } : {}),
    inLanguage: 'fr',
    isAccessibleForFree: true,
    hasCourseInstance: upcomingSessions(e, today).map((s) => ({
      '@type': 'CourseInstance',
      name: s.name,
      startDate: s.start,
      ...(s.end ? { endDate: s.end } : {}),
      courseMode: COURSE_MODE[s.modality ?? e.modalities[0] ?? 'presentiel'],
      ...(s.place || e.places[0] ? { location: placeLd((s.place ?? e.places[0])!) } : {}),
    })),
  };
}

function placeLd(p: EntryPlace) {
  return {
    '@type': 'Place', name: p.name,
    address: { '@type': 'PostalAddress', streetAddress: p.address, postalCode: p.postcode, addressLocality: p.city, addressCountry: 'FR' },
    ...(p.lat !== null && p.lon !== null ? { geo: { '@type': 'GeoCoordinates', latitude: p.lat, longitude: p.lon } } : {}),
  };
}

/** JSON safe inside a script element: "<" never appears raw. */
export function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function QpvStatus({ p }: { p: EntryPlace }) {
  if (p.qpv === undefined) return <span>non déterminé</span>;
  if (p.qpv === null) return <span>hors quartier prioritaire</span>;
  return <span>en quartier prioritaire ({p.qpv.name !== p.qpv.code ? `${p.qpv.name}, ` : ''}{p.qpv.code})</span>;
}

function area(p: EntryPlace): string {
  const d = p.departement ? departementOf(p.departement)?.name : null;
  const r = p.region ? regionOf(p.region)?.name : null;
  return [d, r].filter(Boolean).join(', ');
}

/** The training page. */
export function TrainingPage({ ctx, entry: e, today, baseUrl, qrDataUrl }: TrainingPageProps) {
  const upcoming = upcomingSessions(e, today);
  const d = e.duration;
  return (
    <Layout ctx={ctx} title={e.title} breadcrumb={[{ label: 'Trouver une formation', href: '/formations' }]}>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(courseJsonLd(e, today, baseUrl)) }} />
      <h1>{e.title}</h1>
      <p class="fr-text--lead">{e.organisation.name}</p>
      <ul class="fr-tags-group fr-mb-3w">
        {e.family ? <li><p class="fr-tag">{e.family.title}</p></li> : null}
        {e.modalities.map((m) => <li><p class="fr-tag">{MODALITY_LABELS[m]}</p></li>)}
        {e.workStudy ? <li><p class="fr-tag">Alternance possible</p></li> : null}
      </ul>
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-8">
          <h2>La formation</h2>
          {e.summary ? e.summary.split(/\n+/).map((para) => <p>{para}</p>) : <p>L’organisme n’a pas encore publié de description.</p>}
          {e.targetJobs ? <p><strong>Métiers visés :</strong> {e.targetJobs}{e.romeCodes.length > 0 ? ` (codes ROME ${e.romeCodes.join(', ')})` : ''}</p> : null}
          <h2>Certification</h2>
          <dl class="lg-catalogue-facts">
            <dt>Intitulé</dt><dd>{e.cert.title ?? 'Non renseigné'}</dd>
            <dt>Répertoire et code</dt><dd>{e.cert.register === 'RS' ? 'Répertoire spécifique' : e.cert.register ?? 'Non renseigné'}{e.cert.code ? ` – ${e.cert.code}` : ''}</dd>
            <dt>Niveau</dt><dd>{e.cert.level ? `Niveau ${e.cert.level}` : 'Sans niveau'}</dd>
          </dl>
          <h2>Durée et rythme</h2>
          <dl class="lg-catalogue-facts">
            <dt>Durée</dt><dd>{d.totalHours !== null ? `${frNumber(d.totalHours)} heures` : 'Non renseignée'}{d.months !== null ? ` sur ${frNumber(d.months)} mois` : ''}</dd>
            {d.centreHours !== null || d.distanceHours !== null ? <><dt>Répartition</dt><dd>{frNumber(d.centreHours ?? 0)} h en centre, {frNumber(d.distanceHours ?? 0)} h à distance</dd></> : null}
            {d.weeklyHours !== null ? <><dt>Heures par semaine</dt><dd>{frNumber(d.weeklyHours)} h</dd></> : null}
            {d.rhythm ? <><dt>Rythme</dt><dd>{d.rhythm}</dd></> : null}
            {d.immersionType ? <><dt>Immersion professionnelle</dt><dd>{IMMERSION_LABELS[d.immersionType] ?? d.immersionType}{d.immersionWeeks ? ` de ${plural(d.immersionWeeks, 'semaine', 'semaines')}` : ''}</dd></> : null}
            <dt>Modalité</dt><dd>{e.modalities.length > 0 ? e.modalities.map((m) => MODALITY_LABELS[m]).join(', ') : 'Non renseignée'}</dd>
          </dl>
          <h2>Prochaines sessions</h2>
          {upcoming.length === 0 ? <p>Aucune session annoncée pour le moment. Contactez l’organisme pour connaître les prochaines dates.</p> : (
            <ul class="lg-catalogue-sessions">
              {upcoming.map((s) => (
                <li>
                  <strong>Du {longDate(s.start)}{s.end ? ` au ${longDate(s.end)}` : ''}</strong>{s.provisional ? ' (dates prévisionnelles)' : ''}
                  {' – '}{s.place ? `${s.place.city}${s.modality ? `, ${MODALITY_LABELS[s.modality].toLowerCase()}` : ''}` : s.modality ? MODALITY_LABELS[s.modality] : 'voir les lieux'}
                  {' – '}{s.places !== null ? plural(s.places, 'place', 'places') : 'nombre de places non communiqué'}
                  {s.places !== null && s.placesLeft !== null && s.placesLeft !== s.places ? (s.placesLeft === 0 ? ', session complète' : `, dont ${plural(s.placesLeft, 'place restante', 'places restantes')}`) : ''}
                </li>
              ))}
            </ul>
          )}
          <h2>Lieux de formation</h2>
          {e.places.length === 0 ? <p>Lieux non renseignés.</p> : (
            <ul>
              {e.places.map((p) => (
                <li><strong>{p.name}</strong> – {p.address}, {p.postcode} {p.city}{area(p) ? ` (${area(p)})` : ''} – <QpvStatus p={p} /></li>
              ))}
            </ul>
          )}
        </div>
        <div class="fr-col-12 fr-col-md-4 lg-aside-cards">
          <div class="fr-card fr-mb-3w">
            <div class="fr-card__body"><div class="fr-card__content">
              <h2 class="fr-card__title">Contacter l’organisme</h2>
              <div class="fr-card__desc">
                <p class="fr-mb-1w">{e.organisation.name}{e.organisation.city ? ` (${e.organisation.city})` : ''}</p>
                {e.organisation.email ? <p class="fr-mb-1w">Courriel : <a href={`mailto:${e.organisation.email}`}>{e.organisation.email}</a></p> : null}
                {e.organisation.phone ? <p class="fr-mb-1w">Téléphone : <a href={`tel:${e.organisation.phone.replace(/\s/g, '')}`}>{e.organisation.phone}</a></p> : null}
                {e.organisation.siret ? <p class="fr-mb-0">SIRET : {e.organisation.siret}</p> : null}
              </div>
            </div></div>
          </div>
          <div class="fr-card">
            <div class="fr-card__body"><div class="fr-card__content">
              <h2 class="fr-card__title">Label Grande École du Numérique</h2>
              <div class="fr-card__desc">
                <p class="fr-mb-1w">Numéro de label : <strong>{e.number}</strong></p>
                <p class="fr-mb-1w">Valable du {longDate(e.validFrom)} au {longDate(e.validUntil)}</p>
                <p class="fr-mb-1w"><a href={checkPath(e.number)}>Vérifier ce label</a></p>
                <img class="lg-catalogue-qr" src={qrDataUrl} width={160} height={160} alt={`Code QR menant à la page de vérification du label ${e.number}`} />
              </div>
            </div></div>
          </div>
        </div>
      </div>
    </Layout>
  );
}

/** A training that is no longer (or never was) in the catalogue. */
export function TrainingGonePage({ ctx, number }: { ctx: PageContext; number: string }) {
  return (
    <Layout ctx={ctx} title="Formation introuvable" breadcrumb={[{ label: 'Trouver une formation', href: '/formations' }]}>
      <h1>Formation introuvable</h1>
      <p>Aucune formation labellisée en cours ne porte le numéro {number}. Le label a pu être suspendu, retiré ou arriver à son terme.</p>
      <ul>
        <li><a href={checkPath(number)}>Vérifier le label {number}</a></li>
        <li><a href="/formations">Chercher une autre formation</a></li>
      </ul>
    </Layout>
  );
}
