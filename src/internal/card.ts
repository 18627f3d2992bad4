import { html, type TemplateResult } from 'lit';
import { msg } from './localize.js';

export interface CardOptions {
  /** The heading text; the heading is `#heading` and labels the card. */
  title: string;
  /** The heading level (1–6) that fits the host page's outline. */
  headingLevel: number;
  /** What the element does, under the heading. */
  description: string;
  /** Marks the card busy while it loads or saves. */
  busy: boolean;
  body: unknown;
}

/** The frame every element renders: a labelled section (`part="base"`) with its heading and description. */
export function card({ title, headingLevel, description, busy, body }: CardOptions): TemplateResult {
  return html`
    <section part="base" class="card" aria-labelledby="heading" aria-busy=${busy}>
      <div
        id="heading"
        part="heading"
        class="heading"
        role="heading"
        aria-level=${Math.min(6, Math.max(1, headingLevel))}
      >
        ${title}
      </div>
      <p id="description" part="description" class="muted">${description}</p>
      ${body}
    </section>
  `;
}

/** What an element says when it has no adapter to talk to. */
export function noAdapterNotice(): TemplateResult {
  return html`<p part="notice" class="notice">
    ${msg('No data adapter: set the adapter property, or place this element inside a deskguard-provider.')}
  </p>`;
}
