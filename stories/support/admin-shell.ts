import { html, nothing, type TemplateResult } from 'lit';
import { CORE_STAFF } from '../../mocks/index.js';
import type { StoryMockConfig } from './mock.js';

/**
 * A host's admin product around the kit: the back office of a salon, with its navigation,
 * page header and sections, and the deskguard elements in them at heading level 3. The
 * shell is the host's (plain HTML and CSS here); the elements take its colour scheme,
 * direction and language. At narrow widths the navigation becomes a row that scrolls
 * sideways. The header names whoever the story signs in.
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

type Language = 'en' | 'ar';
type Role = (typeof CORE_STAFF)[keyof typeof CORE_STAFF]['role'];

/** The host's own words, in the page's language: the shell is the host's to translate. */
const SHELL: Record<Language, { brand: string; nav: string; links: string[]; roles: Record<Role, string> }> = {
  en: {
    brand: 'Lumen Hair & Spa · Back office',
    nav: 'Back office',
    links: ['Dashboard', 'Appointments', 'Clients', 'Staff', 'Reports', 'Security', 'Settings'],
    roles: { owner: 'Owner', admin: 'Admin', manager: 'Manager', staff: 'Front desk' },
  },
  ar: {
    brand: 'لومن للشعر والسبا · الإدارة',
    nav: 'الإدارة',
    links: ['لوحة المعلومات', 'المواعيد', 'العملاء', 'الموظفون', 'التقارير', 'الأمان', 'الإعدادات'],
    roles: { owner: 'المالك', admin: 'مسؤول', manager: 'مدير', staff: 'الاستقبال' },
  },
};
const ANCHORS = ['dashboard', 'appointments', 'clients', 'staff', 'reports', 'security', 'settings'] as const;

/** One page of the admin product: where it sits in the navigation, its header, its sections. */
export interface AdminPage {
  current: (typeof ANCHORS)[number];
  words: Record<Language, { crumbs: string; title: string; lead: string; sections: string[] }>;
  /** The elements of each section, in the order of `words.sections`. */
  sections: TemplateResult[];
}

const FROM_STORY = 'story';

/** Renders `page` for a story: its language from the toolbar, its signed-in person from the story's mock. */
export function renderAdminPage(
  page: AdminPage,
  { globals, parameters }: { globals: Record<string, unknown>; parameters: Record<string, unknown> },
): TemplateResult {
  const language: Language = globals['locale'] === 'ar' ? 'ar' : 'en';
  const shellWords = SHELL[language];
  const words = page.words[language];
  const story = (parameters['deskguard'] ?? {}) as StoryMockConfig;
  const chosen = globals['viewer'] && globals['viewer'] !== FROM_STORY ? globals['viewer'] : story.viewer;
  const viewer = CORE_STAFF[(chosen ?? 'admin') as keyof typeof CORE_STAFF];
  return html`
    ${shell}
    <div class="admin">
      <header>
        <span class="brand">${shellWords.brand}</span>
        <span class="who">${viewer ? `${viewer.name} · ${shellWords.roles[viewer.role]}` : nothing}</span>
      </header>
      <nav aria-label=${shellWords.nav}>
        <ul>
          ${ANCHORS.map(
            (anchor, i) =>
              html`<li>
                <a href="#${anchor}" aria-current=${anchor === page.current ? 'page' : nothing}
                  >${shellWords.links[i]}</a
                >
              </li>`,
          )}
        </ul>
      </nav>
      <main>
        <div>
          <p class="crumbs">${words.crumbs}</p>
          <h1>${words.title}</h1>
          <p class="lead">${words.lead}</p>
        </div>
        ${page.sections.map(
          (section, i) =>
            html`<section aria-labelledby="${page.current}-${i}">
              <h2 id="${page.current}-${i}">${words.sections[i]}</h2>
              ${section}
            </section>`,
        )}
      </main>
    </div>
  `;
}
