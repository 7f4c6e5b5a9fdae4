/**
 * Who may use each route: the reviewed specification that the access-matrix test compares with
 * what every route really does, for every kind of visitor. A route missing here fails the test.
 *
 * Categories:
 * - 'public'      anyone;
 * - 'signedIn'    any signed-in user;
 * - 'orgMember'   members (and admins) of the organisation in :orgId; others get 404;
 * - 'orgAdmin'    admins of the organisation in :orgId; members get 403, others 404;
 * - StaffRole[]   staff holding one of these roles, with the second factor checked.
 */
import type { StaffRoleName } from './platform/auth/roles.js';

/** Expected access of a route. */
export type Expected = 'public' | 'signedIn' | 'orgMember' | 'orgAdmin' | StaffRoleName[];

/** Key: "METHOD /path" exactly as registered. */
export const EXPECTED: Record<string, Expected> = {
  // Public pages
  'GET /': 'public',
  'GET /accessibilite': 'public',
  'GET /mentions-legales': 'public',
  'GET /donnees-personnelles': 'public',
  'GET /plan-du-site': 'public',
  'GET /contact': 'public',

  // Accounts: sign-up, login, password, account page (own account only)
  'GET /inscription': 'public',
  'POST /inscription': 'public',
  'GET /inscription/envoyee': 'public',
  'GET /inscription/confirmer/:token': 'public',
  'POST /inscription/confirmer/:token': 'public',
  'GET /inscription/renvoyer': 'public',
  'POST /inscription/renvoyer': 'public',
  'GET /connexion': 'public',
  'POST /connexion': 'public',
  'GET /connexion/code': 'public',
  'POST /connexion/code': 'public',
  'POST /deconnexion': 'public',
  'GET /mot-de-passe-oublie': 'public',
  'POST /mot-de-passe-oublie': 'public',
  'GET /mot-de-passe-oublie/envoye': 'public',
  'GET /mot-de-passe/reinitialiser/:token': 'public',
  'POST /mot-de-passe/reinitialiser/:token': 'public',
  'GET /compte': 'signedIn',
  'GET /compte/mot-de-passe': 'signedIn',
  'POST /compte/mot-de-passe': 'signedIn',
  'GET /compte/double-authentification': 'signedIn',
  'POST /compte/double-authentification': 'signedIn',
  'POST /compte/codes-de-secours': 'signedIn',

  // Organisations (porteurs de projet) and their members
  'GET /organisations': 'signedIn',
  'GET /organisations/nouvelle': 'signedIn',
  'POST /organisations/nouvelle': 'signedIn',
  'GET /organisations/:orgId': 'orgMember',
  'POST /organisations/:orgId/choisir': 'orgMember',
  'GET /organisations/:orgId/modifier': 'orgAdmin',
  'POST /organisations/:orgId/modifier': 'orgAdmin',
  'GET /organisations/:orgId/inviter': 'orgAdmin',
  'POST /organisations/:orgId/inviter': 'orgAdmin',
  'POST /organisations/:orgId/invitations/:invitationId/annuler': 'orgAdmin',
  'POST /organisations/:orgId/membres/:userId/role': 'orgAdmin',
  'POST /organisations/:orgId/membres/:userId/retirer': 'orgAdmin',
  'POST /organisations/:orgId/quitter': 'orgMember',
  'GET /invitations/:token': 'public',
  'POST /invitations/:token': 'signedIn',

  // Calls (public)
  'GET /appels': 'public',
  'GET /appels/:slug': 'public',
  // Staff area
  'GET /gestion': ['instructor', 'monitoring', 'committee', 'admin'],
  'GET /gestion/utilisateurs': ['admin'],
  'GET /gestion/utilisateurs/:userId': ['admin'],
  'POST /gestion/utilisateurs/:userId/roles': ['admin'],
  'POST /gestion/utilisateurs/:userId/statut': ['admin'],
  'GET /gestion/journal': ['admin'],
  'GET /gestion/journal/integrite': ['admin'],
  'GET /gestion/courriels': ['admin'],
  'GET /gestion/courriels/:mailId': ['admin'],
  'GET /gestion/appels': ['admin'],
  'GET /gestion/appels/:callId': ['admin'],
  'POST /gestion/appels/:callId/regles': ['admin'],
  'POST /gestion/appels/:callId/releves': ['admin'],
  'POST /gestion/appels/:callId/ponderations': ['admin'],
  // Territory engine (public page, batch files, open API)
  'GET /territoire/adresse': 'public',
  'GET /territoire/api': 'public',
  'GET /territoire/fichier': 'public',
  'POST /territoire/fichier': 'public',
  'GET /territoire/fichier/:batchId/colonnes': 'public',
  'POST /territoire/fichier/:batchId/colonnes': 'public',
  'GET /territoire/fichier/:batchId': 'public',
  'GET /territoire/fichier/:batchId/etat': 'public',
  'GET /territoire/fichier/:batchId/resultats.csv': 'public',
  'GET /territoire/fichier/:batchId/resultats.xlsx': 'public',
  'GET /api/v1/openapi.json': 'public',
  'GET /api/v1/territoire/point': 'public',
  'GET /api/v1/territoire/adresse': 'public',
  'POST /api/v1/territoire/adresses': 'public',
  // Applications (candidatures) of an organisation: members only, others get 404
  'GET /organisations/:orgId/candidatures': 'orgMember',
  'GET /organisations/:orgId/candidatures/nouvelle': 'orgMember',
  'POST /organisations/:orgId/candidatures/nouvelle': 'orgMember',
  'GET /organisations/:orgId/candidatures/:appId': 'orgMember',
  'GET /organisations/:orgId/candidatures/:appId/sections/:section': 'orgMember',
  'POST /organisations/:orgId/candidatures/:appId/sections/:section': 'orgMember',
  'GET /organisations/:orgId/candidatures/:appId/recapitulatif': 'orgMember',
  'POST /organisations/:orgId/candidatures/:appId/recapitulatif/deposer': 'orgMember',
  'GET /organisations/:orgId/candidatures/:appId/retrait': 'orgMember',
  'POST /organisations/:orgId/candidatures/:appId/retrait': 'orgMember',
  'GET /organisations/:orgId/candidatures/:appId/pieces': 'orgMember',
  'POST /organisations/:orgId/candidatures/:appId/pieces': 'orgMember',
  'GET /organisations/:orgId/candidatures/:appId/pieces/:fileId': 'orgMember',
  'POST /organisations/:orgId/candidatures/:appId/pieces/:fileId/supprimer': 'orgMember',
};
