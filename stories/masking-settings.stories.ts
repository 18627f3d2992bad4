import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StoryMockConfig } from './support/mock.js';

type Story = StoryObj<{ 'heading-level': number }>;

const meta: Meta<{ 'heading-level': number }> = {
  title: 'Elements/masking-settings',
  component: 'masking-settings',
  args: { 'heading-level': 2 },
  render: (args) => html`<masking-settings heading-level=${args['heading-level']}></masking-settings>`,
};
export default meta;

const mock = (deskguard: StoryMockConfig) => ({ deskguard });

export const NewPremiumBusiness: Story = {
  name: 'Admin, new premium business (on by default)',
  parameters: mock({ business: 'premium-new' }),
};
export const ExistingPremiumBusiness: Story = {
  name: 'Admin, existing premium business (off by default)',
  parameters: mock({ business: 'premium-existing' }),
};
export const FrontDeskReadOnly: Story = {
  name: 'Front desk staff (read-only)',
  parameters: mock({ viewer: 'front-desk' }),
};
export const ManagerReadOnly: Story = { name: 'Manager (read-only)', parameters: mock({ viewer: 'manager' }) };
export const Downgraded: Story = {
  name: 'Downgraded to Standard (choice kept, not in effect)',
  parameters: mock({ business: 'downgraded' }),
};
export const LitePlan: Story = { name: 'Lite plan (unavailable)', parameters: mock({ business: 'lite' }) };
export const LitePlusPlan: Story = {
  name: 'Lite Plus plan (unavailable)',
  parameters: mock({ business: 'lite-plus' }),
};
export const StandardPlan: Story = { name: 'Standard plan (unavailable)', parameters: mock({ business: 'standard' }) };
export const Loading: Story = { name: 'Loading (slow network)', parameters: mock({ scenario: 'slow' }) };
export const Offline: Story = { name: 'Load failed: offline', parameters: mock({ scenario: 'offline' }) };
export const ServerErrorOnLoad: Story = {
  name: 'Load failed: server error',
  parameters: mock({ scenario: 'server-error' }),
};
export const Malformed: Story = {
  name: 'Load failed: malformed response',
  parameters: mock({ scenario: 'malformed' }),
};
export const SaveFails: Story = {
  name: 'Save fails (server error): toggle to see',
  parameters: mock({ fault: { kind: 'server', on: 'write' } }),
};
export const SaveOffline: Story = {
  name: 'Save fails (offline): toggle to see',
  parameters: mock({ fault: { kind: 'network', on: 'write' } }),
};
export const Conflict: Story = {
  name: 'Conflict: another admin saved first; toggle to see',
  parameters: mock({ scenario: 'conflict' }),
};
export const SessionEnded: Story = {
  name: 'Session ended on save: toggle to see',
  parameters: mock({ fault: { kind: 'unauthorized', on: 'write' } }),
};
export const PlanChangedMeanwhile: Story = {
  name: 'Plan changed meanwhile: toggle to see',
  parameters: mock({ fault: { kind: 'plan-required', on: 'write' } }),
};
export const HostileText: Story = {
  name: 'Hostile text in names',
  parameters: mock({ scenario: 'hostile' }),
};
export const Dark: Story = {
  name: 'Dark theme',
  globals: { theme: 'dark' },
  parameters: mock({ business: 'downgraded' }),
};
export const Narrow: Story = {
  name: 'Narrow screen (320 px)',
  render: () => html`<div style="max-inline-size: 320px"><masking-settings></masking-settings></div>`,
  parameters: mock({ business: 'standard' }),
};
