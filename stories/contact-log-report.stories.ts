import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StoryMockConfig } from './support/mock.js';
import { clickButton, shadowOf, waitFor } from './support/play.js';

type Args = { 'heading-level': number; 'page-size': number; query: string };
type Story = StoryObj<Args>;

const meta: Meta<Args> = {
  title: 'Elements/contact-log-report',
  component: 'contact-log-report',
  args: { 'heading-level': 2, 'page-size': 10, query: '' },
  render: (args) =>
    html`<contact-log-report
      heading-level=${args['heading-level']}
      page-size=${args['page-size']}
      query=${args.query}
    ></contact-log-report>`,
};
export default meta;

const mock = (deskguard: StoryMockConfig) => ({ deskguard });

export const Loaded: Story = { name: 'Every log', parameters: mock({}) };
export const ClientAlerts: Story = {
  name: 'Client alerts signed in, by one staff member',
  args: { query: 'type:client-alert action:signed-in staff:"Elena Sokolova"' },
  parameters: mock({}),
};
export const Masked: Story = {
  name: 'Contacts masked: a manager not on the override list',
  parameters: mock({ viewer: 'duty-manager' }),
};
export const Detail: Story = {
  name: 'One log in full',
  parameters: mock({}),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'contact-log-report');
    const details = await waitFor(() => root.querySelector<HTMLButtonElement>('tbody button'), 'a Details button');
    details.click();
    await waitFor(() => root.querySelector('[part~="detail"]'), 'the detail');
  },
};
export const WrongFilter: Story = {
  name: 'A filter the report cannot read',
  parameters: mock({}),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'contact-log-report');
    const input = await waitFor(() => root.querySelector<HTMLInputElement>('#query'), 'the filter box');
    input.value = 'staff:"Tom Okafor" mood:happy';
    input.dispatchEvent(new Event('input'));
    await clickButton(root, 'Apply');
  },
};
export const NoMatch: Story = {
  name: 'No log matches',
  args: { query: 'client:"Nobody Here"' },
  parameters: mock({}),
};
export const Empty: Story = { name: 'No logs yet', parameters: mock({ scenario: 'empty' }) };
export const Hostile: Story = { name: 'Hostile text', parameters: mock({ scenario: 'hostile' }) };
export const Forbidden: Story = {
  name: 'Not in the viewer’s group',
  parameters: mock({ viewer: 'front-desk' }),
};
export const Loading: Story = { name: 'Loading (slow network)', parameters: mock({ scenario: 'slow' }) };
export const Offline: Story = { name: 'Load failed: offline', parameters: mock({ scenario: 'offline' }) };
