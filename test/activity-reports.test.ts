/**
 * The two activity reports end to end, through the mock at the network boundary: a staff
 * member signs in after hours from a new address, opens and exports the verification
 * report, is deactivated and tries to sign in again, and every step is found, flagged, in
 * the Entry Logs and the Staff Activity reports, where "View" shows what they saw.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../src/define/entry-log-report.js';
import '../src/define/staff-activity-report.js';
import '../src/define/verification-report.js';
import type { EntryLogReportElement } from '../src/elements/entry-log-report/entry-log-report.js';
import type { StaffActivityReportElement } from '../src/elements/staff-activity-report/staff-activity-report.js';
import type { VerificationReportElement } from '../src/elements/verification-report/verification-report.js';
import { CORE_STAFF } from '../mocks/index.js';
import { reportReady, rows } from './support/report.js';
import { $$, button, until } from './support/dom.js';
import { restAdapter, useMock } from './support/mock.js';

describe('the activity reports, end to end', () => {
  afterEach(() => fixtureCleanup());

  it('find an after-hours sign-in, an opening and an export, flagged, and replay what was seen after deactivation', async () => {
    // From 22:30 in London, an hour and a half after closing; each look at the clock is a second later.
    let clock = Date.parse('2026-12-01T22:30:00Z');
    const mock = await useMock({ now: () => (clock += 1_000) });
    const duty = CORE_STAFF['duty-manager'];
    const home = '203.0.113.9';
    await mock.signIn('duty-manager', { ip: home, userAgent: 'Mozilla/5.0 Firefox/140.0' });

    // They open the verification report, and export it: contacts are masked for them.
    const report = await fixture<VerificationReportElement>(
      html`<verification-report .adapter=${restAdapter()}></verification-report>`,
    );
    await until(() => report.shadowRoot!.querySelector('tbody tr'), 'the link requests');
    const file = await restAdapter().exportVerificationRequests({ status: 'pending' }, 'csv');
    const pending = mock.storage.data.verificationRequests.filter((r) => r.status === 'pending');
    expect(file.rows).to.equal(pending.length);
    for (const raw of mock.rawContacts()) expect(file.content).not.to.contain(raw);

    // An admin deactivates them.
    mock.setViewer('admin');
    const access = await restAdapter().getStaffAccess(duty.id);
    await restAdapter().changeStaffAccess({
      staffId: duty.id,
      version: access.version,
      action: 'deactivate',
      confirmName: duty.name,
    });

    // The next evening they try again: the host's sign-in asks the backend, which refuses.
    const again = await mock.server.signIn({ staffId: duty.id, passwordVerified: true, ip: home });
    expect(again.outcome).to.not.equal('signed-in');

    // Entry Logs: the attempt after the deactivation, by someone with no login, is flagged so;
    // the sign-in of their working days is outside opening hours and from a new address, and
    // no more: they had a login then.
    const entries = await fixture<EntryLogReportElement>(
      html`<entry-log-report .adapter=${restAdapter()} query=${`person:"${duty.name}" ip:${home}`}></entry-log-report>`,
    );
    await reportReady(entries);
    const [attempt, signIn] = rows(entries);
    expect(rows(entries)).to.have.length(2);
    for (const flag of ['Failed', 'Has no login now', 'Open their access']) expect(attempt).to.contain(flag);
    for (const flag of ['Signed in', 'Outside opening hours', 'New address']) expect(signIn).to.contain(flag);
    expect(signIn).not.to.contain('Has no login now');
    expect(signIn).not.to.contain('Open their access');

    // Staff Activity: the opening and the export, from that address, before the deactivation.
    const activity = await fixture<StaffActivityReportElement>(
      html`<staff-activity-report
        .adapter=${restAdapter()}
        query=${`staff:"${duty.name}" former:yes ip:${home}`}
      ></staff-activity-report>`,
    );
    await reportReady(activity);
    const accesses = rows(activity);
    expect(accesses).to.have.length(2);
    expect(accesses.every((r) => r.includes('Former staff') && r.includes('Security verification'))).to.equal(true);
    expect(accesses.filter((r) => r.includes('Exported CSV'))).to.have.length(1);
    expect(accesses.filter((r) => r.includes('Viewed'))).to.have.length(1);
    expect(accesses.every((r) => r.includes('Contacts hidden') && r.includes('Waiting · Newest first'))).to.equal(true);

    // "View" on the export shows the report as they saw it: their filters, masked, though the admin sees contacts.
    const exported = $$(activity, 'tbody tr').find((tr) => tr.textContent!.includes('Exported CSV'))!;
    exported.querySelector<HTMLButtonElement>('button')!.click();
    const replay = await until(() => {
      const section = activity.shadowRoot!.querySelector<HTMLElement>('[part~="replay"]');
      return section?.querySelector('tbody tr') && section;
    }, 'the replayed report');
    expect(replay.textContent).to.contain(`What ${duty.name} saw: Security verification`);
    expect(replay.querySelectorAll('tbody tr')).to.have.length(pending.length);
    for (const r of pending) expect(replay.textContent).not.to.contain(r.submittedEmail);
    expect(button(activity, 'Close the report').isConnected).to.equal(true);
  });
});
