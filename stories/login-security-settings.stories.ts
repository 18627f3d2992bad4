import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StoryMockConfig } from './support/mock.js';
import { clickButton, shadowOf, waitFor } from './support/play.js';

type Story = StoryObj<{ 'heading-level': number }>;

const meta: Meta<{ 'heading-level': number }> = {
  title: 'Elements/login-security-settings',
  component: 'login-security-settings',
  args: { 'heading-level': 2 },
  render: (args) => html`<login-security-settings heading-level=${args['heading-level']}></login-security-settings>`,
};
export default meta;

const mock = (deskguard: StoryMockConfig) => ({ deskguard });

/** Sets a number as an admin would, by typing it and leaving the field. */
async function set(canvasElement: HTMLElement, id: string, value: number): Promise<ShadowRoot> {
  const root = await shadowOf(canvasElement, 'login-security-settings');
  const input = await waitFor(() => root.querySelector<HTMLInputElement>(`#${id}`), `the ${id} field`);
  input.value = String(value);
  input.dispatchEvent(new Event('change'));
  return root;
}

export const Admin: Story = { name: 'Admin: the standard rules', parameters: mock({}) };
export const FrontDeskReadOnly: Story = {
  name: 'Front desk staff (read-only)',
  parameters: mock({ viewer: 'front-desk' }),
};
export const Weaker: Story = {
  name: 'A weaker rule refused, with the reason',
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await set(canvasElement, 'minLength', 6)),
};
export const Stricter: Story = {
  name: 'A stricter rule, ready to save',
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await set(canvasElement, 'minLength', 12)),
};
export const Conflict: Story = {
  name: 'Conflict: another admin saved first',
  parameters: mock({ scenario: 'conflict' }),
  play: async ({ canvasElement }) => clickButton(await set(canvasElement, 'lockoutMinutes', 60), 'Save rules'),
};
export const SaveFails: Story = {
  name: 'Save fails (server error), changes kept',
  parameters: mock({ fault: { kind: 'server', on: 'write' } }),
  play: async ({ canvasElement }) => clickButton(await set(canvasElement, 'minLength', 12), 'Save rules'),
};
export const Hostile: Story = { name: 'Hostile text in group names', parameters: mock({ scenario: 'hostile' }) };
export const Loading: Story = { name: 'Loading (slow network)', parameters: mock({ scenario: 'slow' }) };
export const Offline: Story = { name: 'Load failed: offline', parameters: mock({ scenario: 'offline' }) };
