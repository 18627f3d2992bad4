import { css } from 'lit';

export const styles = css`
  .flag {
    display: block;
    inline-size: fit-content;
    padding-inline: var(--_space-2);
    border-radius: var(--_radius-pill);
    background: var(--_danger-bg);
    color: var(--_danger);
    font-weight: 600;
    white-space: nowrap;
  }

  .replay {
    display: grid;
    gap: var(--_space-2);
    padding-block-start: var(--_space-4);
    border-block-start: 2px solid var(--_line);
  }

  /* On a phone: the report with its filters, and the access with its View button, take the whole width. */
  @container (width < 36rem) {
    td:nth-child(3),
    td:nth-child(5) {
      grid-column: 1 / -1;
    }
  }
`;
