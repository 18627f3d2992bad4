import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StoryMockConfig } from './support/mock.js';

/**
 * The MioSalon security settings page: the masking switch above the Data Visibility
 * Override Control. Turning masking off makes the list read-only at once (it hears the
 * switch's `masking-change` event); turning it on makes it editable again. Both talk to
 * the same backend through the page's `<deskguard-provider>`.
 */
const meta: Meta = {
  title: 'Pages/Security settings',
  render: () => html`
    <div style="display: grid; gap: 16px; max-inline-size: 48rem">
      <masking-settings></masking-settings>
      <staff-override-list warn-on-unload></staff-override-list>
    </div>
  `,
};
export default meta;

const mock = (deskguard: StoryMockConfig) => ({ deskguard });

export const MaskingOn: StoryObj = { name: 'Premium, masking on', parameters: mock({ business: 'premium-new' }) };
export const MaskingOff: StoryObj = {
  name: 'Premium, masking off',
  parameters: mock({ business: 'premium-existing' }),
};
export const Standard: StoryObj = { name: 'Standard plan', parameters: mock({ business: 'standard' }) };
