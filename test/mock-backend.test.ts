/** The mock backend enforces the domain rules itself, over HTTP, whatever the UI does. */
import { expect } from '@open-wc/testing';
import { toAdapterError, type AdapterError } from '../src/core/errors.js';
import type { ClientAlerts } from '../src/core/types.js';
import { CORE_STAFF } from '../mocks/index.js';
import { findLeaks } from './conformance/conformance.js';
import { recorded, restAdapter, useMock, written } from './support/mock.js';

async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as AdapterError).kind;
  }
}

describe('mock backend rules', () => {
  it('masks contacts for a viewer who may not see them, in what it sends', async () => {
    const mock = await useMock({ viewer: 'front-desk' });
    const page = await restAdapter().listClients({ limit: 50 });
    expect(page.items.length).to.be.greaterThan(0);
    expect(page.items.every((c) => (c.phone?.masked ?? true) && (c.email?.masked ?? true))).to.equal(true);
    expect(
      findLeaks(
        document.body,
        mock.served.map((r) => r.body),
        mock.rawContacts(),
      ),
    ).to.deep.equal([]);
  });

  it('sends raw contacts to admins, staff on the override list, and everyone when masking is off', async () => {
    for (const config of [
      { viewer: 'admin' },
      { viewer: 'manager' },
      { viewer: 'front-desk', business: 'premium-existing' },
      { viewer: 'front-desk', business: 'standard' },
    ] as const) {
      const mock = await useMock(config);
      const page = await restAdapter().listClients({ limit: 50 });
      expect(
        page.items.some((c) => c.phone && !c.phone.masked),
        JSON.stringify(config),
      ).to.equal(true);
      expect(
        findLeaks(
          document.body,
          mock.served.map((r) => r.body),
          mock.rawContacts(),
        ).length,
        'the leak check sees raw values',
      ).to.be.greaterThan(0);
    }
  });

  it('applies the masking defaults: on for a new premium business, off for an existing one', async () => {
    await useMock({ business: 'premium-new' });
    expect((await restAdapter().getMaskingSettings()).enabled).to.equal(true);
    await useMock({ business: 'premium-existing' });
    expect((await restAdapter().getMaskingSettings()).enabled).to.equal(false);
  });

  it('refuses settings changes from non-admins', async () => {
    for (const viewer of ['manager', 'front-desk'] as const) {
      await useMock({ viewer });
      expect(await kindOf(restAdapter().updateMaskingSettings({ enabled: false, version: 1 }))).to.equal('forbidden');
      expect(await kindOf(restAdapter().updateVisibilityOverrides({ staffIds: [], version: 1 }))).to.equal('forbidden');
    }
  });

  it('refuses masking off the premium plan and keeps the stored choice after a downgrade', async () => {
    const mock = await useMock({ business: 'premium-new' });
    mock.changePlan('standard');
    expect(await kindOf(restAdapter().updateMaskingSettings({ enabled: false, version: 1 }))).to.equal('plan-required');
    const settings = await restAdapter().getMaskingSettings();
    expect(settings).to.include({ enabled: true, effective: false, plan: 'standard' });
    mock.changePlan('premium');
    expect((await restAdapter().getMaskingSettings()).effective).to.equal(true);
  });

  it('refuses a write on a stale version', async () => {
    await useMock({});
    const adapter = restAdapter();
    await adapter.updateMaskingSettings({ enabled: false, version: 1 });
    expect(await kindOf(adapter.updateMaskingSettings({ enabled: true, version: 1 }))).to.equal('conflict');
  });

  it('lists only staff with login access, and grants visibility only to them', async () => {
    const mock = await useMock({});
    const page = await restAdapter().listStaff({ limit: 500 });
    const withoutLogin = mock.storage.data.staff.filter((s) => !s.hasLoginAccess).map((s) => s.id);
    expect(withoutLogin.length).to.be.greaterThan(0);
    expect(page.items.some((s) => withoutLogin.includes(s.id))).to.equal(false);
    expect(page.items.find((s) => s.id === CORE_STAFF.owner.id)?.contactAccess).to.equal('always');
    expect(page.items.find((s) => s.id === CORE_STAFF.manager.id)?.contactAccess).to.equal('override');
    const error = await kindOf(restAdapter().updateVisibilityOverrides({ staffIds: [withoutLogin[0]!], version: 1 }));
    expect(error).to.equal('validation');
  });

  it('finds staff by name without regard to case or accents, and pages', async () => {
    await useMock({ scenario: 'large' });
    const all = await restAdapter().listStaff({ limit: 100 });
    expect(all.total).to.be.greaterThan(5_000);
    expect(all.items).to.have.length(100);
    const elena = await restAdapter().listStaff({ search: 'ELENA sokolova' });
    expect(elena.items.map((s) => s.id)).to.include(CORE_STAFF.manager.id);
  });

  it('lists the ids of pickable staff for a filter, and staff by id', async () => {
    const mock = await useMock({ scenario: 'large' });
    const location = mock.storage.data.locations[3]!;
    const ids = await restAdapter().listStaffIds({ locationId: location.id, role: 'staff' });
    const expected = mock.storage.data.staff
      .filter((s) => s.hasLoginAccess && s.locationId === location.id && s.role === 'staff')
      .map((s) => s.id);
    expect(ids.length).to.be.greaterThan(50);
    expect([...ids].sort()).to.deep.equal([...expected].sort());
    const everyone = await restAdapter().listStaffIds({});
    expect(everyone, 'owners and admins are never choices').not.to.include.members([CORE_STAFF.owner.id]);
    expect(everyone).not.to.include(CORE_STAFF.admin.id);
    const two = await restAdapter().listStaff({ ids: [CORE_STAFF.manager.id, CORE_STAFF.owner.id] });
    expect(two.items.map((s) => s.id).sort()).to.deep.equal([CORE_STAFF.manager.id, CORE_STAFF.owner.id].sort());
    const none = await restAdapter().listStaff({ ids: [] });
    expect(none.total, 'an empty id list matches nobody').to.equal(0);
  });

  it('replays a write with the same idempotency key instead of writing twice', async () => {
    const mock = await useMock({});
    const adapter = restAdapter();
    const first = await adapter.reserveGiftCardId({ number: '739184620571' }, { idempotencyKey: 'k' });
    const again = await adapter.reserveGiftCardId({ number: '739184620571' }, { idempotencyKey: 'k' });
    expect(again).to.deep.equal(first);
    expect(mock.storage.data.giftCards.filter((g) => g.number === '739184620571')).to.have.length(1);
    expect(await kindOf(adapter.reserveGiftCardId({ number: '739184620571' }, { idempotencyKey: 'other' }))).to.equal(
      'conflict',
    );
    expect(await kindOf(adapter.reserveGiftCardId({ number: '482901736455' })), 'a seeded card').to.equal('conflict');
    expect(await kindOf(adapter.reserveGiftCardId({ number: '4829-0173' })), 'not digits').to.equal('validation');
    expect(await kindOf(adapter.reserveGiftCardId({ number: '4111111111111111' })), 'a bank card').to.equal(
      'validation',
    );
  });

  it('opens the Security Verification report, and its verify and decline, only to groups that grant it', async () => {
    const mock = await useMock({ viewer: 'front-desk' });
    const pending = mock.storage.data.verificationRequests.find((r) => r.status === 'pending')!;
    const input = { id: pending.id, version: pending.version };
    expect(await kindOf(restAdapter().listVerificationRequests({ limit: 5 })), 'list').to.equal('forbidden');
    expect(await kindOf(restAdapter().verifyRequest({ ...input, sendApprovalEmail: false })), 'verify').to.equal(
      'forbidden',
    );
    expect(await kindOf(restAdapter().declineRequest(input)), 'decline').to.equal('forbidden');
    expect(pending.status, 'nothing changed').to.equal('pending');
    // The same person, once their group grants the report: the evaluator decides, not the role.
    const desk = mock.storage.data.permissionGroups.groups.find((g) => g.id === 'group-front-desk')!;
    desk.permissions = [...desk.permissions, 'reports.security-verification'];
    expect((await restAdapter().listVerificationRequests({ limit: 5 })).items).to.have.length(5);
    const manager = mock.storage.data.permissionGroups.groups.find((g) => g.id === 'group-manager')!;
    manager.permissions = manager.permissions.filter((p) => p !== 'reports.security-verification');
    mock.setViewer('duty-manager');
    expect(await kindOf(restAdapter().listVerificationRequests({ limit: 5 })), 'taken away').to.equal('forbidden');
    mock.setViewer('owner');
    const group = mock.storage.data.permissionGroups.groups.find((g) => g.id === 'group-admin')!;
    group.permissions = [];
    expect((await restAdapter().listVerificationRequests({ limit: 5 })).items, 'the owner, always').to.have.length(5);
  });

  it('decides an email match ignoring case and spaces, and refuses to verify a mismatch without confirmation', async () => {
    const mock = await useMock({ viewer: 'duty-manager' });
    const page = await restAdapter().listVerificationRequests({ status: 'pending', limit: 100 });
    const untidy = mock.storage.data.verificationRequests.filter(
      (r) => r.submittedEmail !== r.submittedEmail.trim().toLowerCase(),
    );
    const match = page.items.find((r) => r.emailMatch === 'match' && untidy.some((u) => u.id === r.id));
    const mismatch = page.items.find((r) => r.emailMatch === 'mismatch');
    expect(match, 'a match that differs in case and spaces').to.not.equal(undefined);
    expect(match!.profileEmail?.masked, 'the duty manager sees the profile email masked').to.equal(true);
    expect(
      await kindOf(
        restAdapter().verifyRequest({ id: mismatch!.id, version: mismatch!.version, sendApprovalEmail: false }),
      ),
    ).to.equal('validation');
    const verified = await restAdapter().verifyRequest({
      id: match!.id,
      version: match!.version,
      sendApprovalEmail: true,
    });
    expect(verified.status).to.equal('verified');
    expect(mock.storage.data.outbox).to.have.length(1);
    expect(await kindOf(restAdapter().declineRequest({ id: match!.id, version: match!.version }))).to.equal('conflict');
  });

  it('writes a contact log only where the alert settings say so, and requires reasons', async () => {
    const mock = await useMock({});
    const adapter = restAdapter();
    const { alerts } = await adapter.getClientAlerts('client-1', 'profile');
    const red = alerts.find((a) => a.kind === 'red')!;
    expect(red.reasonRequired).to.equal(true);
    expect(
      await kindOf(
        adapter.resolveClientAlerts({
          clientId: 'client-1',
          context: 'profile',
          resolutions: [{ alertId: red.id, action: 'ignore', reason: '   ' }],
        }),
      ),
    ).to.equal('validation');
    const result = await adapter.resolveClientAlerts(
      {
        clientId: 'client-1',
        context: 'profile',
        resolutions: [{ alertId: red.id, action: 'ignore', reason: 'Gave Mark his inhaler before class.' }],
      },
      { idempotencyKey: 'r1' },
    );
    expect(result.contactLogs).to.have.length(1);
    expect(result.contactLogs[0]).to.include({ reason: 'Gave Mark his inhaler before class.', action: 'ignore' });
    expect(result.contactLogs[0]!.staff.id).to.equal(CORE_STAFF.admin.id);
    expect(written(mock.storage)).to.have.length(1);
  });

  it('refuses a decision on alerts that changed meanwhile, answering the current alerts', async () => {
    const mock = await useMock({});
    const adapter = restAdapter();
    const { alerts } = await adapter.getClientAlerts('client-1', 'profile');
    const resolutions = alerts.map((a) => ({ alertId: a.id, action: 'ignore' as const, reason: 'Checked.' }));
    mock.storage.data.clients[0]!.yellowAlert = 'Added by the owner just now.';
    const conflict = await adapter
      .resolveClientAlerts({ clientId: 'client-1', context: 'profile', resolutions })
      .then(() => undefined, toAdapterError);
    expect(conflict?.kind).to.equal('conflict');
    const current = conflict?.current as ClientAlerts;
    expect(current.alerts.map((a) => a.kind)).to.deep.equal(['red', 'yellow']);
    expect(
      await kindOf(
        adapter.resolveClientAlerts({
          clientId: 'client-1',
          context: 'profile',
          resolutions: [...resolutions, { alertId: 'client-1:arrivals', action: 'sign-in', reason: 'x' }],
        }),
      ),
      'an alert that does not apply',
    ).to.equal('conflict');
    expect(written(mock.storage)).to.have.length(0);
  });

  it('raises threshold alerts on the sign-in screen only', async () => {
    await useMock({});
    const signIn = await restAdapter().getClientAlerts('client-3', 'sign-in');
    expect(signIn.alerts.map((a) => a.kind)).to.include('arrivals');
    const profile = await restAdapter().getClientAlerts('client-3', 'profile');
    expect(profile.alerts.map((a) => a.kind)).to.not.include('arrivals');
  });

  it('returns unauthorized for an unknown viewer', async () => {
    await useMock({});
    const adapter = restAdapter({ headers: () => ({ Authorization: 'Bearer nobody' }) });
    expect(await kindOf(adapter.getViewer())).to.equal('unauthorized');
  });

  it('records each change to masking, the override list, groups and login rules as an audit event with old and new values', async () => {
    const mock = await useMock({});
    const adapter = restAdapter();
    const masking = await adapter.getMaskingSettings();
    await adapter.updateMaskingSettings({ enabled: !masking.enabled, version: masking.version });
    const overrides = await adapter.getVisibilityOverrides();
    await adapter.updateVisibilityOverrides({ staffIds: [], version: overrides.version });
    const groups = await adapter.getPermissionGroups();
    await adapter.updatePermissionGroups({
      changes: [{ kind: 'rename', groupId: 'group-teacher', name: 'Teachers' }],
      version: groups.version,
    });
    const rules = await adapter.getLoginSecurity();
    await adapter.updateLoginSecurity({ settings: { ...rules.settings, minLength: 12 }, version: rules.version });
    const events = recorded(mock.storage);
    expect(events.map((e) => e.action)).to.deep.equal([
      'masking.changed',
      'override_list.changed',
      'permission_group.changed',
      'login_security.changed',
    ]);
    expect(events[0]!.changes['enabled']).to.deep.equal({ old: masking.enabled, new: !masking.enabled });
    expect(events[1]!.changes['staffIds']).to.deep.equal({ old: overrides.staffIds, new: [] });
    expect(events.every((e) => e.actor.id === CORE_STAFF.admin.id && e.outcome === 'success')).to.equal(true);
    const minLength = (value: unknown) => (value as { minLength: number }).minLength;
    expect([
      minLength(events[3]!.changes['settings']!.old),
      minLength(events[3]!.changes['settings']!.new),
    ]).to.deep.equal([rules.settings.minLength, 12]);
  });

  it('keeps its activity reports current as events are added and staff change', async () => {
    const mock = await useMock({});
    const first = await restAdapter().listStaffActivity({ staff: CORE_STAFF.admin.id, limit: 100 });
    // Opening the report is an access too: the next answer lists the first one's.
    const second = await restAdapter().listStaffActivity({ staff: CORE_STAFF.admin.id, limit: 100 });
    expect(second.total).to.equal(first.total + 1);
    expect(second.items[0]!.report).to.equal('staff-activity');
    // A sign-in after the last one, then the front desk loses their login: both show.
    await mock.signIn('front-desk', { ip: '192.0.2.200' });
    mock.setViewer('admin');
    const before = await restAdapter().listEntryLogs({ person: CORE_STAFF['front-desk'].id, limit: 100 });
    expect(before.items[0]!.ip).to.equal('192.0.2.200');
    expect(before.items[0]!.flags).to.include('new-ip').and.not.include('no-login');
    mock.storage.data.staff.find((s) => s.id === CORE_STAFF['front-desk'].id)!.hasLoginAccess = false;
    const after = await restAdapter().listEntryLogs({ person: CORE_STAFF['front-desk'].id, limit: 100 });
    expect(after.items.every((e) => e.flags.includes('no-login'))).to.equal(true);
    const activity = await restAdapter().listStaffActivity({ staff: CORE_STAFF['front-desk'].id });
    expect(activity.items.every((a) => a.staff.former)).to.equal(true);
  });

  it('is deterministic: the same scenario seeds the same data', async () => {
    // A lock runs from the moment of seeding, as arrivals do: the one value the clock sets.
    const seeded = async () =>
      JSON.stringify((await useMock({ scenario: 'large' })).storage.data.staff.slice(0, 50), (key, value: unknown) =>
        key === 'lockedUntil' ? typeof value : value,
      );
    const a = await seeded();
    const b = await seeded();
    expect(a).to.equal(b);
  });
});
