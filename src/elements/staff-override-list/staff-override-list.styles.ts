import { css } from 'lit';

export const styles = css`
  .list {
    position: relative;
    max-block-size: var(--dg-list-max-height, 24rem);
    overflow-y: auto;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
  }

  /* Rows about to be replaced stay readable (faded text fails contrast): a bar along the
     top of the list says it is loading. */
  .list[aria-busy='true'] {
    box-shadow: inset 0 3px 0 var(--_accent);
  }

  [role='option'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-3);
    min-block-size: 2.75rem;
    padding: var(--dg-row-padding, var(--_space-2)) var(--_space-3);
    border-block-end: 1px solid var(--_subtle);
    cursor: pointer;
  }

  [role='option'].active {
    background: var(--_subtle);
  }

  .list:focus-visible {
    outline-offset: -2px;
  }

  .list:focus-visible [role='option'].active {
    outline: var(--_focus-ring);
    outline-offset: -4px;
  }

  [role='option'][aria-disabled='true'] {
    cursor: default;
  }

  .check {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    border: 2px solid var(--_border);
    border-radius: 4px;
    display: grid;
    place-items: center;
  }

  [aria-selected='true'] > .check {
    background: var(--_accent);
    border-color: var(--_accent);
  }

  [aria-selected='true'] > .check::after {
    content: '';
    inline-size: 0.35rem;
    block-size: 0.7rem;
    border: solid var(--_on-accent);
    border-width: 0 2px 2px 0;
    transform: translateY(-1px) rotate(45deg);
  }

  [aria-disabled='true'] > .check {
    opacity: 0.6;
  }

  .who {
    display: grid;
    flex: 1 1 12rem;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .name {
    font-weight: 500;
  }

  .status {
    font-size: var(--_font-size-small);
    font-weight: 600;
  }

  .status:not(:empty) {
    padding-inline: var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-pill);
  }

  /* On a narrow screen the three buttons wrap into even rows that fill the card, not a ragged line. */
  [part='bulk'] {
    max-inline-size: 30rem;
  }

  [part='bulk'] button {
    flex: 1 1 auto;
  }

  .pager,
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
  }

  .error ul {
    margin: 0;
    padding-inline-start: var(--_space-4);
    color: var(--_fg);
  }
`;
