/** TOTP enrolment (QR code and secret) and the one-time display of recovery codes. */
import { raw } from 'hono/html';
import type { PageContext } from '../../platform/views/layout.js';
import { ErrorSummary, Form, Input, Submit, type FormState } from '../../platform/views/ui.js';
import { AccountFrame } from './frame.js';

/** The enrolment page; `qrSvg` is the qrcode library's own SVG output, never user input. */
export function TotpEnrolPage({ ctx, secret, qrSvg, required, state, action }: { ctx: PageContext; secret: string; qrSvg: string; required: boolean; state?: FormState; action: string }) {
  const grouped = secret.match(/.{1,4}/g)?.join(' ') ?? secret;
  return (
    <AccountFrame ctx={ctx} title="Activer la double authentification" hasErrors={!!state?.errors}>
      {required ? (
        <div class="fr-alert fr-alert--info fr-mb-4w">
          <p>Votre rôle à la GEN donne accès à des données personnelles : la double authentification est obligatoire avant d’accéder à l’espace GEN.</p>
        </div>
      ) : null}
      <ErrorSummary errors={state?.errors} />
      <ol>
        <li>Installez une application d’authentification sur votre téléphone (par exemple FreeOTP, Aegis, Google Authenticator ou Microsoft Authenticator).</li>
        <li>Dans l’application, ajoutez un compte en scannant ce QR code :
          <div class="lg-qr fr-my-2w" role="img" aria-label="QR code à scanner avec votre application d’authentification">{raw(qrSvg)}</div>
          Si vous ne pouvez pas scanner, saisissez cette clé dans l’application :
          <p class="lg-mono fr-text--lg" id="cle-totp">{grouped}</p>
        </li>
        <li>Saisissez ci-dessous le code à 6 chiffres que l’application affiche.</li>
      </ol>
      <Form action={action} csrf={ctx.csrfToken}>
        <Input name="code" label="Code à 6 chiffres" hint="Par exemple 123456" inputmode="numeric" state={state} autocomplete="one-time-code" maxlength={10} keepValue={false} />
        <Submit label="Activer" />
      </Form>
    </AccountFrame>
  );
}

/** Recovery codes, shown once (they are only stored hashed). */
export function RecoveryCodesPage({ ctx, codes, next }: { ctx: PageContext; codes: string[]; next: string }) {
  return (
    <AccountFrame ctx={ctx} title="Vos codes de secours">
      <div class="fr-alert fr-alert--warning fr-mb-4w">
        <p>Notez ou imprimez ces codes maintenant et gardez-les en lieu sûr : ils ne seront plus jamais affichés.</p>
      </div>
      <p>Chaque code permet une seule connexion si vous n’avez plus votre téléphone.</p>
      <ul class="lg-mono fr-text--lg">
        {codes.map((c) => <li>{c}</li>)}
      </ul>
      <p><a class="fr-btn" href={next}>J’ai noté mes codes, continuer</a></p>
    </AccountFrame>
  );
}
