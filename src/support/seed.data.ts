/** The texts of the demo help centre and saved replies (Markdown). */
import type { Topic } from './support.js';

/** Demo articles, two per topic. */
export const DEMO_ARTICLES: { slug: string; topic: Topic; title: string; body: string; position: number; published: boolean }[] = [
  { slug: 'qui-peut-candidater', topic: 'applying', position: 10, published: true, title: 'Qui peut candidater au label ?',
    body: '# Les organismes concernés\n\nTout organisme de formation déclaré (**NDA**) qui propose une formation aux métiers du numérique peut candidater.\n\n- être certifié Qualiopi, ou avoir signé un contrat avec un certificateur ;\n- accueillir au moins 30 % de personnes résidant en quartier prioritaire ou en zone rurale ;\n- viser un retour à l’emploi.\n\nConsultez les [appels à labellisation](/appels) ouverts.' },
  { slug: 'deposer-une-candidature', topic: 'applying', position: 20, published: true, title: 'Déposer une candidature pas à pas',
    body: '1. Créez un compte et votre organisme.\n2. Remplissez chaque section du dossier : tout est enregistré au fur et à mesure.\n3. Joignez les pièces (PDF, images ou documents bureautiques).\n4. Déposez avant la date du relevé : vous recevez un récépissé `GEN-AAAA-NNNNN`.' },
  { slug: 'trouver-une-formation-labellisee', topic: 'labelled_training', position: 10, published: true, title: 'Trouver une formation labellisée près de chez moi',
    body: 'Les formations labellisées sont gratuites ou financées pour les apprenants. Adressez-vous à votre conseiller France Travail, Mission locale ou Cap emploi, qui connaît les sessions à venir.' },
  { slug: 'financement-des-formations', topic: 'labelled_training', position: 20, published: true, title: 'Qui finance les formations labellisées ?',
    body: 'Le label n’est pas un financement : chaque organisme mobilise des financements (Région, France Travail, OPCO…). Une *subvention d’amorçage* peut aider les premières sessions.' },
  { slug: 'faire-une-reclamation', topic: 'complaint', position: 10, published: true, title: 'Faire une réclamation sur une formation',
    body: 'Vous pouvez signaler un problème sur une formation labellisée : session annulée, contenu différent de celui annoncé, accueil, accessibilité.\n\n**L’équipe de suivi-évaluation** étudie chaque réclamation et peut organiser un contrôle sur site. Votre identité n’est communiquée à l’organisme qu’avec votre accord.' },
  { slug: 'suite-donnee-aux-reclamations', topic: 'complaint', position: 20, published: true, title: 'Quelle suite est donnée à une réclamation ?',
    body: '- un accusé de réception avec un numéro de suivi ;\n- un échange avec l’organisme si nécessaire ;\n- le cas échéant, un contrôle, voire une suspension ou un retrait du label.' },
  { slug: 'exercer-mes-droits', topic: 'data_protection', position: 10, published: true, title: 'Exercer mes droits sur mes données personnelles',
    body: 'Vous pouvez demander l’accès, la rectification ou l’effacement de vos données. Précisez dans votre demande le compte ou la formation concernés. Voir aussi la page [Données personnelles](/donnees-personnelles).' },
  { slug: 'duree-de-conservation', topic: 'data_protection', position: 20, published: true, title: 'Combien de temps mes données sont-elles conservées ?',
    body: 'Les données nominatives des apprenants sont supprimées à la fin de la durée de suivi prévue par la convention ; seules des statistiques anonymes restent.' },
  { slug: 'lien-de-confirmation-expire', topic: 'technical', position: 10, published: true, title: 'Mon lien de confirmation a expiré',
    body: 'Demandez un nouveau lien depuis la page [Créer un compte](/inscription/renvoyer). Le lien est valable 24 heures.' },
  { slug: 'double-authentification', topic: 'technical', position: 20, published: true, title: 'J’ai perdu mon application de double authentification',
    body: 'Utilisez l’un de vos **codes de secours**. Si vous n’en avez plus, écrivez-nous en précisant l’adresse de votre compte : nous vérifierons votre identité avant de réinitialiser le second facteur.' },
  { slug: 'qu-est-ce-que-la-gen', topic: 'other', position: 10, published: true, title: 'Qu’est-ce que la Grande École du Numérique ?',
    body: 'Un groupement d’intérêt public qui labellise des formations aux métiers du numérique ouvertes à tous, en particulier aux personnes éloignées de l’emploi.' },
  { slug: 'accessibilite-de-la-plateforme', topic: 'other', position: 20, published: true, title: 'Signaler un problème d’accessibilité',
    body: 'Si un contenu vous est inaccessible, écrivez-nous : nous vous proposerons une alternative. Voir la [déclaration d’accessibilité](/accessibilite).' },
];

/** Demo saved replies. */
export const DEMO_MACROS: { title: string; body: string }[] = [
  { title: 'Accusé de prise en charge', body: 'Bonjour,\n\nNous avons bien pris en charge votre demande et revenons vers vous dans les meilleurs délais.\n\nBien cordialement,' },
  { title: 'Réclamation transmise au suivi-évaluation', body: 'Bonjour,\n\nVotre réclamation a été transmise à l’équipe de suivi-évaluation des formations labellisées. Elle pourra contacter l’organisme ; votre identité ne lui sera communiquée qu’avec votre accord.\n\nBien cordialement,' },
  { title: 'Renvoi vers le centre d’aide', body: 'Bonjour,\n\nVous trouverez la réponse à votre question dans notre centre d’aide : https://label.grandeecolenumerique.fr/aide\n\nBien cordialement,' },
];
