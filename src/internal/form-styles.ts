import { css } from 'lit';

/** Forms of many settings: sections as fieldsets with a bold legend, and checkboxes a finger can hit. */
export const formStyles = css`
  fieldset {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: var(--_space-3);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
  }

  /* The title inside its box, not on the border: a title of two lines (a phone, a long
     translation) would cross the border there. Floated, a legend is the box's first row. */
  legend {
    float: inline-start;
    inline-size: 100%;
    padding: 0;
    font-weight: 600;
  }

  input[type='checkbox'] {
    flex: none;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    accent-color: var(--_accent);
  }
`;
