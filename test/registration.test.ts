/**
 * A host registers the classes under its own tag names: `deskguard` registers nothing, a
 * renamed provider still provides to renamed elements, and a later default registration
 * (a define module imported anyway) neither throws nor takes the class a second time.
 */
import { expect, fixture, html } from '@open-wc/testing';
import {
  ClientAlertDialogElement,
  DeskguardProvider,
  GiftcardIdGeneratorElement,
  MaskingSettingsElement,
  type MemoryAdapter,
  StaffOverrideListElement,
  VerificationReportElement,
} from '../src/index.js';
import { createSeedData } from '../mocks/index.js';
import { $, button, until } from './support/dom.js';
import { DEFAULT_TAGS } from './support/tags.js';
import { inPage } from './support/mock.js';

const RENAMED = {
  'acme-provider': DeskguardProvider,
  'acme-masking': MaskingSettingsElement,
  'acme-staff-list': StaffOverrideListElement,
  'acme-gift-number': GiftcardIdGeneratorElement,
  'acme-alerts': ClientAlertDialogElement,
  'acme-link-requests': VerificationReportElement,
};

function adapter(): MemoryAdapter {
  return inPage(createSeedData({ business: 'premium-new' })).adapter('staff-admin');
}

describe('tag names chosen by the host', () => {
  it('importing the package registers no tag', () => {
    for (const tag of DEFAULT_TAGS) expect(customElements.get(tag), tag).to.equal(undefined);
  });

  it('every element works under a host name, inside a provider under a host name', async () => {
    for (const [tag, cls] of Object.entries(RENAMED)) customElements.define(tag, cls);
    const host = await fixture<HTMLElement>(html`
      <acme-provider .adapter=${adapter()}>
        <acme-masking></acme-masking>
        <acme-staff-list></acme-staff-list>
        <acme-gift-number></acme-gift-number>
        <acme-alerts></acme-alerts>
        <acme-link-requests></acme-link-requests>
      </acme-provider>
    `);

    const masking = host.querySelector<MaskingSettingsElement>('acme-masking')!;
    await until(() => masking.shadowRoot?.querySelector('input[role="switch"]'), 'the masking switch');
    expect($<HTMLInputElement>(masking, 'input[role="switch"]').checked).to.equal(true);

    const list = host.querySelector<StaffOverrideListElement>('acme-staff-list')!;
    await until(() => list.shadowRoot?.querySelector('[role="option"]'), 'the staff rows');

    const report = host.querySelector<VerificationReportElement>('acme-link-requests')!;
    await until(() => report.shadowRoot?.querySelector('tbody tr'), 'the report rows');

    const generator = host.querySelector<GiftcardIdGeneratorElement>('acme-gift-number')!;
    await until(() => generator.shadowRoot?.querySelector('button'), 'the generator');
    button(generator, 'Generate random number').click();
    await until(() => generator.value, 'a reserved number');
    expect(generator.value).to.match(/^[789]\d{11}$/);

    const dialog = host.querySelector<ClientAlertDialogElement>('acme-alerts')!;
    const outcome = dialog.open({ clientId: 'client-6', context: 'sign-in' });
    await until(() => dialog.shadowRoot?.querySelector('dialog[open]'), 'the alerts');
    dialog.cancel();
    expect((await outcome).status).to.equal('cancelled');
  });

  it('a define module imported afterwards throws nothing and leaves the host names alone', async () => {
    await import('../src/all.js');
    expect(customElements.getName(MaskingSettingsElement)).to.equal('acme-masking');
    expect(customElements.get('masking-settings')).to.equal(undefined);
  });
});
