import { css } from 'lit';

/** A list of facts (`<dl>`): each label muted beside its value, values wrapping anywhere. */
export const factsStyles = css`
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_space-1) var(--_space-3);
    margin: 0;
  }

  dt {
    color: var(--_muted);
  }

  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;
