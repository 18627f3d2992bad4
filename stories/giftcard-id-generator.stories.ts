import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StoryMockConfig } from './support/mock.js';
import { clickButton, shadowOf, waitFor } from './support/play.js';

type Args = { 'heading-level': number; preset: 'standard' | 'strong'; 'check-digit': boolean; required: boolean };
type Story = StoryObj<Args>;

const meta: Meta<Args> = {
  title: 'Elements/giftcard-id-generator',
  component: 'giftcard-id-generator',
  args: { 'heading-level': 2, preset: 'standard', 'check-digit': false, required: false },
  argTypes: { preset: { control: 'inline-radio', options: ['standard', 'strong'] } },
  render: (args) =>
    html`<giftcard-id-generator
      heading-level=${args['heading-level']}
      preset=${args.preset}
      ?check-digit=${args['check-digit']}
      ?required=${args.required}
    ></giftcard-id-generator>`,
};
export default meta;

const mock = (deskguard: StoryMockConfig) => ({ deskguard });

async function generate(canvasElement: HTMLElement): Promise<ShadowRoot> {
  const root = await shadowOf(canvasElement, 'giftcard-id-generator');
  await clickButton(root, 'Generate random number');
  return root;
}

/** Types into the pre-printed card field, as staff or a scanner would. */
async function typeNumber(canvasElement: HTMLElement, text: string, reserve = false): Promise<ShadowRoot> {
  const root = await shadowOf(canvasElement, 'giftcard-id-generator');
  const input = await waitFor(() => root.querySelector<HTMLInputElement>('#typed'), 'the field');
  input.value = text;
  input.dispatchEvent(new Event('input'));
  if (reserve) await clickButton(root, 'Reserve this number');
  return root;
}

export const Empty: Story = { name: 'No number yet', parameters: mock({}) };
export const Generated: Story = {
  name: 'Number generated and reserved',
  parameters: mock({}),
  play: async ({ canvasElement }) => {
    const root = await generate(canvasElement);
    await waitFor(() => root.querySelector('#digits'), 'the number');
  },
};
export const Strong: Story = {
  name: 'Strong preset: 16 digits with a check digit',
  args: { preset: 'strong' },
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await generate(canvasElement)),
};
export const Reserving: Story = {
  name: 'Reserving (slow network)',
  parameters: mock({ scenario: 'slow' }),
  play: async ({ canvasElement }) => void (await generate(canvasElement)),
};
export const TypedInProgress: Story = {
  name: 'Typed number, in progress',
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await typeNumber(canvasElement, '7391 84')),
};
export const TypedWrongCharacters: Story = {
  name: 'Typed number with a letter',
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await typeNumber(canvasElement, '7391 846O 0571')),
};
export const TypedCheckDigit: Story = {
  name: 'Typed number with a wrong check digit (strong preset)',
  args: { preset: 'strong' },
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await typeNumber(canvasElement, '7391 8462 0571 2345')),
};
export const TypedBankCard: Story = {
  name: 'A bank card typed by mistake',
  args: { preset: 'standard' },
  render: () => html`<giftcard-id-generator length="16"></giftcard-id-generator>`,
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await typeNumber(canvasElement, '4111 1111 1111 1111')),
};
export const TypedTaken: Story = {
  name: 'Typed number already on another card',
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await typeNumber(canvasElement, '7391 8462 0570', true)),
};
export const TypedReserved: Story = {
  name: 'Pre-printed card number reserved',
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await typeNumber(canvasElement, '7391 8462 0571', true)),
};
export const EveryNumberTaken: Story = {
  name: 'Every number taken: gives up after 5 tries',
  parameters: mock({ scenario: 'conflict' }),
  play: async ({ canvasElement }) => void (await generate(canvasElement)),
};
export const Offline: Story = {
  name: 'Reservation fails: offline',
  parameters: mock({ scenario: 'offline' }),
  play: async ({ canvasElement }) => void (await generate(canvasElement)),
};
export const ServerError: Story = {
  name: 'Reservation fails: server error',
  parameters: mock({ fault: { kind: 'server', on: 'write' } }),
  play: async ({ canvasElement }) => void (await generate(canvasElement)),
};
export const Timeout: Story = {
  name: 'Reservation fails: timeout',
  parameters: mock({ scenario: 'timeout' }),
  play: async ({ canvasElement }) => void (await generate(canvasElement)),
};
export const Malformed: Story = {
  name: 'Reservation fails: malformed response',
  parameters: mock({ scenario: 'malformed' }),
  play: async ({ canvasElement }) => void (await generate(canvasElement)),
};
export const SessionEnded: Story = {
  name: 'Session ended on reserve',
  parameters: mock({ fault: { kind: 'unauthorized', on: 'write' } }),
  play: async ({ canvasElement }) => void (await generate(canvasElement)),
};
export const Forbidden: Story = {
  name: 'Not allowed to issue gift cards',
  parameters: mock({ fault: { kind: 'forbidden', on: 'write' } }),
  play: async ({ canvasElement }) => void (await generate(canvasElement)),
};
export const InAForm: Story = {
  name: 'In a host form (required; submit shows the value)',
  parameters: mock({}),
  render: () => html`
    <form
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        const form = event.currentTarget as HTMLFormElement;
        form.querySelector('output')!.value = `Submitted giftCard=${String(new FormData(form).get('giftCard'))}`;
      }}
      style="display: grid; gap: 12px; max-inline-size: 32rem"
    >
      <giftcard-id-generator name="giftCard" required></giftcard-id-generator>
      <div><button>Add gift card to sale</button> <button type="reset">Reset</button></div>
      <output aria-live="polite"></output>
    </form>
  `,
};
export const Disabled: Story = {
  name: 'Disabled (in a disabled fieldset)',
  parameters: mock({}),
  render: () =>
    html`<fieldset disabled style="border: 0; padding: 0">
      <giftcard-id-generator></giftcard-id-generator>
    </fieldset>`,
};
export const BadLength: Story = {
  name: 'Set up with an impossible length',
  parameters: mock({}),
  render: () => html`<giftcard-id-generator length="30"></giftcard-id-generator>`,
};
export const Dark: Story = {
  name: 'Dark theme',
  globals: { theme: 'dark' },
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await generate(canvasElement)),
};
export const DarkError: Story = {
  name: 'Dark theme, typed number taken',
  globals: { theme: 'dark' },
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await typeNumber(canvasElement, '7391 8462 0570', true)),
};
export const Narrow: Story = {
  name: 'Narrow screen (320 px), strong preset',
  render: () =>
    html`<div style="max-inline-size: 320px"><giftcard-id-generator preset="strong"></giftcard-id-generator></div>`,
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await generate(canvasElement)),
};
export const RightToLeft: Story = {
  name: 'Right-to-left page: digit groups stay in order',
  render: () => html`<div dir="rtl" lang="ar"><giftcard-id-generator></giftcard-id-generator></div>`,
  parameters: mock({}),
  play: async ({ canvasElement }) => void (await generate(canvasElement)),
};
