import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { renderAdminPage, type AdminPage } from './support/admin-shell.js';
import type { StoryMockConfig } from './support/mock.js';

/**
 * The kit inside a host's admin product: the staff page of a salon's back office, with
 * the permission groups, the rules every login signs in under, and one person's access.
 * Deactivating the manager here changes what every report on the page's other tabs says
 * of her, with no host code (the elements tell each other through `staff-access-change`).
 */
const page: AdminPage = {
  current: 'staff',
  words: {
    en: {
      crumbs: 'Staff / Access',
      title: 'Staff and access',
      lead: 'What each group may do, how logins sign in, and one person’s access at a glance.',
      sections: ['Who may do what', 'How staff sign in', 'One person’s access'],
    },
    ar: {
      crumbs: 'الموظفون / الوصول',
      title: 'الموظفون والوصول',
      lead: 'ما يمكن لكل مجموعة فعله، وكيف تسجل الحسابات الدخول، ووصول شخص واحد في لمحة.',
      sections: ['من يحق له ماذا', 'كيف يسجّل الموظفون الدخول', 'وصول شخص واحد'],
    },
  },
  sections: [
    html`<permission-groups heading-level="3"></permission-groups>`,
    html`<login-security-settings heading-level="3"></login-security-settings>`,
    html`<staff-access heading-level="3" staff-id="staff-manager"></staff-access>`,
  ],
};

const meta: Meta = {
  title: 'Pages/Admin product: staff and access',
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
export const FrontDesk: StoryObj = {
  name: 'Front-desk staff (not allowed)',
  parameters: mock({ viewer: 'front-desk' }),
};
