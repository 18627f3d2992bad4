import { css } from 'lit';

export const styles = css`
  button.line {
    margin-block-start: var(--_space-1);
  }

  .flag {
    display: inline-block;
    padding-inline: var(--_space-2);
    border-radius: var(--_radius-pill);
    background: var(--_notice-bg);
    white-space: nowrap;
  }

  [data-flag='no-login'] {
    background: var(--_danger-bg);
    color: var(--_danger);
    font-weight: 600;
  }

  [data-outcome='failure'],
  [data-outcome='locked-out'] {
    color: var(--_danger);
  }

  /* On a phone: the flags and their action take the whole width. */
  @container (width < 36rem) {
    td:last-child {
      grid-column: 1 / -1;
    }
  }
`;
