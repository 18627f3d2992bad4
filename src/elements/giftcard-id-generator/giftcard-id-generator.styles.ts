import { css } from 'lit';

export const styles = css`
  .number {
    font-family: var(--dg-font-family-numbers, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    font-size: 1.75em;
    font-variant-numeric: tabular-nums slashed-zero;
    font-weight: 600;
    letter-spacing: 0.06em;
  }

  .number > span {
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.6em;
  }

  .number span span {
    white-space: nowrap;
  }

  .entry {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-1);
    padding-block-start: var(--_space-3);
    border-block-start: 1px solid var(--_line);
  }

  label {
    font-weight: 500;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }

  input {
    flex: 1 1 12rem;
    font-family: var(--dg-font-family-numbers, ui-monospace, monospace);
    letter-spacing: 0.04em;
  }

  input[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
`;
