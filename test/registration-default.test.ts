/**
 * The default tag names: the define modules register each tag once however often they run,
 * and a host that needs a second name beside the default one registers a subclass.
 */
import { expect, fixture } from '@open-wc/testing';
import '../src/all.js';
import { MaskingSettingsElement } from '../src/index.js';
import { createSeedData } from '../mocks/index.js';
import { until } from './support/dom.js';
import { DEFAULT_TAGS } from './support/tags.js';
import { inPage } from './support/mock.js';

describe('default tag names', () => {
  it('a second copy of every define module throws nothing and keeps the first registration', async () => {
    const before = DEFAULT_TAGS.map((tag) => customElements.get(tag));
    for (const name of DEFAULT_TAGS) await import(/* @vite-ignore */ `../src/define/${name}.ts?copy=2`);
    expect(DEFAULT_TAGS.map((tag) => customElements.get(tag))).to.deep.equal(before);
    expect(before.every((cls) => typeof cls === 'function')).to.equal(true);
  });

  it('a subclass takes a second name beside the default one', async () => {
    customElements.define('other-masking', class extends MaskingSettingsElement {});
    const adapter = inPage(createSeedData({ business: 'premium-new' })).adapter('staff-admin');
    const element = await fixture<MaskingSettingsElement>('<other-masking></other-masking>');
    element.adapter = adapter;
    await until(() => element.shadowRoot?.querySelector('input[role="switch"]'), 'the switch under the second name');
    expect(element).to.be.instanceOf(MaskingSettingsElement);
    expect(customElements.get('masking-settings')).to.equal(MaskingSettingsElement);
  });
});
