import { css } from 'lit';

export const styles = css`
  .control {
    display: flex;
    align-items: center;
    gap: var(--_space-3);
  }

  label {
    font-weight: 500;
    cursor: pointer;
  }

  input[role='switch'] {
    appearance: none;
    position: relative;
    flex: none;
    inline-size: 2.75rem;
    block-size: 1.5rem;
    margin: 0;
    border: 2px solid var(--_border);
    border-radius: var(--_radius-pill);
    background: var(--_subtle);
    cursor: pointer;
    transition: background-color 120ms ease;
  }

  input[role='switch']::before {
    content: '';
    position: absolute;
    inset-block-start: 2px;
    inset-inline-start: 2px;
    inline-size: 1rem;
    block-size: 1rem;
    border-radius: 50%;
    background: var(--_border);
    transition: transform 120ms ease;
  }

  input[role='switch']:checked {
    background: var(--_accent);
    border-color: var(--_accent);
  }

  input[role='switch']:checked::before {
    background: var(--_on-accent);
    transform: translateX(1.25rem);
  }

  :host(:dir(rtl)) input[role='switch']:checked::before {
    transform: translateX(-1.25rem);
  }

  input[role='switch'][aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }

  input[role='switch'][aria-disabled='true'] + label {
    cursor: not-allowed;
  }

  .state {
    font-weight: 600;
  }
`;
