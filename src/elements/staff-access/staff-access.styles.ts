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

  .status {
    font-weight: 600;
  }

  [data-status='locked'] {
    color: var(--_danger);
  }

  [data-status='no-login'] {
    color: var(--_muted);
  }

  form,
  label {
    display: grid;
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
