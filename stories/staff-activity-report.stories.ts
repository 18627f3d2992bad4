import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StoryMockConfig } from './support/mock.js';

type Args = { 'heading-level': number; 'page-size': number; query: string };
type Story = StoryObj<Args>;

const meta: Meta<Args> = {
  title: 'Elements/staff-activity-report',
  component: 'staff-activity-report',
  args: { 'heading-level': 2, 'page-size': 10, query: '' },
  render: (args) =>
    html`<staff-activity-report
      heading-level=${args['heading-level']}
      page-size=${args['page-size']}
      query=${args.query}
    ></staff-activity-report>`,
};
export default meta;

const mock = (deskguard: StoryMockConfig) => ({ deskguard });

export const Loaded: Story = { name: 'Every access', parameters: mock({}) };
export const Exports: Story = {
  name: 'Exports (the front desk at night)',
  args: { query: 'exported:yes' },
  parameters: mock({}),
};
export const Former: Story = {
  name: 'Former staff, before deactivation',
  args: { query: 'former:yes' },
  parameters: mock({}),
};
export const Replay: Story = {
  name: 'View: what a masked manager saw',
  args: { query: 'staff:"Sofia Marin"' },
  parameters: mock({}),
  play: async ({ canvasElement }) => {
    const report = canvasElement.querySelector('staff-activity-report')!;
    for (let i = 0; i < 100; i++) {
      const view = report.shadowRoot?.querySelector<HTMLButtonElement>('tbody button');
      if (view) {
        view.click();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  },
};
export const Empty: Story = { name: 'Nobody has opened a report yet', parameters: mock({ scenario: 'empty' }) };
export const Forbidden: Story = {
  name: 'Without both report permissions',
  parameters: mock({ viewer: 'manager' }),
};
export const Hostile: Story = { name: 'Hostile text', parameters: mock({ scenario: 'hostile' }) };
export const Loading: Story = { name: 'Loading (slow network)', parameters: mock({ scenario: 'slow' }) };
export const Offline: Story = { name: 'Load failed: offline', parameters: mock({ scenario: 'offline' }) };
