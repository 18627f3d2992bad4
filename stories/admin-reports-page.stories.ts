import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { renderAdminPage, type AdminPage } from './support/admin-shell.js';
import type { StoryMockConfig } from './support/mock.js';

/**
 * The kit inside a host's admin product: the reports page of a salon's back office, with
 * the contact logs the client alerts wrote, every sign-in, and who opened which report.
 * Each report keeps its own filter; a host may keep them in its URL.
 */
const page: AdminPage = {
  current: 'reports',
  words: {
    en: {
      crumbs: 'Reports / Security',
      title: 'Security reports',
      lead: 'Client alerts signed off, every sign-in, and who looked at which report.',
      sections: ['Contact logs', 'Sign-ins', 'Report access'],
    },
    ar: {
      crumbs: 'التقارير / الأمان',
      title: 'تقارير الأمان',
      lead: 'تنبيهات العملاء التي تمت الموافقة عليها، وكل تسجيل دخول، ومن اطلع على أي تقرير.',
      sections: ['سجلات جهات الاتصال', 'تسجيلات الدخول', 'الاطلاع على التقارير'],
    },
  },
  sections: [
    html`<contact-log-report heading-level="3" page-size="5"></contact-log-report>`,
    html`<entry-log-report heading-level="3" page-size="5"></entry-log-report>`,
    html`<staff-activity-report heading-level="3" page-size="5"></staff-activity-report>`,
  ],
};

const meta: Meta = {
  title: 'Pages/Admin product: reports',
  render: (_args, context) => renderAdminPage(page, context),
  parameters: { layout: 'fullscreen' },
};
export default meta;

const mock = (deskguard: StoryMockConfig) => ({ deskguard });

export const Owner: StoryObj = { name: 'Owner', parameters: mock({ viewer: 'owner' }) };
export const Dark: StoryObj = {
  name: 'Owner, dark theme',
  globals: { theme: 'dark' },
  parameters: mock({ viewer: 'owner' }),
};
export const Arabic: StoryObj = {
  name: 'Owner, in Arabic (right to left)',
  // The language is the page's: a docs page shows every story in one language, so not this one.
  tags: ['!autodocs'],
  globals: { locale: 'ar' },
  parameters: mock({ viewer: 'owner' }),
};
export const Manager: StoryObj = {
  name: 'Manager, contacts masked',
  parameters: mock({ viewer: 'manager' }),
};
