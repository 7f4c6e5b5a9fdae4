/** The mails of the accounts domain, in French, framed by the platform's composeMail. */
import { composeMail, type Mail } from '../platform/mail/mail.js';

/** Link to confirm the address given at sign-up. */
export function confirmationMail(to: string, fullName: string, url: string): Mail {
  return composeMail({
    template: 'account.confirmation', to, subject: 'Confirmez votre adresse électronique',
    greeting: `Bonjour ${fullName},`,
    paragraphs: ['Vous venez de créer un compte sur la plateforme du label Grande École du Numérique.', 'Pour l’activer, confirmez votre adresse électronique :'],
    action: { label: 'Confirmer mon adresse', url },
    after: ['Ce lien est valable 24 heures et ne fonctionne qu’une fois.', 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : aucun compte ne sera activé.'],
  });
}

/** Someone tried to create an account with an address that already has one. */
export function accountExistsMail(to: string, resetUrl: string): Mail {
  return composeMail({
    template: 'account.exists', to, subject: 'Tentative de création de compte',
    paragraphs: [
      'Quelqu’un a essayé de créer un compte sur la plateforme du label Grande École du Numérique avec votre adresse électronique. Un compte existe déjà à cette adresse : aucun nouveau compte n’a été créé.',
      'Si c’était vous et que vous avez oublié votre mot de passe, vous pouvez le réinitialiser :',
    ],
    action: { label: 'Réinitialiser mon mot de passe', url: resetUrl },
    after: ['Si ce n’était pas vous, ignorez ce message : votre compte n’a pas été modifié.'],
  });
}

/** Link to choose a new password. */
export function resetMail(to: string, url: string): Mail {
  return composeMail({
    template: 'account.password_reset', to, subject: 'Réinitialisation de votre mot de passe',
    paragraphs: ['Vous avez demandé à réinitialiser le mot de passe de votre compte sur la plateforme du label Grande École du Numérique.'],
    action: { label: 'Choisir un nouveau mot de passe', url },
    after: ['Ce lien est valable 1 heure et ne fonctionne qu’une fois.', 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.'],
  });
}

/** Notice that the password was changed (so a stolen account is noticed). */
export function passwordChangedMail(to: string, loginUrl: string): Mail {
  return composeMail({
    template: 'account.password_changed', to, subject: 'Votre mot de passe a été modifié',
    paragraphs: [
      'Le mot de passe de votre compte sur la plateforme du label Grande École du Numérique vient d’être modifié. Vos autres connexions ont été fermées.',
      'Si vous n’êtes pas à l’origine de ce changement, réinitialisez immédiatement votre mot de passe depuis la page de connexion et prévenez l’équipe de la GEN.',
    ],
    action: { label: 'Aller à la page de connexion', url: loginUrl },
  });
}

/** Link to confirm a new address, sent to that new address. */
export function emailChangeMail(to: string, fullName: string, url: string): Mail {
  return composeMail({
    template: 'account.email_change', to, subject: 'Confirmez votre nouvelle adresse électronique',
    greeting: `Bonjour ${fullName},`,
    paragraphs: [
      'Vous avez demandé à utiliser cette adresse électronique pour votre compte sur la plateforme du label Grande École du Numérique.',
      'Pour terminer le changement, confirmez-la :',
    ],
    action: { label: 'Confirmer ma nouvelle adresse', url },
    after: [
      'Ce lien est valable 24 heures et ne fonctionne qu’une fois. Tant qu’il n’est pas utilisé, votre ancienne adresse reste celle du compte.',
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne sera modifié.',
    ],
  });
}

/** Someone asked to move another account to an address that already has one: nothing changes. */
export function emailChangeTakenMail(to: string, resetUrl: string): Mail {
  return composeMail({
    template: 'account.email_change_taken', to, subject: 'Demande de changement d’adresse électronique',
    paragraphs: [
      'Quelqu’un a demandé à utiliser votre adresse électronique pour un autre compte de la plateforme du label Grande École du Numérique. Un compte existe déjà à cette adresse : rien n’a été modifié.',
      'Si vous avez oublié le mot de passe de ce compte, vous pouvez le réinitialiser :',
    ],
    action: { label: 'Réinitialiser mon mot de passe', url: resetUrl },
    after: ['Si ce n’était pas vous, ignorez ce message.'],
  });
}

/** Notice to the former address that the account now uses another one. */
export function emailChangedMail(to: string, newEmail: string, loginUrl: string): Mail {
  return composeMail({
    template: 'account.email_changed', to, subject: 'L’adresse électronique de votre compte a été modifiée',
    paragraphs: [
      `L’adresse électronique de votre compte sur la plateforme du label Grande École du Numérique est désormais ${newEmail}. Les prochains courriels de la plateforme y seront envoyés, et c’est elle qui sert à vous connecter.`,
      'Si vous n’êtes pas à l’origine de ce changement, prévenez immédiatement l’équipe de la GEN : votre compte a peut-être été utilisé par quelqu’un d’autre.',
    ],
    action: { label: 'Aller à la page de connexion', url: loginUrl },
  });
}

/** Notice that an administrator reset the second factor: a new enrolment is asked at next login. */
export function totpResetMail(to: string, loginUrl: string): Mail {
  return composeMail({
    template: 'account.totp_reset', to, subject: 'Votre double authentification a été réinitialisée',
    paragraphs: [
      'Un administrateur de la plateforme du label Grande École du Numérique a réinitialisé la double authentification de votre compte, à votre demande ou parce que votre appareil a été déclaré perdu. Vos connexions en cours ont été fermées et vos anciens codes de secours ne fonctionnent plus.',
      'À votre prochaine connexion, après votre mot de passe, vous devrez l’activer de nouveau avec votre application d’authentification.',
      'Si vous n’avez rien demandé, prévenez immédiatement l’équipe de la GEN.',
    ],
    action: { label: 'Se connecter', url: loginUrl },
  });
}
