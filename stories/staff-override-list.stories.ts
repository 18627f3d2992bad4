import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { CORE_STAFF } from '../mocks/index.js';
import type { StoryMockConfig } from './support/mock.js';
import { clickButton, shadowOf, waitFor } from './support/play.js';

type Args = { 'heading-level': number; 'warn-on-unload': boolean };
type Story = StoryObj<Args>;

const meta: Meta<Args> = {
  title: 'Elements/staff-override-list',
  component: 'staff-override-list',
  args: { 'heading-level': 2, 'warn-on-unload': false },
  render: (args) =>
    html`<staff-override-list
      heading-level=${args['heading-level']}
      ?warn-on-unload=${args['warn-on-unload']}
    ></staff-override-list>`,
};
export default meta;

const mock = (deskguard: StoryMockConfig) => ({ deskguard });

/** Picks the front-desk member, as an admin would by clicking the row. */
async function pickFrontDesk(canvasElement: HTMLElement): Promise<ShadowRoot> {
  const root = await shadowOf(canvasElement, 'staff-override-list');
  const row = await waitFor(
    () =>
      [...root.querySelectorAll<HTMLElement>('[role="option"]')].find((o) =>
        o.textContent?.includes(CORE_STAFF['front-desk'].name),
      ),
    'the front-desk row',
  );
  row.click();
  return root;
}

export const Admin: Story = { name: 'Admin, masking on', parameters: mock({}) };
export const Unsaved: Story = {
  name: 'Unsaved changes',
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await pickFrontDesk(canvasElement)),
};
export const Conflict: Story = {
  name: 'Conflict: another admin saved first',
  parameters: mock({ scenario: 'conflict' }),
  play: async ({ canvasElement }) => clickButton(await pickFrontDesk(canvasElement), 'Save'),
};
export const SaveFails: Story = {
  name: 'Save fails (server error), picks kept',
  parameters: mock({ fault: { kind: 'server', on: 'write' } }),
  play: async ({ canvasElement }) => clickButton(await pickFrontDesk(canvasElement), 'Save'),
};
export const SessionEnded: Story = {
  name: 'Session ended on save',
  parameters: mock({ fault: { kind: 'unauthorized', on: 'write' } }),
  play: async ({ canvasElement }) => clickButton(await pickFrontDesk(canvasElement), 'Save'),
};
export const NoMatch: Story = {
  name: 'No staff match the filter',
  parameters: mock({}),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'staff-override-list');
    const input = await waitFor(() => root.querySelector<HTMLInputElement>('input[type="search"]'), 'the filter');
    input.value = 'nobody by this name';
    input.dispatchEvent(new Event('input'));
  },
};
export const Large: Story = {
  name: 'Large data: 5,000 staff in 40 locations',
  parameters: mock({ scenario: 'large' }),
};
export const MaskingOff: Story = {
  name: 'Masking off (read-only, no effect)',
  parameters: mock({ business: 'premium-existing' }),
};
export const FrontDesk: Story = { name: 'Front desk staff (read-only)', parameters: mock({ viewer: 'front-desk' }) };
export const Manager: Story = { name: 'Manager (read-only)', parameters: mock({ viewer: 'manager' }) };
export const Downgraded: Story = {
  name: 'Downgraded to Standard (read-only)',
  parameters: mock({ business: 'downgraded' }),
};
export const Lite: Story = { name: 'Lite plan (read-only)', parameters: mock({ business: 'lite' }) };
export const Empty: Story = { name: 'Only the core team', parameters: mock({ scenario: 'empty' }) };
export const Loading: Story = { name: 'Loading (slow network)', parameters: mock({ scenario: 'slow' }) };
export const Offline: Story = { name: 'Load failed: offline', parameters: mock({ scenario: 'offline' }) };
export const ServerError: Story = { name: 'Load failed: server error', parameters: mock({ scenario: 'server-error' }) };
export const Malformed: Story = {
  name: 'Load failed: malformed response',
  parameters: mock({ scenario: 'malformed' }),
};
export const Hostile: Story = { name: 'Hostile text in names', parameters: mock({ scenario: 'hostile' }) };
export const Dark: Story = {
  name: 'Dark theme, unsaved changes',
  globals: { theme: 'dark' },
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await pickFrontDesk(canvasElement)),
};
export const Narrow: Story = {
  name: 'Narrow screen (320 px)',
  render: () => html`<div style="max-inline-size: 320px"><staff-override-list></staff-override-list></div>`,
  parameters: mock({}),
};
