import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { RestAdapter } from '../src/adapters/rest.js';
import { CORE_STAFF } from '../mocks/index.js';
import './support/demo-client-list.js';
import type { StoryMockConfig } from './support/mock.js';

/**
 * Masking in effect: an admin turns masking on or off, and the client list shows what
 * the backend sends the viewer chosen in the toolbar. Front-desk staff get masked
 * contacts while masking is on; the manager is on the override list; admins always
 * see contacts. The raw values never reach a masked viewer's browser.
 */
const meta: Meta = {
  title: 'Pages/Masking in effect',
  render: (_args, { loaded }) => html`
    <div style="display: grid; gap: 16px; max-inline-size: 56rem">
      <masking-settings
        .adapter=${new RestAdapter({
          baseUrl: loaded['baseUrl'] as string,
          headers: () => ({ Authorization: `Bearer ${CORE_STAFF.admin.id}` }),
        })}
      ></masking-settings>
      <demo-client-list></demo-client-list>
    </div>
  `,
};
export default meta;

const mock = (deskguard: StoryMockConfig) => ({ deskguard });

export const FrontDesk: StoryObj = { name: 'As front-desk staff', parameters: mock({ viewer: 'front-desk' }) };
export const Manager: StoryObj = { name: 'As a manager on the override list', parameters: mock({ viewer: 'manager' }) };
export const Admin: StoryObj = { name: 'As an admin', parameters: mock({ viewer: 'admin' }) };
export const Downgraded: StoryObj = {
  name: 'As front-desk staff after a downgrade',
  parameters: mock({ viewer: 'front-desk', business: 'downgraded' }),
};
