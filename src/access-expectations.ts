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

  // Review (instruction): staff workspace, one application's review, committee, labels
  'GET /gestion/candidatures': ['instructor', 'admin'],
  'GET /gestion/candidatures/export.csv': ['instructor', 'admin'],
  'GET /gestion/candidatures/export.xlsx': ['instructor', 'admin'],
  'GET /gestion/candidatures/:applicationId': ['instructor', 'admin', 'committee'],
  'POST /gestion/candidatures/:applicationId/instructeurs': ['instructor', 'admin'],
  'POST /gestion/candidatures/:applicationId/instructeurs/retirer': ['instructor', 'admin'],
  'POST /gestion/candidatures/:applicationId/conflit': ['instructor', 'admin', 'committee'],
  'GET /gestion/candidatures/:applicationId/recevabilite': ['instructor', 'admin'],
  'POST /gestion/candidatures/:applicationId/recevabilite': ['instructor', 'admin'],
  'POST /gestion/candidatures/:applicationId/recevabilite/decision': ['instructor', 'admin'],
  'GET /gestion/candidatures/:applicationId/notation': ['instructor', 'admin'],
  'POST /gestion/candidatures/:applicationId/notation': ['instructor', 'admin'],
  'GET /gestion/comite': ['instructor', 'admin', 'committee'],
  'POST /gestion/comite': ['instructor', 'admin'],
  'GET /gestion/comite/:meetingId': ['instructor', 'admin', 'committee'],
  'GET /gestion/comite/:meetingId/decisions/:applicationId': ['instructor', 'admin'],
  'POST /gestion/comite/:meetingId/decisions/:applicationId': ['instructor', 'admin'],
  'GET /gestion/comite/:meetingId/proces-verbal': ['instructor', 'admin', 'committee'],
  'POST /gestion/comite/:meetingId/proces-verbal': ['instructor', 'admin'],
  'GET /gestion/labels': ['instructor', 'admin', 'monitoring', 'committee'],

  // Support desk: contact (no account), private follow-up link, the requester's space, help centre
  'GET /contact': 'public',
  'POST /contact': 'public',
  'GET /contact/envoyee': 'public',
  'GET /demande/:token': 'public',
  'POST /demande/:token/repondre': 'public',
  'POST /demande/:token/avis': 'public',
  'GET /demande/:token/pieces/:fileId': 'public',
  'GET /compte/demandes': 'signedIn',
  'GET /compte/demandes/:ticketId': 'signedIn',
  'POST /compte/demandes/:ticketId/repondre': 'signedIn',
  'POST /compte/demandes/:ticketId/avis': 'signedIn',
  'GET /compte/demandes/:ticketId/pieces/:fileId': 'signedIn',
  'GET /aide': 'public',
  'GET /aide/:slug': 'public',
  // Support desk, staff side (tickets are further filtered by topic, see src/support/support.ts TOPIC_ROLES)
  'GET /gestion/support': ['admin', 'instructor', 'monitoring'],
  'GET /gestion/support/:ticketId': ['admin', 'instructor', 'monitoring'],
  'GET /gestion/support/:ticketId/pieces/:fileId': ['admin', 'instructor', 'monitoring'],
  'POST /gestion/support/:ticketId/repondre': ['admin', 'instructor', 'monitoring'],
  'POST /gestion/support/:ticketId/note': ['admin', 'instructor', 'monitoring'],
  'POST /gestion/support/:ticketId/statut': ['admin', 'instructor', 'monitoring'],
  'POST /gestion/support/:ticketId/classement': ['admin', 'instructor', 'monitoring'],
  'POST /gestion/support/:ticketId/fusion': ['admin', 'instructor', 'monitoring'],
  'GET /gestion/support/aide': ['admin', 'instructor', 'monitoring'],
  'GET /gestion/support/aide/nouvel-article': ['admin', 'instructor', 'monitoring'],
  'POST /gestion/support/aide/nouvel-article': ['admin', 'instructor', 'monitoring'],
  'GET /gestion/support/aide/:articleId': ['admin', 'instructor', 'monitoring'],
  'POST /gestion/support/aide/:articleId': ['admin', 'instructor', 'monitoring'],
  'GET /gestion/support/reponses-types': ['admin', 'instructor', 'monitoring'],
  'POST /gestion/support/reponses-types': ['admin', 'instructor', 'monitoring'],
  'POST /gestion/support/reponses-types/:macroId': ['admin', 'instructor', 'monitoring'],
  'POST /gestion/support/reponses-types/:macroId/supprimer': ['admin', 'instructor', 'monitoring'],
};
