import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StoryMockConfig } from './support/mock.js';
import { clickButton, shadowOf, waitFor } from './support/play.js';

type Args = { 'heading-level': number; 'staff-id': string };
type Story = StoryObj<Args>;

const meta: Meta<Args> = {
  title: 'Elements/staff-access',
  component: 'staff-access',
  args: { 'heading-level': 2, 'staff-id': 'staff-manager' },
  render: (args) =>
    html`<staff-access heading-level=${args['heading-level']} staff-id=${args['staff-id']}></staff-access>`,
};
export default meta;

const mock = (deskguard: StoryMockConfig) => ({ deskguard });

export const Active: Story = { name: 'Active, on the override list', parameters: mock({}) };
export const Locked: Story = {
  name: 'Locked after failed sign-ins',
  args: { 'staff-id': 'staff-2' },
  parameters: mock({}),
};
export const Shared: Story = {
  name: 'A login shared with a colleague',
  args: { 'staff-id': 'staff-front-desk' },
  parameters: mock({}),
};
export const Owner: Story = {
  name: 'The owner’s generic “owner” login, seen by the owner',
  args: { 'staff-id': 'staff-owner' },
  parameters: mock({ viewer: 'owner' }),
};
export const OwnerSeenByAdmin: Story = {
  name: 'The owner’s login, seen by an admin: the owner’s alone to change',
  args: { 'staff-id': 'staff-owner' },
  parameters: mock({}),
};
export const FormerStaff: Story = {
  name: 'A former staff member, no login',
  args: { 'staff-id': 'staff-nologin-1' },
  parameters: mock({}),
};
export const Deactivating: Story = {
  name: 'Deactivating: what will happen',
  parameters: mock({}),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'staff-access');
    await waitFor(() => root.querySelector('[part~="facts"]'), 'the access');
    await clickButton(root, 'Deactivate…');
  },
};
export const Reactivating: Story = {
  name: 'Reactivating: new login details, nothing else',
  args: { 'staff-id': 'staff-nologin-1' },
  parameters: mock({}),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'staff-access');
    await waitFor(() => root.querySelector('[part~="facts"]'), 'the access');
    await clickButton(root, 'Reactivate…');
  },
};
export const OwnAccess: Story = {
  name: 'Front desk: their own access, read-only',
  args: { 'staff-id': 'staff-front-desk' },
  parameters: mock({ viewer: 'front-desk' }),
};
export const Forbidden: Story = {
  name: 'Front desk: someone else’s access',
  parameters: mock({ viewer: 'front-desk' }),
};
export const Loading: Story = { name: 'Loading (slow network)', parameters: mock({ scenario: 'slow' }) };
export const Offline: Story = { name: 'Load failed: offline', parameters: mock({ scenario: 'offline' }) };
