import { css } from 'lit';

/**
 * The modal dialog frame the elements share: as wide as `--_dialog-width` allows and
 * never wider or taller than the screen, one column that never overflows sideways.
 */
export const dialogStyles = css`
  dialog {
    inline-size: min(var(--_dialog-width, 32rem), calc(100vw - 2 * var(--_space-3)));
    max-block-size: calc(100dvh - 2 * var(--_space-3));
    padding: var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
  }

  dialog[open] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-3);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
`;
