import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StoryMockConfig } from './support/mock.js';
import { shadowOf, waitFor } from './support/play.js';

/**
 * The kit inside a host's design and language. A host themes the elements with the
 * `--dg-*` custom properties (set on any ancestor, or on the elements) and restyles
 * named pieces with `::part()`; it switches language with `setLocale()` and sets
 * `dir` on its page. The toolbar's Theme, Language and Direction switches do the same
 * for every story.
 */
const meta: Meta = {
  title: 'Pages/Theme, language and direction',
  // The language is the page's, as in a host (setLocale): stories in Spanish, Arabic and
  // English cannot share one docs page, so each is shown on its own.
  tags: ['!autodocs'],
  parameters: { deskguard: { business: 'premium-new' } satisfies StoryMockConfig },
};
export default meta;

/** A spa's design system: warm paper, a serif face, square corners, generous space. */
const hostTheme = html`<style>
  .juniper {
    --dg-color-scheme: light;
    --dg-font-family: Georgia, 'Times New Roman', serif;
    --dg-color-text: #2b1d14;
    --dg-color-text-muted: #5c4634;
    --dg-color-surface: #fff8ef;
    --dg-color-surface-subtle: #f1e3cc;
    --dg-color-border: #8a6a4f;
    --dg-color-border-subtle: #d9c4a6;
    --dg-color-accent: #7a2e0e;
    --dg-color-on-accent: #fff8ef;
    --dg-color-focus: #1f5f4a;
    --dg-focus-ring-width: 3px;
    --dg-radius: 0;
    --dg-radius-pill: 0;
    --dg-space-4: 24px;
    display: grid;
    gap: 24px;
    max-inline-size: 52rem;
    padding: 24px;
    background: #efe2cf;
  }
  .juniper ::part(heading) {
    font-size: 1.4rem;
    font-weight: 400;
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }
  .juniper ::part(button) {
    font-weight: 700;
    letter-spacing: 0.03em;
  }
  .juniper ::part(base) {
    border-width: 0 0 0 6px;
    border-inline-start-color: #7a2e0e;
  }
</style>`;

export const HostTheme: StoryObj = {
  name: 'A host theme unlike the default',
  render: () =>
    html`${hostTheme}
      <div class="juniper">
        <masking-settings></masking-settings>
        <staff-override-list></staff-override-list>
        <giftcard-id-generator></giftcard-id-generator>
      </div>`,
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'giftcard-id-generator');
    const primary = await waitFor(() => root.querySelector<HTMLElement>('button.primary'), 'the primary button');
    const style = getComputedStyle(primary);
    if (style.backgroundColor !== 'rgb(122, 46, 14)')
      throw new Error(`The host's accent lost: ${style.backgroundColor}`);
    if (!style.fontFamily.includes('Georgia')) throw new Error(`The host's font lost: ${style.fontFamily}`);
    const heading = root.querySelector<HTMLElement>('[part~="heading"]')!;
    if (getComputedStyle(heading).textTransform !== 'uppercase') throw new Error('The ::part(heading) rule lost');
  },
};

const page = () =>
  html`<div style="display: grid; gap: 16px; max-inline-size: 52rem">
    <masking-settings></masking-settings>
    <staff-override-list></staff-override-list>
    <verification-report></verification-report>
  </div>`;

/** Waits until the masking heading reads `heading`, so the locale is on show. */
async function speaks(canvasElement: HTMLElement, heading: string, direction: 'ltr' | 'rtl'): Promise<void> {
  const root = await shadowOf(canvasElement, 'masking-settings');
  await waitFor(() => root.querySelector('[part~="heading"]')?.textContent?.trim() === heading, `"${heading}"`);
  const host = canvasElement.querySelector('masking-settings')!;
  const shown = getComputedStyle(host).direction;
  if (shown !== direction) throw new Error(`Expected ${direction}, shown ${shown}`);
}

export const Arabic: StoryObj = {
  name: 'Arabic, right to left',
  globals: { locale: 'ar' },
  render: page,
  play: ({ canvasElement }) => speaks(canvasElement, 'إخفاء جهات اتصال العملاء', 'rtl'),
};

export const Spanish: StoryObj = {
  name: 'Spanish',
  globals: { locale: 'es' },
  render: page,
  play: ({ canvasElement }) => speaks(canvasElement, 'Ocultación de los contactos de clientes', 'ltr'),
};
