import { css } from 'lit';

export const styles = css`
  .check {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }

  .check input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
  }

  p[role='status']:empty {
    display: none;
  }

  /* Status in words, the waiting ones as a badge. */
  [data-status='pending'] {
    display: inline-block;
    padding-inline: var(--_space-2);
    border-radius: var(--_radius-pill);
    background: var(--_notice-bg);
    font-weight: 500;
    white-space: nowrap;
  }

  [data-status='verified'] {
    color: var(--_success);
  }

  /* The marks beside the words, in the words' colour. */
  svg {
    inline-size: 1em;
    block-size: 1em;
    margin-inline-end: var(--_space-1);
    vertical-align: -0.125em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .mismatch {
    color: var(--_danger);
    font-weight: 600;
  }

  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }

  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_bg);
  }

  /* On a phone: the emails and the actions take the whole width. */
  @container (width < 36rem) {
    td:nth-child(4),
    td:last-child {
      grid-column: 1 / -1;
    }
  }
`;
