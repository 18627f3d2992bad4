import { css } from 'lit';

export const styles = css`
  dialog {
    --_dialog-width: var(--dg-dialog-width, 36rem);
  }

  h2 {
    margin: 0;
    font-size: var(--_font-size-large);
  }

  .contact {
    display: inline-block;
    margin-inline-end: var(--_space-3);
    overflow-wrap: anywhere;
  }

  .alerts {
    display: grid;
    gap: var(--_space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .alert {
    display: grid;
    gap: var(--_space-1);
    padding: var(--_space-3);
    border: 1px solid var(--_line);
    border-inline-start: 6px solid var(--_border);
    border-radius: var(--_radius);
  }

  .kind {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }

  [part='icon'] {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    fill: none;
    stroke: var(--_mark, var(--_muted));
    stroke-width: 1.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  [data-kind='red'] {
    /* A saturated red in both schemes: the danger colour turns pale in the dark one. */
    --_mark: var(--dg-color-alert-red, light-dark(#c5221f, #ff5449));
    border-inline-start-color: var(--_mark);
  }

  [data-kind='yellow'] {
    --_mark: var(--dg-color-alert-yellow, light-dark(#8a6100, #f0c24b));
    border-inline-start-style: dashed;
    border-inline-start-color: var(--_mark);
  }

  .text {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  label {
    font-weight: 500;
    margin-block-start: var(--_space-1);
  }

  textarea {
    font: inherit;
    inline-size: 100%;
    min-block-size: 3.5rem;
    padding: var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    resize: vertical;
  }

  textarea[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }

  /* The answer stays in reach however many alerts there are. */
  .actions {
    position: sticky;
    inset-block-end: calc(-1 * var(--_space-4));
    justify-content: flex-end;
    margin-block-end: calc(-1 * var(--_space-4));
    padding-block: var(--_space-2) var(--_space-4);
    background: var(--_bg);
  }

  /* An alert that appeared while staff were answering. */
  .new {
    display: inline-block;
    padding-inline: var(--_space-2);
    border-radius: var(--_radius-pill);
    background: var(--_notice-bg);
    color: var(--_fg);
    font-size: var(--_font-size-small);
    font-weight: 600;
  }
`;
