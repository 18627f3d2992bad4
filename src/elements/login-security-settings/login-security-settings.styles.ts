import { css } from 'lit';

export const styles = css`
  .form,
  .form fieldset {
    display: grid;
    gap: var(--_space-3);
  }

  .setting {
    display: grid;
    gap: var(--_space-1);
    justify-items: start;
  }

  .setting label {
    font-weight: 500;
  }

  /* A checkbox before its label. */
  .inline {
    grid-template-columns: auto minmax(0, 1fr);
    align-items: center;
    column-gap: var(--_space-2);
  }

  .inline > label {
    grid-column: 2;
    grid-row: 1;
  }

  .inline > p {
    grid-column: 2;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }

  .row span {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  input[type='number'] {
    inline-size: 8rem;
  }

  input[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
`;
