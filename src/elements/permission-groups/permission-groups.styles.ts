import { css } from 'lit';

export const styles = css`
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-4);
  }

  @container (min-width: 40rem) {
    .layout {
      grid-template-columns: minmax(12rem, 16rem) minmax(0, 1fr);
    }

    /* Beside a long editor, the groups stay in view as the page scrolls, scrolling on their own when they are many. */
    .side {
      position: sticky;
      inset-block-start: 0;
      align-self: start;
      max-block-size: 100vh;
      overflow-y: auto;
      overscroll-behavior: contain;
      /* Room for the focus ring inside the scrolling box. */
      padding: var(--_space-1);
      margin: calc(-1 * var(--_space-1));
    }
  }

  :host {
    container-type: inline-size;
  }

  .side,
  .editor,
  .review,
  .field {
    display: grid;
    gap: var(--_space-2);
    align-content: start;
  }

  [part='groups'] {
    display: grid;
    gap: var(--_space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part='group'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 var(--_space-2);
    inline-size: 100%;
    text-align: start;
    border-color: transparent;
  }

  [part='group'][aria-current='true'] {
    background: var(--_subtle);
    border-color: var(--_border);
    border-inline-start: 4px solid var(--_accent);
  }

  .name {
    flex: 1 1 100%;
    font-weight: 500;
    overflow-wrap: anywhere;
  }

  .tag {
    padding-inline: var(--_space-2);
    border: 1px solid currentColor;
    border-radius: var(--_radius-pill);
    font-size: var(--_font-size-small);
  }

  .sensitive {
    color: var(--_danger);
  }

  .field {
    font-weight: 500;
  }

  textarea {
    font: inherit;
    padding: var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
  }

  .permission {
    display: grid;
    grid-template-columns: 1.5rem minmax(0, 1fr);
    align-items: center;
    gap: 0 var(--_space-2);
    padding-block: var(--dg-row-padding, var(--_space-1));
  }

  .permission[hidden],
  .section[hidden] {
    display: none;
  }

  /* A section folds to one line that says how much of it the group holds. */
  .section {
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
  }

  .section fieldset {
    margin: 0;
    padding: 0 var(--_space-3) var(--_space-3);
    border: 0;
  }

  summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-2);
    min-block-size: 2.75rem;
    padding-inline: var(--_space-3);
    cursor: pointer;
    list-style: none;
  }

  summary::-webkit-details-marker {
    display: none;
  }

  .section-name {
    font-weight: 600;
    min-inline-size: 0;
  }

  .section-name + .muted {
    margin-inline-start: auto;
  }

  /* A name staff may not change reads as text, not as a field. */
  input[readonly] {
    border-color: transparent;
    background: none;
    padding-inline: 0;
    font-weight: 600;
  }

  .permission p {
    grid-column: 2;
  }

  .check-row {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }

  /* The way to save stays in reach below a long list of permissions. */
  .members ul {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .members li {
    flex-wrap: wrap;
  }

  .members .name {
    flex: 1 1 10rem;
  }

  .members select {
    flex: 1 1 10rem;
    max-inline-size: 100%;
  }

  /* A column as wide as the editor, never its content's: a long group name in a picker shrinks it. */
  .editor {
    grid-template-columns: minmax(0, 1fr);
  }

  .footer {
    position: sticky;
    inset-block-end: 0;
    align-items: center;
    padding-block: var(--_space-2);
    border-block-start: 1px solid var(--_line);
    background: var(--_bg);
  }

  .review {
    padding: var(--_space-3);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
  }

  .review ul {
    margin: 0;
    padding-inline-start: var(--_space-4);
  }
`;
