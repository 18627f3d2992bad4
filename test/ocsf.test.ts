import { expect } from '@open-wc/testing';
import { toOcsf, type OcsfEvent } from '../src/policy/ocsf.js';
import type { AuditEvent } from '../src/core/types.js';
import { CORE_STAFF } from '../mocks/index.js';
import { recorded, restAdapter, useMock } from './support/mock.js';

/**
 * What the OCSF schema requires (ocsf/ocsf-schema: events/base_event.json, the class
 * files under events/iam and events/application, objects/metadata.json, api.json,
 * user.json, actor.json, network_endpoint.json), and each class's activities.
 */
const BASE = ['activity_id', 'category_uid', 'class_uid', 'metadata', 'severity_id', 'time', 'type_uid'] as const;
const CLASSES: Record<number, { category: number; required: string[]; activities: number[] }> = {
  3001: { category: 3, required: ['user'], activities: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 99] },
  3002: { category: 3, required: ['user'], activities: [1, 2, 3, 4, 5, 6, 7, 99] },
  6003: { category: 6, required: ['actor', 'api', 'src_endpoint'], activities: [1, 2, 3, 4, 99] },
};
const atLeastOne = (object: object | undefined, names: string[]) =>
  !!object && names.some((n) => (object as Record<string, unknown>)[n] !== undefined);

function problems(event: OcsfEvent): string[] {
  const found: string[] = [];
  const record = event as unknown as Record<string, unknown>;
  for (const field of BASE) if (record[field] === undefined) found.push(`no ${field}`);
  const rules = CLASSES[event.class_uid];
  if (!rules) return [...found, `unknown class ${event.class_uid}`];
  if (event.category_uid !== rules.category) found.push('category does not match the class');
  for (const field of rules.required) if (record[field] === undefined) found.push(`no ${field}`);
  if (!rules.activities.includes(event.activity_id)) found.push(`activity ${event.activity_id} not in the class`);
  if (event.type_uid !== event.class_uid * 100 + event.activity_id)
    found.push('type_uid is not class × 100 + activity');
  if (!Number.isInteger(event.time)) found.push('time is not epoch milliseconds');
  if (!event.metadata.version || !event.metadata.product) found.push('metadata lacks version or product');
  if (event.user && !atLeastOne(event.user, ['account', 'name', 'uid'])) found.push('user names nobody');
  if (event.api && !event.api.operation) found.push('api has no operation');
  if (!atLeastOne(event.actor, ['process', 'user', 'iam_role', 'invoked_by', 'session', 'app_name', 'app_uid']))
    found.push('actor is empty');
  if (!atLeastOne(event.src_endpoint, ['ip', 'uid', 'name', 'hostname'])) found.push('src_endpoint is empty');
  return found;
}

describe('audit events as OCSF', () => {
  it('maps every event the backend records to a class with all its required fields', async () => {
    const mock = await useMock({});
    const adapter = restAdapter();
    const masking = await adapter.getMaskingSettings();
    await adapter.updateMaskingSettings({ enabled: !masking.enabled, version: masking.version });
    let access = await adapter.getStaffAccess('staff-2');
    for (const action of ['unlock', 'sign-out-everywhere'] as const)
      access = await adapter.changeStaffAccess({ staffId: 'staff-2', version: access.version, action });
    access = await adapter.changeStaffAccess({
      staffId: 'staff-2',
      version: access.version,
      action: 'deactivate',
      confirmName: access.staff.name,
    });
    await adapter.changeStaffAccess({
      staffId: 'staff-2',
      version: access.version,
      action: 'reactivate',
      username: 'grace.h',
      password: 'tulip harbour 9 violin',
    });
    const events = recorded(mock.storage);
    expect(events.map((e) => e.action)).to.deep.equal([
      'masking.changed',
      'staff.unlocked',
      'staff.signed_out_everywhere',
      'staff.deactivated',
      'staff.reactivated',
    ]);
    const signIn: AuditEvent = {
      ...events[1]!,
      id: 'audit-x',
      action: 'staff.signed_in',
      outcome: 'failure',
      context: { ip: '203.0.113.9', userAgent: 'Mozilla/5.0' },
    };
    const viewed: AuditEvent = { ...events[0]!, id: 'audit-y', action: 'report.viewed', targets: [] };
    const mapped = [...events, signIn, viewed].map(toOcsf);
    for (const event of mapped) expect(problems(event), event.metadata.event_code).to.deep.equal([]);
    expect(mapped.map((e) => [e.class_uid, e.activity_id])).to.deep.equal([
      [6003, 3],
      [3001, 12],
      [3002, 2],
      [3001, 6],
      [3001, 2],
      [3002, 1],
      [6003, 2],
    ]);
    expect(mapped[3]!.user).to.deep.equal({ uid: 'staff-2', name: access.staff.name });
    expect(mapped[3]!.actor.user).to.deep.equal({
      uid: CORE_STAFF.admin.id,
      name: CORE_STAFF.admin.name,
      type: 'admin',
    });
    expect(mapped[5]!.status_id, 'a failed sign-in').to.equal(2);
    expect(mapped[5]!.src_endpoint).to.deep.equal({ ip: '203.0.113.9' });
    expect(mapped[0]!.unmapped.changes['enabled']).to.deep.equal({ old: masking.enabled, new: !masking.enabled });
  });

  it('maps the seeded sign-ins, failures, lock-outs and report accesses to their classes', async () => {
    const mock = await useMock({});
    const seeded = mock.storage.data.auditEvents.filter((e) => e.id.startsWith('seed-'));
    const byAction = new Map(seeded.map((e) => [e.action, toOcsf(e)]));
    for (const [action, event] of byAction) expect(problems(event), action).to.deep.equal([]);
    const classOf = (action: string) => {
      const e = byAction.get(action)!;
      return [e.class_uid, e.activity_id, e.status_id];
    };
    expect(classOf('staff.signed_in')).to.deep.equal([3002, 1, 1]);
    expect(classOf('staff.sign_in_failed')).to.deep.equal([3002, 1, 2]);
    expect(classOf('client.signed_in')).to.deep.equal([3002, 1, 1]);
    // A lock-out is a Lock that succeeded: the login was locked.
    expect(classOf('staff.locked_out')).to.deep.equal([3001, 9, 1]);
    expect(classOf('report.exported')).to.deep.equal([6003, 2, 1]);
    // Failed sign-ins and lock-outs deserve a look: above informational, a lock-out most.
    const severity = (action: string) => byAction.get(action)!.severity_id;
    expect([severity('staff.signed_in'), severity('staff.sign_in_failed'), severity('staff.locked_out')]).to.deep.equal(
      [1, 2, 3],
    );
  });
});
