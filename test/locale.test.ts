/**
 * The run-time language switch: every element on the page follows it, `Intl` follows
 * it (keeping a regional `lang` of the same language), plurals take each language's
 * forms. A locale that fails to load: test/locale-failure.test.ts, in a page of its own.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../src/define/masking-settings.js';
import '../src/define/staff-override-list.js';
import '../src/define/verification-report.js';
import '../src/define/permission-groups.js';
import { plural } from '../src/internal/localize.js';
import { directionOf, getLocale, matchLocale, setLocale } from '../src/locale.js';
import { $, until } from './support/dom.js';
import { restAdapter, useMock } from './support/mock.js';

const heading = (element: Element) => $(element, '[part~="heading"]').textContent?.trim();
const count = (element: Element) => $(element, '[part~="count"]').textContent?.trim();

describe('locale', () => {
  afterEach(async () => {
    fixtureCleanup();
    await setLocale('en');
  });

  it('switches every element on the page at run time, and back', async () => {
    await useMock({});
    const page = await fixture<HTMLElement>(
      html`<div>
        <masking-settings .adapter=${restAdapter()}></masking-settings>
        <verification-report .adapter=${restAdapter()}></verification-report>
      </div>`,
    );
    const masking = page.querySelector('masking-settings')!;
    const report = page.querySelector('verification-report')!;
    await until(() => count(report) === '7 requests', 'the report in English');
    expect(heading(masking)).to.equal('Masking customer contacts');

    await setLocale('es');
    expect(getLocale()).to.equal('es');
    await until(() => heading(masking) === 'Ocultación de los contactos de clientes', 'Spanish');
    await until(() => count(report) === '7 solicitudes', 'a Spanish plural');

    await setLocale('ar');
    await until(() => heading(masking) === 'إخفاء جهات اتصال العملاء', 'Arabic');
    // Arabic takes its plural form for three to ten, and Intl's digits for Arabic.
    await until(() => count(report) === `${new Intl.NumberFormat('ar').format(7)} طلبات`, 'an Arabic plural');

    await setLocale('en');
    await until(() => heading(masking) === 'Masking customer contacts', 'English again');
    expect(count(report)).to.equal('7 requests');
  });

  it('switches the permission groups’ list and the rows a search leaves alone', async () => {
    await useMock({});
    const groups = await fixture<HTMLElement>(html`<permission-groups .adapter=${restAdapter()}></permission-groups>`);
    const members = () => $(groups, '[part~="groups"] button .muted').textContent?.trim();
    const tag = () => $(groups, '[id="p-client.view-billing"]').closest('[part~="permission"]')?.querySelector('.tag');
    await until(() => members()?.endsWith('members'), 'the groups in English');
    const search = $<HTMLInputElement>(groups, 'input[type="search"]');
    search.value = 'billing';
    search.dispatchEvent(new Event('input'));
    await until(() => tag()?.textContent === 'Client data', 'a drawn row in English');
    await setLocale('es');
    await until(() => members()?.endsWith('miembros'), 'the list of groups in Spanish');
    await until(() => tag()?.textContent === 'Datos de clientes', 'the drawn row in Spanish');
    await setLocale('en');
    await until(() => tag()?.textContent === 'Client data', 'the drawn row in English again');
  });

  it('formats in a regional lang of the same language, and in the messages’ locale otherwise', async () => {
    await useMock({ scenario: 'large' });
    const page = await fixture<HTMLElement>(
      html`<div lang="es-MX">
        <staff-override-list .adapter=${restAdapter()}></staff-override-list>
      </div>`,
    );
    const list = page.querySelector('staff-override-list')!;
    await until(() => count(list)?.includes('5,005'), 'the count in the page’s lang before any switch');
    await setLocale('es-MX');
    // Mexican Spanish groups thousands with a comma; Spanish from Spain leaves four digits ungrouped.
    await until(() => count(list) === 'Coinciden 5,005 miembros del personal.', 'Spanish, formatted as es-MX');
    page.lang = 'de';
    await setLocale('es');
    list.requestUpdate();
    await until(() => count(list) === 'Coinciden 5005 miembros del personal.', 'Spanish, formatted as es');
  });

  it('picks each language’s plural form and writes the count in its digits', async () => {
    // An Egyptian page: Arabic forms, Arabic-Indic digits.
    const element = await fixture<HTMLElement>(html`<p lang="ar-EG"></p>`);
    await setLocale('ar');
    const forms = '=0:none|zero:zero #|one:one #|two:two #|few:few #|many:many #|other:other #';
    expect([0, 1, 2, 3, 11, 100].map((n) => plural(element, n, forms))).to.deep.equal([
      'none',
      'one ١',
      'two ٢',
      'few ٣',
      'many ١١',
      'other ١٠٠',
    ]);
    element.lang = 'en';
    await setLocale('en');
    expect([1, 2, 1000].map((n) => plural(element, n, 'one:# item|other:# items'))).to.deep.equal([
      '1 item',
      '2 items',
      '1,000 items',
    ]);
  });

  it('matches a tag to the nearest shipped locale and names its direction', () => {
    expect(['es-MX', 'ES', 'ar-EG', 'fr-CA', 'en-GB'].map(matchLocale)).to.deep.equal(['es', 'es', 'ar', 'en', 'en']);
    expect(['ar', 'he-IL', 'fa', 'es', 'en-US'].map(directionOf)).to.deep.equal(['rtl', 'rtl', 'rtl', 'ltr', 'ltr']);
  });
});
