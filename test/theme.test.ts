/**
 * The theme: the default tokens' contrast in light and dark, a host's tokens and
 * `::part()` rules winning over the defaults, the colour scheme following the user
 * unless the host forces one, and no motion for a user who asks for less.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import '../src/define/masking-settings.js';
import '../src/define/giftcard-id-generator.js';
import '../src/define/staff-override-list.js';
import { tokens } from '../src/internal/styles.js';
import type { MaskingSettingsElement } from '../src/elements/masking-settings/masking-settings.js';
import { $, until } from './support/dom.js';
import { restAdapter, useMock } from './support/mock.js';

/** An element with nothing but the kit's tokens, to read what each resolves to. */
class TokenProbe extends LitElement {
  static override styles = tokens;
  /** The colour a token resolves to, as `rgb(r, g, b)`. */
  resolve(token: string): string {
    const probe = document.createElement('span');
    probe.style.color = `var(${token})`;
    this.renderRoot.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  }
}
customElements.define('dg-token-probe', TokenProbe);

function luminance(color: string): number {
  const [r, g, b] = color
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map(Number) as [number, number, number];
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** [foreground, background, least contrast]: text 4.5:1, boundaries and focus 3:1 (WCAG 1.4.3, 1.4.11). */
const PAIRS: [string, string, number][] = [
  ['--_fg', '--_bg', 4.5],
  ['--_muted', '--_bg', 4.5],
  ['--_fg', '--_subtle', 4.5],
  ['--_muted', '--_subtle', 4.5],
  ['--_accent', '--_bg', 4.5],
  ['--_on-accent', '--_accent', 4.5],
  ['--_danger', '--_bg', 4.5],
  ['--_danger', '--_danger-bg', 4.5],
  ['--_bg', '--_danger', 4.5],
  ['--_fg', '--_danger-bg', 4.5],
  ['--_fg', '--_notice-bg', 4.5],
  ['--_success', '--_bg', 4.5],
  ['--_border', '--_bg', 3],
  ['--_border', '--_subtle', 3],
  ['--_focus', '--_bg', 3],
  ['--_focus', '--_subtle', 3],
];

describe('theme', () => {
  afterEach(async () => {
    fixtureCleanup();
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`meets AA contrast with the default tokens, ${scheme}`, async () => {
      const probe = await fixture<TokenProbe>(
        html`<dg-token-probe style="--dg-color-scheme: ${scheme}"></dg-token-probe>`,
      );
      const failing = PAIRS.map(([fg, bg, least]) => ({
        fg,
        bg,
        least,
        ratio: contrast(probe.resolve(fg), probe.resolve(bg)),
      }))
        .filter(({ ratio, least }) => ratio < least)
        .map(({ fg, bg, ratio, least }) => `${fg} on ${bg}: ${ratio.toFixed(2)} < ${least}`);
      expect(failing).to.deep.equal([]);
      // The schemes differ: dark text on light, light text on dark.
      const [fg, bg] = [luminance(probe.resolve('--_fg')), luminance(probe.resolve('--_bg'))];
      expect(scheme === 'light' ? fg < bg : fg > bg, 'text is the contrasting shade').to.equal(true);
    });

    it(`draws card and row lines quieter than control outlines, yet visible, ${scheme}`, async () => {
      const probe = await fixture<TokenProbe>(
        html`<dg-token-probe style="--dg-color-scheme: ${scheme}"></dg-token-probe>`,
      );
      // Decorative lines need no 3:1 (WCAG 1.4.11 asks it of controls' boundaries, which keep --_border).
      const line = contrast(probe.resolve('--_line'), probe.resolve('--_bg'));
      expect(line, 'a line on the surface').to.be.within(
        1.2,
        contrast(probe.resolve('--_border'), probe.resolve('--_bg')),
      );
    });
  }

  it('follows the user’s colour scheme unless the host forces one', async () => {
    const probe = await fixture<TokenProbe>(html`<dg-token-probe></dg-token-probe>`);
    await emulateMedia({ colorScheme: 'dark' });
    expect(luminance(probe.resolve('--_bg')), 'dark by the user’s preference').to.be.below(0.1);
    probe.style.setProperty('--dg-color-scheme', 'light');
    expect(luminance(probe.resolve('--_bg')), 'light when the host says so').to.be.above(0.8);
    await emulateMedia({ colorScheme: 'light' });
    probe.style.setProperty('--dg-color-scheme', 'dark');
    expect(luminance(probe.resolve('--_bg')), 'dark when the host says so').to.be.below(0.1);
  });

  it('lets a host’s tokens and ::part rules win, from any ancestor or on the element', async () => {
    await useMock({ business: 'premium-new' });
    const page = await fixture<HTMLElement>(
      html`<div style="--dg-color-accent: rgb(122, 46, 14); --dg-radius: 0px">
        <style>
          .host-theme::part(heading) {
            text-transform: uppercase;
          }
        </style>
        <masking-settings class="host-theme" .adapter=${restAdapter()}></masking-settings>
      </div>`,
    );
    const element = page.querySelector<MaskingSettingsElement>('masking-settings')!;
    const toggle = await until(
      () => element.shadowRoot!.querySelector<HTMLInputElement>('input[role="switch"]:checked'),
      'masking on',
    );
    expect(getComputedStyle(toggle).backgroundColor, 'an ancestor’s accent').to.equal('rgb(122, 46, 14)');
    expect(getComputedStyle($(element, '[part~="base"]')).borderTopLeftRadius, 'an ancestor’s radius').to.equal('0px');
    expect(getComputedStyle($(element, '[part~="heading"]')).textTransform, 'a ::part rule').to.equal('uppercase');
    element.style.setProperty('--dg-color-accent', 'rgb(31, 95, 74)');
    // The switch eases between colours; the new one is reached after its transition.
    await until(() => getComputedStyle(toggle).backgroundColor === 'rgb(31, 95, 74)', 'the element’s own accent');
  });

  it('sets type in the system’s interface font, or the page’s when the host asks', async () => {
    const page = await fixture<HTMLElement>(
      html`<div style="font-family: Georgia, serif">
        <style>
          .page-font {
            font-family: inherit;
          }
        </style>
        <dg-token-probe></dg-token-probe>
        <dg-token-probe class="page-font"></dg-token-probe>
        <dg-token-probe style="--dg-font-family: 'Courier New', monospace"></dg-token-probe>
      </div>`,
    );
    const [plain, inherited, token] = [...page.querySelectorAll('dg-token-probe')].map(
      (e) => getComputedStyle(e).fontFamily,
    );
    expect(plain, 'the default').to.match(/^system-ui/);
    expect(inherited, 'font-family: inherit on the element').to.equal('Georgia, serif');
    expect(token, 'the token').to.equal('"Courier New", monospace');
  });

  it('takes the density of its rows from --dg-row-padding', async () => {
    await useMock({ business: 'premium-new' });
    const list = await fixture<HTMLElement>(
      html`<staff-override-list style="--dg-row-padding: 2px" .adapter=${restAdapter()}></staff-override-list>`,
    );
    const row = await until(() => list.shadowRoot!.querySelector('[role="option"]'), 'the rows');
    expect(getComputedStyle(row).paddingTop).to.equal('2px');
    list.style.removeProperty('--dg-row-padding');
    expect(getComputedStyle(row).paddingTop, 'the default').to.equal('8px');
  });

  it('moves nothing for a user who asks for reduced motion', async () => {
    await useMock({ business: 'premium-new' });
    const element = await fixture<MaskingSettingsElement>(
      html`<masking-settings .adapter=${restAdapter()}></masking-settings>`,
    );
    const toggle = await until(
      () => element.shadowRoot!.querySelector<HTMLInputElement>('input[role="switch"]'),
      'the switch',
    );
    expect(getComputedStyle(toggle).transitionDuration, 'the switch slides by default').to.not.equal('0s');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(toggle).transitionDuration).to.equal('0s');
    expect(getComputedStyle(toggle, '::before').transitionDuration).to.equal('0s');
  });
});
