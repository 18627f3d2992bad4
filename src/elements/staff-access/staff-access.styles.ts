import { css } from 'lit';

export const styles = css`
  /* The facts stack on a narrow element, wherever the host puts it. */
  .facts {
    container-type: inline-size;
  }

  p {
    margin: 0;
  }

  p[role='status']:empty,
  .field-error:empty {
    display: none;
  }

  /* Whose access it is, as prominent as a page title, with the login's status as a badge beside it. */
  .person {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-3);
  }

  .name {
    font-size: var(--_font-size-large);
    font-weight: 600;
    min-inline-size: 0;
  }

  .status {
    padding-inline: var(--_space-2);
    border-radius: var(--_radius-pill);
    background: var(--_subtle);
    font-size: var(--_font-size-small);
    font-weight: 600;
  }

  [data-status='active'] {
    color: var(--_success);
  }

  [data-status='locked'] {
    background: var(--_danger-bg);
    color: var(--_danger);
  }

  [data-status='no-login'] {
    color: var(--_muted);
  }

  /* Deactivating is not routine: set apart at the end of the row, in the danger colour but not
     filled (the filled button is the confirmation's, once staff have read what happens). */
  button.leave {
    margin-inline-start: auto;
    border-color: var(--_danger);
    color: var(--_danger);
  }

  /* One column as wide as the form, never its content's: a name with no spaces wraps inside it. */
  form,
  label {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-2);
  }

  .confirm {
    padding: var(--_space-3);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }

  ul:empty {
    display: none;
  }

  #password-rules {
    color: var(--_danger);
  }

  ul {
    margin: 0;
    padding-inline-start: var(--_space-4);
  }

  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_bg);
  }

  /* On a phone the facts stack, each label over its value. */
  @container (width < 28rem) {
    dl {
      grid-template-columns: 1fr;
    }

    dd {
      margin-block-end: var(--_space-2);
    }
  }
`;
