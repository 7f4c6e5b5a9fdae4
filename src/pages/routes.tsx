/** Public information pages: home, accessibility statement, legal notice, personal data, site map (contact: src/support). */
import type { Module } from '../platform/http/app.js';
import { PUBLIC } from '../platform/http/access.js';
import { render, pageContext } from '../platform/http/render.js';
import { Layout } from '../platform/views/layout.js';
import { HomePage } from './views/home.js';
import { AccessibilityPage, LegalPage, PersonalDataPage, SiteMapPage } from './views/static-pages.js';

/** Routes of the public pages. */
export const pagesModule: Module = (r) => {
  r.get('/', PUBLIC, (c) => render(c, <HomePage ctx={pageContext(c)} />));
  r.get('/accessibilite', PUBLIC, (c) => render(c, <AccessibilityPage ctx={pageContext(c)} />));
  r.get('/mentions-legales', PUBLIC, (c) => render(c, <LegalPage ctx={pageContext(c)} />));
  r.get('/donnees-personnelles', PUBLIC, (c) => render(c, <PersonalDataPage ctx={pageContext(c)} />));
  r.get('/plan-du-site', PUBLIC, (c) => render(c, <SiteMapPage ctx={pageContext(c)} />));
  void Layout;
};
