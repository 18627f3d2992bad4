import { css } from 'lit';

/**
 * The design tokens. Every colour, space and radius an element uses comes from a
 * `--dg-*` custom property with light and dark defaults. `--dg-color-scheme` picks
 * the scheme (`light dark` follows the user's preference, the default; `light` or
 * `dark` forces one). The private `--_*` names are internal.
 *
 * Every element honours these; the manifest lists them on each (see
 * custom-elements-manifest.config.mjs), beside the element's own.
 *
 * @cssprop --dg-color-scheme - `light dark` (default: follow the user), `light` or `dark`.
 * @cssprop --dg-color-text - Text colour.
 * @cssprop --dg-color-text-muted - Secondary text colour.
 * @cssprop --dg-color-surface - Background.
 * @cssprop --dg-color-surface-subtle - Quiet backgrounds: the active row, a switch that is off.
 * @cssprop --dg-color-border - Control outlines: inputs, buttons, checkboxes (3:1 against the surface).
 * @cssprop --dg-color-border-subtle - Quiet lines around cards and groups and between rows (decorative).
 * @cssprop --dg-color-accent - Primary buttons, picked and switched-on controls.
 * @cssprop --dg-color-on-accent - Text and marks on the accent colour.
 * @cssprop --dg-color-danger - Error text and marker.
 * @cssprop --dg-color-danger-surface - Error background.
 * @cssprop --dg-color-notice-surface - Notice background.
 * @cssprop --dg-color-success - Success text (a match, a saved state).
 * @cssprop --dg-color-focus - Focus ring colour.
 * @cssprop --dg-focus-ring-width - Focus ring width (default 2px).
 * @cssprop --dg-radius - Corner radius (default 8px).
 * @cssprop --dg-radius-pill - Radius of pills and badges (default 999px).
 * @cssprop --dg-space-1 - Smallest space (default 4px).
 * @cssprop --dg-space-2 - Small space (default 8px).
 * @cssprop --dg-space-3 - Medium space (default 12px).
 * @cssprop --dg-space-4 - Large space, the card's padding (default 16px).
 * @cssprop --dg-font-family - Font (default: the system's interface font). For the page's own font, set `font-family: inherit` on the element.
 * @cssprop --dg-font-size - Body text size (default 1rem).
 * @cssprop --dg-font-size-small - Secondary text size (default 0.875rem).
 * @cssprop --dg-font-size-large - Heading size (default 1.125em, of the body size).
 */
export const tokens = css`
  :host {
    color-scheme: var(--dg-color-scheme, light dark);
    --_fg: var(--dg-color-text, light-dark(#1d1d21, #ececf1));
    --_muted: var(--dg-color-text-muted, light-dark(#53535d, #b9b9c3));
    --_bg: var(--dg-color-surface, light-dark(#ffffff, #1c1c21));
    --_subtle: var(--dg-color-surface-subtle, light-dark(#f3f3f6, #2a2a31));
    --_border: var(--dg-color-border, light-dark(#7c7c87, #8f8f9b));
    --_line: var(--dg-color-border-subtle, light-dark(#d4d4dc, #3d3d47));
    --_accent: var(--dg-color-accent, light-dark(#0b57d0, #a8c7fa));
    --_on-accent: var(--dg-color-on-accent, light-dark(#ffffff, #0a2b5c));
    --_danger: var(--dg-color-danger, light-dark(#a3211a, #ffb4ab));
    --_danger-bg: var(--dg-color-danger-surface, light-dark(#fdecea, #3b1714));
    --_notice-bg: var(--dg-color-notice-surface, light-dark(#fff4d6, #3a2f0b));
    --_success: var(--dg-color-success, light-dark(#146c2e, #7ee09a));
    --_focus: var(--dg-color-focus, light-dark(#0b57d0, #a8c7fa));
    --_radius: var(--dg-radius, 8px);
    --_radius-pill: var(--dg-radius-pill, 999px);
    --_space-1: var(--dg-space-1, 4px);
    --_space-2: var(--dg-space-2, 8px);
    --_space-3: var(--dg-space-3, 12px);
    --_space-4: var(--dg-space-4, 16px);
    --_font: var(--dg-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--dg-font-size, 1rem);
    --_font-size-small: var(--dg-font-size-small, 0.875rem);
    --_font-size-large: var(--dg-font-size-large, 1.125em);
    --_focus-ring: var(--dg-focus-ring-width, 2px) solid var(--_focus);

    display: block;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_fg);
    /* Text from data (a name with no spaces, an address) breaks rather than widening the page. */
    overflow-wrap: break-word;
  }

  :host([hidden]) {
    display: none;
  }

  * {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }

  p {
    margin: 0;
  }

  button {
    font: inherit;
    min-block-size: 2.25rem;
    min-inline-size: 2.25rem;
    padding-block: var(--_space-1);
    padding-inline: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    cursor: pointer;
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  input:not([type='checkbox']),
  select {
    font: inherit;
    min-block-size: 2.25rem;
    min-inline-size: 0;
    padding-inline: var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
  }

  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }

  .card {
    display: grid;
    /* A column as wide as the card, never its content's: wide content wraps or scrolls inside. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-3);
    padding: var(--_space-4);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_bg);
  }

  .heading {
    font-size: var(--_font-size-large);
    font-weight: 600;
    margin: 0;
  }

  .muted {
    color: var(--_muted);
    font-size: var(--_font-size-small);
  }

  .error,
  .notice {
    display: grid;
    gap: var(--_space-2);
    justify-items: start;
    padding: var(--_space-3);
    border-radius: var(--_radius);
    border-inline-start: 4px solid currentColor;
  }

  .error {
    background: var(--_danger-bg);
    color: var(--_danger);
  }

  .error p {
    color: var(--_fg);
  }

  /* What answered what, for support: a long path breaks anywhere rather than widen the card. */
  .error code {
    overflow-wrap: anywhere;
  }

  .notice {
    background: var(--_notice-bg);
  }

  /*
   * One language for what an element tells, in every element: .error (red, announced) for a
   * call that failed, with its way forward; .notice (yellow) for what limits the viewer (a
   * refusal, a read-only setting, the plan, a shared login); .empty (quiet) for nothing to show.
   */
  .empty {
    display: grid;
    gap: var(--_space-2);
    justify-items: start;
    padding: var(--_space-4);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
  }

  .filters label {
    display: grid;
    gap: var(--_space-1);
    flex: 1 1 10rem;
    font-size: var(--_font-size-small);
    font-weight: 500;
  }

  /* The size of the help it stands in for: a problem is no louder than its field's help. */
  .field-error {
    color: var(--_danger);
    font-size: var(--_font-size-small);
    font-weight: 500;
  }

  .field-error:empty {
    display: none;
  }

  button[aria-disabled='true'] {
    cursor: progress;
  }

  /* A phone number or an email (contactText()): its breaks are its own, not a table cell's "anywhere". */
  .contact {
    overflow-wrap: break-word;
  }

  /* A disclosure's chevron: along the line when closed (left on a right-to-left page), down when open. */
  .chevron {
    display: inline-block;
    flex: none;
    inline-size: 0.45em;
    block-size: 0.45em;
    border-inline-end: 2px solid currentColor;
    border-block-end: 2px solid currentColor;
    transform: rotate(-45deg);
  }

  :dir(rtl) .chevron,
  [aria-expanded='true'] > .chevron,
  [open] > summary > .chevron {
    transform: rotate(45deg);
  }

  :dir(rtl) [aria-expanded='true'] > .chevron,
  :dir(rtl) [open] > summary > .chevron {
    transform: rotate(-45deg);
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
`;
