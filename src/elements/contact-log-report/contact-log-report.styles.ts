import { css } from 'lit';

export const styles = css`
  [data-kind='red'] {
    color: var(--_danger);
  }

  td {
    overflow-wrap: break-word;
  }

  /* Client, alert, reason and staff hold free text of any length: they wrap anywhere, from a readable width. */
  td:is(:nth-child(2), :nth-child(3), :nth-child(5), :nth-child(6)) {
    overflow-wrap: anywhere;
    min-inline-size: 8rem;
  }

  /* The open log and its details read as one block. */
  .open td,
  .detail td {
    background: var(--_subtle);
  }

  .open td {
    border-block-end-color: transparent;
  }

  /* Ten "Details" in a column are quiet links with a chevron that turns when open, not ten boxes. */
  button.disclosure {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    border-color: transparent;
    background: none;
    color: var(--_accent);
    white-space: nowrap;
  }

  /* On a phone: the alert, the reason and a log's details take the whole width. */
  @container (width < 36rem) {
    td:nth-child(3),
    td:nth-child(5),
    .detail td {
      grid-column: 1 / -1;
    }
  }
`;
