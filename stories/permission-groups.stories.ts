import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StoryMockConfig } from './support/mock.js';
import { clickButton, shadowOf, waitFor } from './support/play.js';

type Story = StoryObj<{ 'heading-level': number }>;

const meta: Meta<{ 'heading-level': number }> = {
  title: 'Elements/permission-groups',
  component: 'permission-groups',
  args: { 'heading-level': 2 },
  render: (args) => html`<permission-groups heading-level=${args['heading-level']}></permission-groups>`,
};
export default meta;

const mock = (deskguard: StoryMockConfig) => ({ deskguard });

/**
 * Grants the teachers "View billing information", as an admin would: opens the Client
 * section, ticks it, and folds the section again (its line then counts the tick, and
 * the page stays short enough for the footer, the review and its errors to show).
 */
async function grantBilling(canvasElement: HTMLElement): Promise<ShadowRoot> {
  const root = await shadowOf(canvasElement, 'permission-groups');
  const teacher = await waitFor(
    () => [...root.querySelectorAll<HTMLElement>('[part~="group"]')].find((b) => b.textContent?.includes('Teacher')),
    'the teachers’ group',
  );
  teacher.click();
  const client = await waitFor(
    () => [...root.querySelectorAll<HTMLElement>('summary')].find((s) => s.textContent?.includes('Client')),
    'the client section',
  );
  const before = client.textContent;
  client.click();
  const box = await waitFor(
    () => root.querySelector<HTMLInputElement>('[id="p-client.view-billing"]:not(:checked)'),
    'the billing permission',
  );
  box.click();
  await waitFor(() => client.textContent !== before, 'the client section to count the tick');
  client.click();
  await waitFor(() => !box.checkVisibility(), 'the client section folded');
  return root;
}

async function review(canvasElement: HTMLElement): Promise<ShadowRoot> {
  const root = await grantBilling(canvasElement);
  await clickButton(root, 'Review');
  return root;
}

export const Admin: Story = { name: 'Admin: the default groups', parameters: mock({}) };
export const FrontDeskReadOnly: Story = {
  name: 'Front desk staff (read-only)',
  parameters: mock({ viewer: 'front-desk' }),
};
export const Unsaved: Story = {
  name: 'Unsaved change',
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await grantBilling(canvasElement)),
};
export const Review: Story = {
  name: 'Review before saving',
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await review(canvasElement)),
};
export const Conflict: Story = {
  name: 'Conflict: another admin saved first',
  parameters: mock({ scenario: 'conflict' }),
  play: async ({ canvasElement }) => clickButton(await review(canvasElement), 'Save changes'),
};
export const SaveFails: Story = {
  name: 'Save fails (server error), changes kept',
  parameters: mock({ fault: { kind: 'server', on: 'write' } }),
  play: async ({ canvasElement }) => clickButton(await review(canvasElement), 'Save changes'),
};
export const Delete: Story = {
  name: 'Deleting a group with members',
  parameters: mock({}),
  play: async ({ canvasElement }) => clickButton(await shadowOf(canvasElement, 'permission-groups'), 'Delete'),
};
export const Members: Story = {
  name: 'Members of a group, one being moved',
  parameters: mock({}),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'permission-groups');
    await clickButton(root, 'Show the');
    const select = await waitFor(() => root.querySelector<HTMLSelectElement>('.members select'), 'the members');
    select.value = 'group-teacher';
    select.dispatchEvent(new Event('change'));
  },
};
export const ManyGroups: Story = {
  name: 'Many groups and 5,000 staff',
  parameters: mock({ scenario: 'large' }),
};
export const Hostile: Story = { name: 'Hostile text in names', parameters: mock({ scenario: 'hostile' }) };
export const Loading: Story = { name: 'Loading (slow network)', parameters: mock({ scenario: 'slow' }) };
export const Offline: Story = { name: 'Load failed: offline', parameters: mock({ scenario: 'offline' }) };
