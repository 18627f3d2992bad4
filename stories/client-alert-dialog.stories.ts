import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ClientAlertDialogElement } from '../src/elements/client-alert-dialog/client-alert-dialog.js';
import type { StoryMockConfig } from './support/mock.js';
import { clickButton, shadowOf, waitFor } from './support/play.js';

type Args = { 'client-id': string; context: 'profile' | 'booking' | 'sign-in' };
type Story = StoryObj<Args>;

/** Opens the dialog the way a host does, and shows the outcome the promise resolves to. */
async function openDialog(event: Event): Promise<void> {
  const page = (event.currentTarget as HTMLElement).closest('.host-page')!;
  const dialog = page.querySelector<ClientAlertDialogElement>('client-alert-dialog')!;
  const outcome = await dialog.open();
  page.querySelector('output')!.value = JSON.stringify(outcome, null, 2);
}

const meta: Meta<Args> = {
  title: 'Elements/client-alert-dialog',
  component: 'client-alert-dialog',
  args: { 'client-id': 'client-1', context: 'profile' },
  argTypes: { context: { control: 'inline-radio', options: ['profile', 'booking', 'sign-in'] } },
  render: (args) =>
    html`<div class="host-page" style="display: grid; gap: 12px; justify-items: start">
      <button @click=${openDialog}>Show alerts for ${args['client-id']} (${args.context})</button>
      <client-alert-dialog client-id=${args['client-id']} context=${args.context}></client-alert-dialog>
      <pre><output aria-live="polite"></output></pre>
    </div>`,
  // Every story opens the dialog as the host's button would.
  play: async ({ canvasElement }) => void (await openOnLoad(canvasElement)),
  // A modal dialog takes the page: on the docs page each story opens in a frame of its
  // own, so that one story's dialog does not make the others inert or take their focus.
  parameters: { docs: { story: { inline: false, height: '36rem' } } },
};
export default meta;

const mock = (deskguard: StoryMockConfig) => ({ deskguard });

async function openOnLoad(canvasElement: HTMLElement): Promise<ShadowRoot> {
  const opener = await waitFor(() => canvasElement.querySelector<HTMLButtonElement>('.host-page > button'), 'opener');
  opener.click();
  return shadowOf(canvasElement, 'client-alert-dialog');
}

/** Opens the dialog, waits for the alerts, writes `reason` in the first field (if any) and presses `action`. */
async function answer(canvasElement: HTMLElement, action: string, reason?: string): Promise<void> {
  const root = await openOnLoad(canvasElement);
  await waitFor(() => root.querySelector('dialog[open] [part~="alert"]'), 'the alerts, shown');
  const field = root.querySelector('textarea');
  if (field && reason !== undefined) {
    field.value = reason;
    field.dispatchEvent(new Event('input'));
  }
  await clickButton(root, action);
}

export const RedAlert: Story = { name: 'Red alert, reason to ignore required', parameters: mock({}) };
export const YellowAlert: Story = {
  name: 'Yellow alert, no reason needed',
  args: { 'client-id': 'client-2' },
  parameters: mock({}),
};
export const ArrivalsThreshold: Story = {
  name: 'Arrivals in threshold at sign-in',
  args: { 'client-id': 'client-3', context: 'sign-in' },
  parameters: mock({}),
};
export const BalanceThreshold: Story = {
  name: 'Account balance threshold at sign-in',
  args: { 'client-id': 'client-7', context: 'sign-in' },
  parameters: mock({}),
};
export const EveryAlert: Story = {
  name: 'Every alert at once, most urgent first',
  args: { 'client-id': 'client-6', context: 'sign-in' },
  parameters: mock({}),
};
export const SameClientOnProfile: Story = {
  name: 'Same client on the profile: thresholds do not apply',
  args: { 'client-id': 'client-6', context: 'profile' },
  parameters: mock({}),
};
export const NoAlerts: Story = {
  name: 'No alerts: resolves at once, nothing shown',
  args: { 'client-id': 'client-5' },
  parameters: mock({}),
};
export const ReasonMissing: Story = {
  name: 'Ignore pressed without a reason',
  parameters: mock({}),
  play: async ({ canvasElement }) => answer(canvasElement, 'Ignore', '   '),
};
export const ReasonTooLong: Story = {
  name: 'Reason over the length limit',
  parameters: mock({}),
  play: async ({ canvasElement }) => answer(canvasElement, 'Ignore', 'Checked with the client. '.repeat(22)),
};
export const Loading: Story = { name: 'Loading (slow network)', parameters: mock({ scenario: 'slow' }) };
export const LoadOffline: Story = { name: 'Load fails: offline', parameters: mock({ scenario: 'offline' }) };
export const LoadServerError: Story = {
  name: 'Load fails: server error',
  parameters: mock({ scenario: 'server-error' }),
};
export const LoadMalformed: Story = {
  name: 'Load fails: malformed response',
  parameters: mock({ scenario: 'malformed' }),
};
export const SaveFails: Story = {
  name: 'Contact log not written (server error), reason kept',
  parameters: mock({ fault: { kind: 'server', on: 'write' } }),
  play: async ({ canvasElement }) => answer(canvasElement, 'Ignore', 'Gave Mark his inhaler before class.'),
};
export const SaveTimeout: Story = {
  name: 'Contact log not written (timeout), reason kept',
  parameters: mock({ fault: { kind: 'timeout', on: 'write' } }),
  play: async ({ canvasElement }) => answer(canvasElement, 'Ignore', 'Gave Mark his inhaler before class.'),
};
export const AlertsChanged: Story = {
  name: 'Alerts changed while staff decided',
  parameters: mock({ fault: { kind: 'conflict', on: 'write', times: 1 } }),
  play: async ({ canvasElement }) => answer(canvasElement, 'Ignore', 'Gave Mark his inhaler before class.'),
};
export const SessionEnded: Story = {
  name: 'Session ended on save',
  parameters: mock({ fault: { kind: 'unauthorized', on: 'write' } }),
  play: async ({ canvasElement }) => answer(canvasElement, 'Ignore', 'Gave Mark his inhaler before class.'),
};
export const FrontDeskMasked: Story = {
  name: 'Front desk: contacts masked',
  parameters: mock({ viewer: 'front-desk' }),
};
export const HostileText: Story = { name: 'Hostile text in the alert', parameters: mock({ scenario: 'hostile' }) };
export const Dark: Story = {
  name: 'Dark theme, every alert',
  args: { 'client-id': 'client-6', context: 'sign-in' },
  globals: { theme: 'dark' },
  parameters: mock({}),
};
export const DarkInvalid: Story = {
  name: 'Dark theme, reason missing',
  globals: { theme: 'dark' },
  parameters: mock({}),
  play: async ({ canvasElement }) => answer(canvasElement, 'Ignore', ''),
};
export const Narrow: Story = {
  name: 'Narrow screen (320 px), every alert',
  args: { 'client-id': 'client-6', context: 'sign-in' },
  parameters: mock({}),
  globals: { viewport: { value: 'mobile1' } },
};
