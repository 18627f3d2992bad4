import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StoryMockConfig } from './support/mock.js';
import { shadowOf, waitFor } from './support/play.js';

type Args = { 'heading-level': number; 'page-size': number };
type Story = StoryObj<Args>;

const meta: Meta<Args> = {
  title: 'Elements/verification-report',
  component: 'verification-report',
  args: { 'heading-level': 2, 'page-size': 25 },
  render: (args) =>
    html`<verification-report
      heading-level=${args['heading-level']}
      page-size=${args['page-size']}
    ></verification-report>`,
};
export default meta;

const mock = (deskguard: StoryMockConfig) => ({ deskguard });

/** Clicks the Verify button of the first pending request whose emails match (or differ). */
async function verifyFirst(canvasElement: HTMLElement, match = true): Promise<ShadowRoot> {
  const root = await shadowOf(canvasElement, 'verification-report');
  const target = await waitFor(
    () =>
      [...root.querySelectorAll<HTMLButtonElement>('[data-verify]')].find(
        (b) => (b.textContent?.trim() === 'Verify') === match,
      ),
    'a Verify button',
  );
  target.click();
  return root;
}

export const Pending: Story = { name: 'Requests waiting', parameters: mock({}) };
export const AllStatuses: Story = {
  name: 'Every status',
  parameters: mock({}),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'verification-report');
    const select = await waitFor(() => root.querySelector('select'), 'the status filter');
    select.value = '';
    select.dispatchEvent(new Event('change'));
  },
};
export const NothingWaiting: Story = {
  name: 'Nothing waiting (good news)',
  parameters: mock({ scenario: 'empty' }),
};
export const LargeData: Story = {
  name: 'Large data: 30,000 requests, paged on the server',
  parameters: mock({ scenario: 'large' }),
};
export const Loading: Story = { name: 'Loading (slow network)', parameters: mock({ scenario: 'slow' }) };
export const Offline: Story = { name: 'Load fails: offline', parameters: mock({ scenario: 'offline' }) };
export const ServerError: Story = { name: 'Load fails: server error', parameters: mock({ scenario: 'server-error' }) };
export const Malformed: Story = { name: 'Load fails: malformed response', parameters: mock({ scenario: 'malformed' }) };
export const ConfirmMismatch: Story = {
  name: 'Verifying a mismatch: the confirmation',
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await verifyFirst(canvasElement, false)),
};
export const Verified: Story = {
  name: 'A matching request verified',
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await verifyFirst(canvasElement)),
};
export const VerifyFails: Story = {
  name: 'Verify fails (server error)',
  parameters: mock({ fault: { kind: 'server', on: 'write' } }),
  play: async ({ canvasElement }) => void (await verifyFirst(canvasElement)),
};
export const AlreadyHandled: Story = {
  name: 'Someone else handled it first',
  parameters: mock({ fault: { kind: 'conflict', on: 'write', times: 1 } }),
  play: async ({ canvasElement }) => void (await verifyFirst(canvasElement)),
};
export const SessionEnded: Story = {
  name: 'Session ended on verify',
  parameters: mock({ fault: { kind: 'unauthorized', on: 'write' } }),
  play: async ({ canvasElement }) => void (await verifyFirst(canvasElement)),
};
export const DutyManagerMasked: Story = {
  name: 'Duty manager: emails masked, matches still shown',
  parameters: mock({ viewer: 'duty-manager' }),
};
export const WithoutPermission: Story = {
  name: 'Front desk: the group does not grant the report',
  parameters: mock({ viewer: 'front-desk' }),
};
export const HostileText: Story = {
  name: 'Hostile text in names and emails',
  parameters: mock({ scenario: 'hostile' }),
};
export const Dark: Story = { name: 'Dark theme', globals: { theme: 'dark' }, parameters: mock({}) };
export const DarkConfirm: Story = {
  name: 'Dark theme, mismatch confirmation',
  globals: { theme: 'dark' },
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await verifyFirst(canvasElement, false)),
};
export const Narrow: Story = {
  name: 'Narrow screen (320 px): the table scrolls sideways',
  render: () => html`<div style="max-inline-size: 320px"><verification-report></verification-report></div>`,
  parameters: mock({}),
};
