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

  /* An address breaks where it has <wbr>: after its @ and dots. */
  .email {
    overflow-wrap: break-word;
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

  /* On a phone each request is a block of labelled fields with its actions in view; the headers stay, as sort buttons. */
  @container (width < 36rem) {
    table,
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

    tbody tr {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: var(--_space-2);
      padding-block: var(--_space-3);
      border-block-end: 1px solid var(--_line);
    }

    th,
    td {
      padding: 0;
      border: 0;
    }

    th:not(:has(.sort)) {
      display: none;
    }

    td:nth-child(4),
    td:last-child {
      grid-column: 1 / -1;
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
