import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { renderAdminPage, type AdminPage } from './support/admin-shell.js';
import type { StoryMockConfig } from './support/mock.js';

/**
 * The kit inside a host's admin product: the security settings page of a salon's back
 * office, with who sees client contacts and which online logins may claim a profile.
 */
const page: AdminPage = {
  current: 'security',
  words: {
    en: {
      crumbs: 'Settings / Security',
      title: 'Security',
      lead: 'Who sees client contacts, and which online logins may claim a client profile.',
      sections: ['Client contacts', 'Online logins'],
    },
    ar: {
      crumbs: 'الإعدادات / الأمان',
      title: 'الأمان',
      lead: 'من يرى جهات اتصال العملاء، وأي حسابات على الإنترنت يمكنها المطالبة بملف عميل.',
      sections: ['جهات اتصال العملاء', 'الحسابات على الإنترنت'],
    },
  },
  sections: [
    html`<masking-settings heading-level="3"></masking-settings>
      <staff-override-list heading-level="3" warn-on-unload></staff-override-list>`,
    html`<verification-report heading-level="3"></verification-report>`,
  ],
};

const meta: Meta = {
  title: 'Pages/Admin product: security settings',
  render: (_args, context) => renderAdminPage(page, context),
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
