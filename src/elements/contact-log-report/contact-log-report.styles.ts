import { css } from 'lit';

export const styles = css`
  form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-1);
    flex: 1 1 100%;
  }

  .query {
    display: flex;
    gap: var(--_space-2);
  }

  .query input {
    flex: 1;
    min-inline-size: 0;
    font-family: var(--_font-mono, ui-monospace, monospace);
  }

  code {
    font-size: var(--_font-size-small);
    overflow-wrap: anywhere;
  }

  p {
    margin: 0;
  }

  p[role='status']:empty,
  .field-error:empty {
    display: none;
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part~='chip'] {
    border-radius: var(--_radius-pill);
    background: var(--_subtle);
  }

  [aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }

  [data-kind='red'] {
    color: var(--_danger);
  }

  td {
    overflow-wrap: break-word;
  }

  /* Client, alert and reason hold free text of any length: they wrap anywhere, from a readable width. */
  td:is(:nth-child(2), :nth-child(3), :nth-child(5)) {
    overflow-wrap: anywhere;
    min-inline-size: 8rem;
  }

  /* The preset on one side, the exports on the other. */
  .toolbar {
    flex: 1 1 100%;
  }

  .exports {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-inline-start: auto;
  }

  /* A cell's second line: the client's contact, the alert's text, the location. */
  .line {
    display: block;
  }

  .detail td {
    background: var(--_subtle);
  }

  /* A header and its sort arrow stay on one line. */
  button.sort {
    white-space: nowrap;
  }

  /* On a phone: the alert, the reason and a log's details take the whole width. */
  @container (width < 36rem) {
    td:nth-child(3),
    td:nth-child(5),
    /* A cell's second line: the client's contact, the alert's text, the location. */
  .line {
      display: block;
    }

    .detail td {
      grid-column: 1 / -1;
    }
  }
`;
