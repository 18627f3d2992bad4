/**
 * The unload warning, in a page of its own with the in-memory adapter: a beforeunload
 * event stops the mock's service worker, so this page never starts one.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define/staff-override-list.js';
import type { StaffOverrideListElement } from '../src/elements/staff-override-list/staff-override-list.js';
import { CORE_STAFF, createSeedData } from '../mocks/index.js';
import { $$, button, until } from './support/dom.js';
import { inPage } from './support/mock.js';

function leave(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

it('asks the browser to confirm leaving with unsaved changes, only when told to', async () => {
  const adapter = inPage(createSeedData()).adapter(CORE_STAFF.admin.id);
  const element = await fixture<StaffOverrideListElement>(
    html`<staff-override-list .adapter=${adapter}></staff-override-list>`,
  );
  const tom = await until(
    () =>
      $$<HTMLElement>(element, '[role="option"]').find((o) => o.textContent?.includes(CORE_STAFF['front-desk'].name)),
    'the list',
  );
  expect(leave(), 'nothing unsaved').to.equal(false);
  tom.click();
  await element.updateComplete;
  expect(leave(), 'not asked to warn').to.equal(false);
  element.warnOnUnload = true;
  expect(leave(), 'unsaved changes').to.equal(true);
  button(element, 'Cancel').click();
  await element.updateComplete;
  expect(leave(), 'nothing unsaved any more').to.equal(false);
  element.remove();
  tom.click();
  expect(leave(), 'a removed element does not warn').to.equal(false);
});
