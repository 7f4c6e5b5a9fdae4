/** URLs of the application pages, in one place. */
import type { SectionKey } from '../sections/definitions.js';
import { sectionByKey } from '../sections/catalogue.js';

/** The list of an organisation's applications. */
export const listPath = (orgId: string) => `/organisations/${orgId}/candidatures`;
/** The task list of an application. */
export const appPath = (orgId: string, appId: string) => `${listPath(orgId)}/${appId}`;
/** A section's page. */
export const sectionPath = (orgId: string, appId: string, key: SectionKey) => `${appPath(orgId, appId)}/sections/${sectionByKey(key).slug}`;
/** The documents page. */
export const documentsPath = (orgId: string, appId: string) => `${appPath(orgId, appId)}/pieces`;
/** The summary and submission page. */
export const summaryPath = (orgId: string, appId: string) => `${appPath(orgId, appId)}/recapitulatif`;
/** The withdrawal page. */
export const withdrawPath = (orgId: string, appId: string) => `${appPath(orgId, appId)}/retrait`;
/** Where a pre-check link points. */
export const linkPath = (orgId: string, appId: string, link: { section: SectionKey | 'documents'; field?: string }) =>
  `${link.section === 'documents' ? documentsPath(orgId, appId) : sectionPath(orgId, appId, link.section)}${link.field ? `#${link.field}` : ''}`;
/** The resubmission page (after corrections). */
export const resubmitPath = (orgId: string, appId: string) => `${appPath(orgId, appId)}/redeposer`;
/** The receipt of the latest deposit (or of deposit n). */
export const receiptPath = (orgId: string, appId: string, sequence?: number) => `${appPath(orgId, appId)}/recepisse.pdf${sequence ? `?depot=${sequence}` : ''}`;
/** The full application as a PDF. */
export const dossierPdfPath = (orgId: string, appId: string) => `${appPath(orgId, appId)}/dossier.pdf`;
/** The renewal page (a new draft copied from this application). */
export const renewPath = (orgId: string, appId: string) => `${appPath(orgId, appId)}/renouveler`;
