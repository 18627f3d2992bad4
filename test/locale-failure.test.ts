/**
 * A locale that fails to load leaves the page as it was, and the run-time switch keeps
 * working. In a page of its own: a browser may keep a failed module for the life of
 * the page (Chromium 150 does; 156 fetches it again), which would leave the other
 * locale tests without Arabic.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import '../src/define/masking-settings.js';
import { getLocale, setLocale } from '../src/locale.js';
import { $, until } from './support/dom.js';
import { restAdapter, useMock, worker } from './support/mock.js';

const heading = (element: Element) => $(element, '[part~="heading"]').textContent?.trim();

describe('locale that fails to load', () => {
  afterEach(async () => {
    fixtureCleanup();
    await setLocale('en');
  });

  it('is refused with the language on show kept; a retry loads it or fails the same way, and other locales still switch', async () => {
    await useMock({});
    const masking = await fixture<HTMLElement>(html`<masking-settings .adapter=${restAdapter()}></masking-settings>`);
    await until(() => heading(masking) === 'Masking customer contacts', 'English');
    let fail = true;
    (await worker()).use(http.get(/\/src\/locales\/ar\.(js|ts)/, () => (fail ? HttpResponse.error() : undefined)));
    let error: unknown;
    await setLocale('ar').catch((e: unknown) => (error = e));
    expect(error, 'the host hears of the failure').to.be.instanceOf(Error);
    expect(getLocale()).to.equal('en');
    expect(heading(masking), 'the page stays readable').to.equal('Masking customer contacts');

    fail = false;
    const retry = await setLocale('ar').then(
      () => 'loaded',
      (e: unknown) => e,
    );
    if (retry === 'loaded') {
      await until(() => heading(masking) === 'إخفاء جهات اتصال العملاء', 'Arabic after the retry');
    } else {
      // The browser kept the failed module: the retry is refused the same way, nothing half switched.
      expect(retry, 'the retry’s failure reaches the host').to.be.instanceOf(Error);
      expect(getLocale()).to.equal('en');
      expect(heading(masking)).to.equal('Masking customer contacts');
    }

    // A failed locale does not leave the switch stuck loading: another one still comes.
    await setLocale('es');
    expect(getLocale()).to.equal('es');
    await until(() => heading(masking) === 'Ocultación de los contactos de clientes', 'Spanish');
  });
});
