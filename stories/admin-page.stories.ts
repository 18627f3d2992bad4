import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { StoryMockConfig } from './support/mock.js';

/**
 * The kit inside a host's admin product: the security settings page of a salon's back
 * office, with its navigation, page header and sections, and the deskguard elements in
 * them at heading level 3. The shell is the host's (plain HTML and CSS here); the
 * elements take its colour scheme, direction and language. At narrow widths the
 * navigation becomes a row that scrolls sideways.
 */
const shell = html`
  <style>
    .admin {
      --shell-bg: light-dark(#f6f7f9, #111214);
      --shell-surface: light-dark(#ffffff, #1c1c21);
      --shell-text: light-dark(#1d1d21, #ececf1);
      --shell-muted: light-dark(#53535d, #b9b9c3);
      --shell-line: light-dark(#e1e2e6, #2f3037);
      --shell-accent: light-dark(#0b57d0, #a8c7fa);
      display: grid;
      grid-template-columns: 15rem minmax(0, 1fr);
      grid-template-rows: auto 1fr;
      min-block-size: 100vh;

      background: var(--shell-bg);
      color: var(--shell-text);
      font-family:
        system-ui,
        -apple-system,
        'Segoe UI',
        Roboto,
        sans-serif;
    }
    .admin header {
      grid-column: 1 / -1;
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      padding: 0.75rem 1.25rem;
      background: var(--shell-surface);
      border-block-end: 1px solid var(--shell-line);
    }
    .admin .brand {
      font-weight: 700;
    }
    .admin .who {
      color: var(--shell-muted);
      font-size: 0.875rem;
    }
    .admin nav {
      padding: 1rem 0.75rem;
      border-inline-end: 1px solid var(--shell-line);
    }
    .admin nav ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 2px;
    }
    .admin nav a {
      display: block;
      padding: 0.5rem 0.75rem;
      border-radius: 6px;
      color: inherit;
      text-decoration: none;
    }
    .admin nav a[aria-current='page'] {
      background: light-dark(#e8f0fe, #1f2a3d);
      color: var(--shell-accent);
      font-weight: 600;
    }
    .admin main {
      padding: 1.5rem clamp(1rem, 3vw, 2.5rem) 3rem;
      display: grid;
      gap: 2rem;
      align-content: start;
      max-inline-size: 64rem;
    }
    .admin .crumbs {
      color: var(--shell-muted);
      font-size: 0.875rem;
      margin: 0 0 0.25rem;
    }
    .admin h1 {
      margin: 0;
      font-size: 1.5rem;
    }
    .admin .lead {
      margin: 0.25rem 0 0;
      color: var(--shell-muted);
    }
    .admin section {
      display: grid;
      gap: 0.75rem;
    }
    .admin h2 {
      margin: 0;
      font-size: 1.125rem;
    }
    @media (max-width: 48rem) {
      .admin {
        grid-template-columns: minmax(0, 1fr);
      }
      .admin nav {
        border-inline-end: 0;
        border-block-end: 1px solid var(--shell-line);
        padding: 0.5rem 1rem;
      }
      .admin nav ul {
        display: flex;
        overflow-x: auto;
        gap: 0.25rem;
      }
      .admin nav a {
        white-space: nowrap;
      }
    }
  </style>
`;

/** The host's own words, in the page's language: the shell is the host's to translate. */
const WORDS = {
  en: {
    brand: 'Lumen Hair & Spa · Back office',
    who: 'Marcus Webb · Admin',
    nav: 'Back office',
    links: ['Dashboard', 'Appointments', 'Clients', 'Staff', 'Reports', 'Security', 'Settings'],
    crumbs: 'Settings / Security',
    title: 'Security',
    lead: 'Who sees client contacts, and which online logins may claim a client profile.',
    contacts: 'Client contacts',
    logins: 'Online logins',
  },
  ar: {
    brand: 'لومن للشعر والسبا · الإدارة',
    who: 'Marcus Webb · مسؤول',
    nav: 'الإدارة',
    links: ['لوحة المعلومات', 'المواعيد', 'العملاء', 'الموظفون', 'التقارير', 'الأمان', 'الإعدادات'],
    crumbs: 'الإعدادات / الأمان',
    title: 'الأمان',
    lead: 'من يرى جهات اتصال العملاء، وأي حسابات على الإنترنت يمكنها المطالبة بملف عميل.',
    contacts: 'جهات اتصال العملاء',
    logins: 'الحسابات على الإنترنت',
  },
};
const ANCHORS = ['dashboard', 'appointments', 'clients', 'staff', 'reports', 'security', 'settings'];

const meta: Meta = {
  title: 'Pages/Admin product: security settings',
  render: (_args, { globals }) => {
    const w = globals.locale === 'ar' ? WORDS.ar : WORDS.en;
    return html`
      ${shell}
      <div class="admin">
        <header>
          <span class="brand">${w.brand}</span>
          <span class="who">${w.who}</span>
        </header>
        <nav aria-label=${w.nav}>
          <ul>
            ${ANCHORS.map(
              (anchor, i) =>
                html`<li>
                  <a href="#${anchor}" aria-current=${anchor === 'security' ? 'page' : nothing}>${w.links[i]}</a>
                </li>`,
            )}
          </ul>
        </nav>
        <main>
          <div>
            <p class="crumbs">${w.crumbs}</p>
            <h1>${w.title}</h1>
            <p class="lead">${w.lead}</p>
          </div>
          <section aria-labelledby="contacts">
            <h2 id="contacts">${w.contacts}</h2>
            <masking-settings heading-level="3"></masking-settings>
            <staff-override-list heading-level="3" warn-on-unload></staff-override-list>
          </section>
          <section aria-labelledby="logins">
            <h2 id="logins">${w.logins}</h2>
            <verification-report heading-level="3"></verification-report>
          </section>
        </main>
      </div>
    `;
  },
  parameters: { layout: 'fullscreen' },
};
export default meta;

const mock = (deskguard: StoryMockConfig) => ({ deskguard });

export const Desktop: StoryObj = { name: 'Admin, masking on', parameters: mock({ business: 'premium-new' }) };
export const Dark: StoryObj = {
  name: 'Admin, dark theme',
  globals: { theme: 'dark' },
  parameters: mock({ business: 'premium-new' }),
};
export const Arabic: StoryObj = {
  name: 'Admin, in Arabic (right to left)',
  // The language is the page's: a docs page shows every story in one language, so not this one.
  tags: ['!autodocs'],
  globals: { locale: 'ar' },
  parameters: mock({ business: 'premium-new' }),
};
export const FrontDesk: StoryObj = {
  name: 'Front-desk staff (read-only)',
  parameters: mock({ business: 'premium-new', viewer: 'front-desk' }),
};
