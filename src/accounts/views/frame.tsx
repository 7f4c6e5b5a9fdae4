/** The narrow centred column shared by the account pages. */
import type { Child } from 'hono/jsx';
import { Layout, type PageContext } from '../../platform/views/layout.js';

/** A page of the accounts domain: one column, the title as the page's only h1. */
export function AccountFrame(props: { ctx: PageContext; title: string; hasErrors?: boolean; wide?: boolean; children?: Child }) {
  return (
    <Layout ctx={props.ctx} title={props.title} hasErrors={props.hasErrors}>
      <div class="fr-grid-row fr-grid-row--center">
        <div class={props.wide ? 'fr-col-12 fr-col-lg-10' : 'fr-col-12 fr-col-md-8 fr-col-lg-6'}>
          <h1>{props.title}</h1>
          {props.children}
        </div>
      </div>
    </Layout>
  );
}

/** Hint shown under every new-password field. */
export const PASSWORD_HINT = 'Au moins 12 caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.';
