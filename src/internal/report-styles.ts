import { css } from 'lit';

/**
 * The report frame's table, shared by every report: a caption, sortable headers as
 * buttons, rows that wrap long text, and on a narrow container each row as a block of
 * labelled fields (`data-label` on each cell) with the sort buttons as pills. A report
 * names the cells that take the whole width on a phone in its own styles.
 */
export const reportStyles = css`
  .scroll {
    overflow-x: auto;
    container-type: inline-size;
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-small);
  }

  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: var(--_space-2);
  }

  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: var(--dg-row-padding, var(--_space-2)) var(--_space-2);
    border-block-end: 1px solid var(--_line);
  }

  /* Sortable headers are buttons, taller than a plain header's text: centre both. */
  th {
    vertical-align: middle;
  }

  td.wrap {
    overflow-wrap: anywhere;
    min-inline-size: 8rem;
  }

  button.sort {
    font-weight: 600;
    border: 0;
    padding-inline: 0;
    background: none;
  }

  button.link {
    border: 0;
    padding-inline: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
  }

  /* On a phone each row is a block of labelled fields with its actions in view; the headers stay, as sort buttons. */
  @container (width < 36rem) {
    table,
    caption,
    thead,
    tbody,
    th,
    td {
      display: block;
    }

    thead tr {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2);
      padding-block-end: var(--_space-3);
      border-block-end: 1px solid var(--_line);
    }

    /* The sort buttons as chips, so that they read as buttons without the columns under them. */
    button.sort {
      padding-inline: var(--_space-3);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-pill);
    }

    /* Two columns of half the width each, whatever a name holds: long words wrap inside them. */
    tbody tr {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: var(--_space-2);
      padding-block: var(--_space-3);
      border-block-end: 1px solid var(--_line);
    }

    th,
    td {
      padding: 0;
      border: 0;
    }

    td {
      overflow-wrap: anywhere;
    }

    th:not(:has(.sort)) {
      display: none;
    }

    td[data-label]::before {
      content: attr(data-label);
      display: block;
      color: var(--_muted);
    }
  }

  h3 {
    margin: 0;
    font-size: var(--_font-size-large);
  }
`;
