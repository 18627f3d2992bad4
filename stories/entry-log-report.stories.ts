import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StoryMockConfig } from './support/mock.js';

type Args = { 'heading-level': number; 'page-size': number; query: string };
type Story = StoryObj<Args>;

const meta: Meta<Args> = {
  title: 'Elements/entry-log-report',
  component: 'entry-log-report',
  args: { 'heading-level': 2, 'page-size': 10, query: '' },
  render: (args) =>
    html`<entry-log-report
      heading-level=${args['heading-level']}
      page-size=${args['page-size']}
      query=${args.query}
    ></entry-log-report>`,
};
export default meta;

const mock = (deskguard: StoryMockConfig) => ({ deskguard });

export const Loaded: Story = { name: 'Every entry', parameters: mock({}) };
export const Flagged: Story = {
  name: 'After hours and former staff',
  args: { query: 'flag:outside-hours' },
  parameters: mock({}),
};
export const Lockout: Story = {
  name: 'Failed sign-ins and a lock-out',
  args: { query: 'outcome:failure' },
  parameters: mock({}),
};
export const Empty: Story = { name: 'Nobody signed in yet', parameters: mock({ scenario: 'empty' }) };
export const Forbidden: Story = { name: 'Not in the viewer’s group', parameters: mock({ viewer: 'front-desk' }) };
export const Loading: Story = { name: 'Loading (slow network)', parameters: mock({ scenario: 'slow' }) };
export const Offline: Story = { name: 'Load failed: offline', parameters: mock({ scenario: 'offline' }) };
