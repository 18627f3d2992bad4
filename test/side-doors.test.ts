/**
 * Every rule on every path: the side doors an insider finds by reading the network tab,
 * tried over HTTP against the mock (which is `deskguard/server` over memory storage), each
 * refused. One test per door: cursors, replays, filters, passwords, sign-in, groups,
 * idempotency keys, malformed input and spreadsheet formulas.
 */
import { expect } from '@open-wc/testing';
import { CORE_STAFF, DEMO_PASSWORD, MOCK_BASE_URL } from '../mocks/index.js';
import type { AuditEvent, CursorPage, StaffActivityEntry } from '../src/core/types.js';
import { parseCsv, startsFormula } from '../src/policy/csv.js';
import { recorded, useMock } from './support/mock.js';

const ADMIN = CORE_STAFF.admin.id;
const OWNER = CORE_STAFF.owner.id;
const MANAGER = CORE_STAFF.manager.id;
const DESK = CORE_STAFF['front-desk'].id;

interface Answer {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** One request as `as` (a staff id or a session token), straight to the mock over HTTP. */
async function call(
  method: string,
  path: string,
  options: { as?: string; body?: unknown; version?: number; key?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...options.headers };
  if (options.as) headers['Authorization'] = `Bearer ${options.as}`;
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;
  if (options.key) headers['Idempotency-Key'] = options.key;
  const response = await fetch(`${MOCK_BASE_URL}${path}`, {
    method,
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

const accessesOf = (events: AuditEvent[], report: string) =>
  events.filter((e) => e.action === 'report.viewed' && e.metadata?.['report'] === report);

/** A group with the Entry Logs and Staff Activity reports only, and the front desk moved into it. */
async function deskAsAuditor(): Promise<void> {
  const { version } = (await call('GET', '/permission-groups', { as: ADMIN })).json;
  const made = await call('POST', '/permission-groups/changes', {
    as: ADMIN,
    version,
    key: 'auditor',
    body: {
      changes: [
        {
          kind: 'create',
          group: {
            id: 'group-auditor',
            name: 'Auditor',
            permissions: ['reports.entry-logs', 'reports.staff-activity'],
          },
        },
        { kind: 'move', staffId: DESK, groupId: 'group-auditor' },
      ],
    },
  });
  expect(made.status, made.text).to.equal(200);
}

describe('every rule on every path', () => {
  it('1. records every report page it answers: no cursor or offset skips the record', async () => {
    const mock = await useMock({});
    for (const path of ['/contact-logs', '/entry-logs', '/staff-activity']) {
      const before = recorded(mock.storage).length;
      const forged = await call('GET', `${path}?cursor=o0&limit=5`, { as: ADMIN });
      expect(forged.status, `${path} with a made-up cursor`).to.equal(422);
      expect(forged.json.items, 'no rows').to.equal(undefined);
      expect(recorded(mock.storage).length, 'and nothing to record').to.equal(before);
    }
    const access = (await call('GET', '/staff-activity?limit=1', { as: ADMIN })).json.items[0] as StaffActivityEntry;
    const replay = await call('GET', `/staff-activity/${access.id}/replay?cursor=o0`, { as: ADMIN });
    expect(replay.status).to.equal(422);

    // The verification report pages by offset: a later page with no opening on record is one.
    const before = accessesOf(recorded(mock.storage), 'security-verification').length;
    const later = await call('GET', '/verification-requests?offset=1&limit=5', { as: ADMIN });
    expect(later.status).to.equal(200);
    expect(later.json.items.length).to.be.greaterThan(0);
    expect(accessesOf(recorded(mock.storage), 'security-verification')).to.have.length(before + 1);
    // A further page of the same filters belongs to that opening; other filters are another.
    await call('GET', '/verification-requests?offset=5&limit=5', { as: ADMIN });
    expect(accessesOf(recorded(mock.storage), 'security-verification')).to.have.length(before + 1);
    await call('GET', '/verification-requests?offset=5&limit=5&status=pending', { as: ADMIN });
    expect(accessesOf(recorded(mock.storage), 'security-verification')).to.have.length(before + 2);
  });

  it('2. gives cursors only the viewer, filters and order they were made for can use, and pages without repeats or gaps', async () => {
    const mock = await useMock({});
    const first = (await call('GET', '/contact-logs?limit=4', { as: ADMIN })).json as CursorPage<{ id: string }>;
    expect(first.previous).to.equal(null);
    const next = first.next!;
    expect(next).not.to.match(/^o\d/);
    expect(
      (await call('GET', `/contact-logs?limit=4&cursor=${encodeURIComponent(next)}`, { as: ADMIN })).status,
    ).to.equal(200);
    const otherFilters = await call('GET', `/contact-logs?limit=4&subtype=red&cursor=${encodeURIComponent(next)}`, {
      as: ADMIN,
    });
    expect(otherFilters.status, 'a cursor of other filters').to.equal(422);
    const otherViewer = await call('GET', `/contact-logs?limit=4&cursor=${encodeURIComponent(next)}`, { as: MANAGER });
    expect(otherViewer.status, 'another viewer’s cursor').to.equal(403);
    const [payload, signature] = next.split('.');
    const altered = `${payload!.slice(0, -2)}${payload!.endsWith('A') ? 'B' : 'A'}${payload!.slice(-1)}.${signature}`;
    expect(
      (await call('GET', `/contact-logs?limit=4&cursor=${encodeURIComponent(altered)}`, { as: ADMIN })).status,
    ).to.equal(422);

    // Every log once, forwards; and back again, the same pages.
    const seen: string[][] = [];
    let page = first;
    for (;;) {
      seen.push(page.items.map((l) => l.id));
      if (!page.next) break;
      page = (await call('GET', `/contact-logs?limit=4&cursor=${encodeURIComponent(page.next)}`, { as: ADMIN })).json;
    }
    const all = seen.flat();
    expect(new Set(all).size, 'no log twice').to.equal(all.length);
    expect(all.length, 'none left out').to.equal(first.total);
    for (let i = seen.length - 1; i > 0; i--) {
      expect(page.previous, `a page before page ${i + 1}`).to.be.a('string');
      page = (await call('GET', `/contact-logs?limit=4&cursor=${encodeURIComponent(page.previous!)}`, { as: ADMIN }))
        .json;
      expect(page.items.map((l) => l.id)).to.deep.equal(seen[i - 1]);
    }
    expect(accessesOf(recorded(mock.storage), 'contact-logs'), 'one opening for all those pages').to.have.length(1);
  });

  it('3. replays a report only for a viewer whose group holds that report too', async () => {
    await useMock({});
    await deskAsAuditor();
    const accesses = (await call('GET', '/staff-activity?limit=100', { as: DESK })).json.items as StaffActivityEntry[];
    const of = (report: string) => accesses.find((a) => a.report === report)!;
    for (const report of ['contact-logs', 'security-verification']) {
      const replay = await call('GET', `/staff-activity/${of(report).id}/replay`, { as: DESK });
      expect(replay.status, report).to.equal(403);
      expect(replay.text).not.to.contain('"items"');
    }
    expect((await call('GET', `/staff-activity/${of('entry-logs').id}/replay`, { as: DESK })).status).to.equal(200);
    expect((await call('GET', `/staff-activity/${of('contact-logs').id}/replay`, { as: ADMIN })).status).to.equal(200);
  });

  it('3b. answers 404 to a replay of an access stored without one of the reports (an import, say)', async () => {
    const mock = await useMock({});
    const imported = await mock.storage.audit.append({
      occurredAt: '2026-11-18T11:00:00.000Z',
      action: 'report.viewed',
      outcome: 'success',
      actor: { type: 'staff', id: MANAGER, name: CORE_STAFF.manager.name },
      targets: [],
      context: { ip: '198.51.100.24' },
      changes: {},
      reason: null,
      metadata: { report: 'payroll-export', filters: {} },
    });
    const replay = await call('GET', `/staff-activity/${imported.id}/replay`, { as: ADMIN });
    expect(replay.status, replay.text).to.equal(404);
    expect(replay.text).not.to.contain('"items"');
  });

  it('4. shows a contact typed as a filter masked to an auditor who may not see contacts', async () => {
    await useMock({});
    const raw = 'mark.ellison@example.org';
    expect((await call('GET', `/contact-logs?client=${encodeURIComponent(raw)}`, { as: OWNER })).status).to.equal(200);
    await deskAsAuditor();
    const list = await call('GET', `/staff-activity?staff=${OWNER}`, { as: DESK });
    expect(list.status).to.equal(200);
    expect(list.text).not.to.contain(raw);
    const typed = (list.json.items as StaffActivityEntry[]).find((a) => a.report === 'contact-logs')!;
    expect(typed.filters['client']).to.equal('m••••@example.org');
    const file = await call('GET', `/staff-activity/export?format=csv&staff=${OWNER}`, { as: DESK });
    expect(file.status).to.equal(200);
    expect(file.json.content).not.to.contain('mark.ellison');
    const own = await call('GET', `/staff-activity?staff=${OWNER}`, { as: ADMIN });
    expect(own.text, 'one who sees contacts sees what was typed').to.contain(raw);
  });

  it('5. refuses common passwords on every path that sets one', async () => {
    const mock = await useMock({});
    const staff = mock.storage.data.staff.find((s) => s.id === 'staff-3')!;
    let access = (await call('GET', '/staff/staff-3/access', { as: ADMIN })).json;
    access = (
      await call('POST', '/staff/staff-3/access', {
        as: ADMIN,
        version: access.version,
        key: 'deactivate-3',
        body: { action: 'deactivate', confirmName: staff.name },
      })
    ).json;
    for (const password of ['password1', 'Password1', 'qwerty123', 'abc12345']) {
      const refused = await call('POST', '/staff/staff-3/access', {
        as: ADMIN,
        version: access.version,
        key: `reactivate-${password}`,
        body: { action: 'reactivate', username: 'newlogin99', password },
      });
      expect(refused.status, password).to.equal(422);
      expect(refused.json.error.fields.password, password).to.contain('common');
    }
    const accepted = await call('POST', '/staff/staff-3/access', {
      as: ADMIN,
      version: access.version,
      key: 'reactivate-good',
      body: { action: 'reactivate', username: 'newlogin99', password: 'tulip harbour 9 violin' },
    });
    expect(accepted.status, accepted.text).to.equal(200);
  });

  it('6. signs in by the login rules: locks, addresses, ended sessions and look-alike usernames', async () => {
    const mock = await useMock({});
    const usernameOf = (id: string) => mock.storage.data.staff.find((s) => s.id === id)!.login!.username;
    const signIn = (username: string, password: string, from?: string) =>
      call('POST', '/sessions', { body: { username, password }, headers: from ? { 'X-Forwarded-For': from } : {} });

    // A locked login stays locked, whatever the password.
    const locked = await signIn(usernameOf('staff-2'), DEMO_PASSWORD);
    expect(locked.status).to.equal(401);
    expect(locked.json.error.reason).to.equal('locked');

    // Six wrong passwords lock a login; then the right one is refused too.
    const three = usernameOf('staff-3');
    for (let i = 1; i <= 6; i++)
      expect((await signIn(three, `wrong password ${i}`)).json.error.reason).to.equal('wrong-password');
    expect((await signIn(three, DEMO_PASSWORD)).json.error.reason).to.equal('locked');
    const entries = (await call('GET', '/entry-logs?person=staff-3&limit=50', { as: ADMIN })).json.items as {
      outcome: string;
    }[];
    expect(entries.filter((e) => e.outcome === 'locked-out')).to.have.length(1);
    expect(entries.filter((e) => e.outcome === 'failure').length).to.be.at.least(7);

    // A group restricted to addresses signs in only from them.
    const { version } = (await call('GET', '/permission-groups', { as: ADMIN })).json;
    const restricted = await call('POST', '/permission-groups/changes', {
      as: ADMIN,
      version,
      key: 'restrict-managers',
      body: { changes: [{ kind: 'restrict', groupId: 'group-manager', allowedAddresses: ['203.0.113.0/24'] }] },
    });
    expect(restricted.status, restricted.text).to.equal(200);
    expect((await signIn('elena.sokolova', DEMO_PASSWORD, '198.51.100.7')).json.error.reason).to.equal('address');
    // NFKC and case: a fullwidth, upper-case username is the same login.
    const session = await signIn('ＥＬＥＮＡ.SOKOLOVA', DEMO_PASSWORD, '203.0.113.5');
    expect(session.status, session.text).to.equal(201);
    const token = session.json.token as string;
    expect((await call('GET', '/viewer', { as: token })).json.id).to.equal(MANAGER);

    // Signing out everywhere ends the session, and the mock's stand-in for it.
    const access = (await call('GET', `/staff/${MANAGER}/access`, { as: ADMIN })).json;
    await call('POST', `/staff/${MANAGER}/access`, {
      as: ADMIN,
      version: access.version,
      key: 'sign-out',
      body: { action: 'sign-out-everywhere' },
    });
    expect((await call('GET', '/viewer', { as: token })).status).to.equal(401);
    expect((await call('GET', '/viewer', { as: MANAGER })).status).to.equal(401);

    // Look-alike usernames are refused when made.
    for (const [i, username] of ['еlena.sokolova', 'elena_sokolova', ' Elena.Sokolova ', 'e1ena.sokolova'].entries()) {
      const current = (await call('GET', '/staff/staff-4/access', { as: ADMIN })).json;
      const renamed = await call('POST', '/staff/staff-4/access', {
        as: ADMIN,
        version: current.version,
        key: `rename-${i}`,
        body: { action: 'rename-login', username },
      });
      expect(renamed.status, username).to.equal(422);
      expect(renamed.json.error.fields.username, username).to.be.a('string');
    }
  });

  it('7. lets nobody lift or escape their own group’s address restriction', async () => {
    await useMock({});
    const change = async (key: string, changes: unknown[]) => {
      const { version } = (await call('GET', '/permission-groups', { as: ADMIN })).json;
      return call('POST', '/permission-groups/changes', { as: ADMIN, version, key, body: { changes } });
    };
    const restrict = (allowedAddresses: string[] | null) => ({
      kind: 'restrict',
      groupId: 'group-admin',
      allowedAddresses,
    });
    expect((await change('tighten', [restrict(['203.0.113.0/24'])])).status, 'narrowing one’s own is allowed').to.equal(
      200,
    );
    expect((await change('lift', [restrict(null)])).status).to.equal(422);
    expect((await change('widen', [restrict(['203.0.113.0/24', '198.51.100.0/24'])])).status).to.equal(422);
    const { groups } = (await call('GET', '/permission-groups', { as: ADMIN })).json;
    const admin = groups.find((g: { id: string }) => g.id === 'group-admin');
    const escape = await change('escape', [
      { kind: 'create', group: { id: 'group-escape', name: 'Escape', permissions: admin.permissions } },
      { kind: 'move', staffId: ADMIN, groupId: 'group-escape' },
    ]);
    expect(escape.status).to.equal(422);
    expect(escape.json.error.message).to.contain('signs in from more places');
    expect((await change('narrow', [restrict(['203.0.113.5'])])).status).to.equal(200);
  });

  it('8. promotes nobody by deleting their group', async () => {
    const mock = await useMock({});
    const { version } = (await call('GET', '/permission-groups', { as: ADMIN })).json;
    const changes = [{ kind: 'delete', groupId: 'group-front-desk', reassignTo: 'group-admin' }];
    const refused = await call('POST', '/permission-groups/changes', {
      as: ADMIN,
      version,
      key: 'promote',
      body: { changes },
    });
    expect(refused.status).to.equal(422);
    expect(mock.storage.data.permissionGroups.groups.some((g) => g.id === 'group-front-desk')).to.equal(true);
    const byOwner = await call('POST', '/permission-groups/changes', {
      as: OWNER,
      version,
      key: 'owner',
      body: { changes },
    });
    expect(byOwner.status, 'the owner, whom no permission binds, may').to.equal(200);
  });

  it('9. checks every field of every change of groups', async () => {
    const mock = await useMock({});
    const { version } = (await call('GET', '/permission-groups', { as: ADMIN })).json;
    const group = (extra: object) => ({ id: 'group-new', name: 'New', permissions: [], ...extra });
    const refused = [
      [{ kind: 'create', group: group({ allowedAddresses: ['not-an-address', '0.0.0.0/0'] }) }],
      [{ kind: 'create', group: group({ allowedAddresses: ['0.0.0.0/0'] }) }],
      [{ kind: 'create', group: group({ name: '   ' }) }],
      [{ kind: 'create', group: group({ name: 'front  DESK' }) }],
      [{ kind: 'create', group: group({ owner: true }) }],
      [{ kind: 'create', group: group({}), note: 'unknown' }],
      [{ kind: 'rename', groupId: 'group-teacher', name: '' }],
      [{ kind: 'restrict', groupId: 'group-teacher', allowedAddresses: ['::/0'] }],
      [{ kind: 'move', staffId: DESK }],
      [{ kind: 'promote', staffId: DESK }],
    ];
    for (const [i, changes] of refused.entries()) {
      const answer = await call('POST', '/permission-groups/changes', {
        as: ADMIN,
        version,
        key: `f${i}`,
        body: { changes },
      });
      expect(answer.status, JSON.stringify(changes)).to.equal(422);
    }
    expect(mock.storage.data.permissionGroups.version, 'nothing was saved').to.equal(version);
  });

  it('10. refuses an Idempotency-Key sent again with another request, and keeps keys per viewer', async () => {
    const mock = await useMock({});
    const two = (await call('GET', '/staff/staff-2/access', { as: ADMIN })).json;
    const signOut = { as: ADMIN, version: two.version, key: 'one-key', body: { action: 'sign-out-everywhere' } };
    expect((await call('POST', '/staff/staff-2/access', signOut)).status).to.equal(200);
    const again = await call('POST', '/staff/staff-2/access', signOut);
    expect(again.status, 'the same request again: the first answer').to.equal(200);
    const three = (await call('GET', '/staff/staff-3/access', { as: ADMIN })).json;
    const name = mock.storage.data.staff.find((s) => s.id === 'staff-3')!.name;
    const reused = await call('POST', '/staff/staff-3/access', {
      as: ADMIN,
      version: three.version,
      key: 'one-key',
      body: { action: 'deactivate', confirmName: name },
    });
    expect(reused.status).to.equal(422);
    expect(reused.json.error.fields['Idempotency-Key']).to.be.a('string');
    expect(
      mock.storage.data.staff.find((s) => s.id === 'staff-3')!.hasLoginAccess,
      'staff-3 still has a login',
    ).to.equal(true);
    const masking = (await call('GET', '/masking-settings', { as: OWNER })).json;
    const owners = await call('PUT', '/masking-settings', {
      as: OWNER,
      version: masking.version,
      key: 'one-key',
      body: { enabled: !masking.enabled },
    });
    expect(owners.status, 'another viewer’s key is theirs alone').to.equal(200);
  });

  it('11. answers malformed input with 400 or 422 naming the field, never 500', async () => {
    await useMock({});
    const reads = [
      '/verification-requests?from=not-a-date',
      '/verification-requests?to=2026-13-45',
      '/verification-requests?offset=-1',
      '/verification-requests?limit=abc',
      '/verification-requests?sort=nothing',
      '/verification-requests?status=maybe',
      '/verification-requests/export?format=xls',
      '/contact-logs?from=yesterday',
      '/contact-logs?limit=0',
      '/contact-logs?direction=sideways',
      '/contact-logs?cursor=%E0%A4%A',
      '/entry-logs?flag=unknown',
      '/entry-logs?outcome=maybe',
      '/staff-activity?exported=yes',
      '/staff-activity?report=payroll',
      '/staff?limit=1e3',
      '/staff?role=wizard',
      '/clients?offset=1.5',
      '/clients/client-1/alerts?context=everywhere',
      `/clients?search=${'x'.repeat(600)}`,
    ];
    for (const path of reads) {
      const answer = await call('GET', path, { as: ADMIN });
      expect([400, 422], `${path}: ${answer.text}`).to.include(answer.status);
      expect(answer.json.error.code, path).to.equal('validation');
      expect(Object.keys(answer.json.error.fields ?? {}).length, path).to.be.greaterThan(0);
    }
    const writes: [string, string, unknown, number | undefined][] = [
      ['PUT', '/masking-settings', '{not json', 1],
      ['PUT', '/masking-settings', { enabled: 'yes' }, 1],
      ['PUT', '/masking-settings', [true], 1],
      ['PUT', '/visibility-overrides', { staffIds: 'staff-1' }, 1],
      ['PUT', '/login-security', { settings: null }, 1],
      ['PUT', '/login-security', { settings: { minLength: '8' } }, 1],
      ['POST', '/clients/client-1/alert-resolutions', { context: 'profile', resolutions: 'all' }, undefined],
      ['POST', '/clients/client-1/alert-resolutions', { context: 'moon', resolutions: [] }, undefined],
      ['POST', '/gift-card-ids', { number: 482901736455 }, undefined],
      ['POST', '/permission-groups/changes', { changes: {} }, 1],
      ['POST', '/staff/staff-2/access', { action: 'promote' }, 1],
      ['POST', '/staff/staff-2/access', { action: 'rename-login', username: 7 }, 1],
      ['POST', '/verification-requests/vr-1/verify', { sendApprovalEmail: 'yes' }, 1],
      ['POST', '/sessions', { username: ['a'], password: 1 }, undefined],
      ['PUT', '/masking-settings', { enabled: true }, undefined],
    ];
    for (const [method, path, body, version] of writes) {
      const answer = await call(method, path, {
        as: ADMIN,
        body,
        version,
        key: `${method}${path}${JSON.stringify(body)}`,
      });
      expect([400, 422, 428], `${method} ${path} ${JSON.stringify(body)}: ${answer.text}`).to.include(answer.status);
      expect(answer.json.error.code).to.equal('validation');
    }
    expect((await call('DELETE', '/masking-settings', { as: ADMIN })).status, 'a method not served').to.equal(405);
  });

  it('12. exports no cell a spreadsheet would run, wherever its formula starts', async () => {
    const mock = await useMock({});
    const hostile = [' =1+2', '\u3000=1+2', '\n=1+2', '\t=1+2', '＝1+2', '＋SUM(A1)', '\u00a0@SUM(A1)', '\u200b-2+3'];
    // What a consumer types when claiming a profile reaches the report as it was typed.
    const requests = mock.storage.data.verificationRequests.slice(0, hostile.length);
    requests.forEach((r, i) => (r.nameEntered = hostile[i]!));
    // And an alert's text, as staff wrote it, reaches the contact logs.
    mock.storage.data.clients[0]!.redAlert = ' =HYPERLINK("http://example.com")';
    const resolved = await call('POST', '/clients/client-1/alert-resolutions', {
      as: ADMIN,
      key: 'formula',
      body: { context: 'profile', resolutions: [{ alertId: 'client-1:red', action: 'ignore', reason: 'Checked.' }] },
    });
    expect(resolved.status, resolved.text).to.equal(201);
    const files = [
      await call('GET', '/verification-requests/export?format=csv', { as: ADMIN }),
      await call('GET', '/contact-logs/export?format=csv&client=client-1', { as: ADMIN }),
    ];
    const cells = files.flatMap((file) => parseCsv(file.json.content as string).flat());
    for (const value of [...hostile, ' =HYPERLINK("http://example.com")'])
      expect(cells, JSON.stringify(value)).to.include(`'${value}`);
    for (const cell of cells) expect(startsFormula(cell), JSON.stringify(cell)).to.equal(false);
  });

  it('13. gives clients, their alerts, sign-ins and gift card numbers only to groups that grant them', async () => {
    const mock = await useMock({});
    // A person given a login again has no group, and so no permission, until someone gives one.
    mock.storage.data.staff.find((s) => s.id === DESK)!.groupId = null;
    for (const path of ['/clients', '/clients/client-1/alerts?context=sign-in'])
      expect((await call('GET', path, { as: DESK })).status, path).to.equal(403);
    const reserve = await call('POST', '/gift-card-ids', { as: DESK, key: 'g', body: { number: '482901736466' } });
    expect(reserve.status).to.equal(403);
    // A teacher signs clients in; a group without it does not.
    const { version } = (await call('GET', '/permission-groups', { as: ADMIN })).json;
    await call('POST', '/permission-groups/changes', {
      as: ADMIN,
      version,
      key: 'viewer-group',
      body: {
        changes: [
          { kind: 'create', group: { id: 'group-viewer', name: 'Viewer', permissions: ['client.view-profile'] } },
          { kind: 'move', staffId: DESK, groupId: 'group-viewer' },
        ],
      },
    });
    const alerts = (await call('GET', '/clients/client-3/alerts?context=sign-in', { as: DESK })).json;
    expect(alerts.alerts.length, 'client 3 arrived within the hour: an alert to answer').to.be.greaterThan(0);
    const signIn = await call('POST', '/clients/client-3/alert-resolutions', {
      as: DESK,
      key: 'sign-in',
      body: {
        context: 'sign-in',
        resolutions: alerts.alerts.map((a: { id: string }) => ({ alertId: a.id, action: 'sign-in', reason: 'Paid.' })),
      },
    });
    expect(signIn.status).to.equal(403);
  });

  it('14. lets nobody take over or weaken the login of someone stronger than themselves', async () => {
    const mock = await useMock({});
    const { version } = (await call('GET', '/permission-groups', { as: ADMIN })).json;
    const made = await call('POST', '/permission-groups/changes', {
      as: ADMIN,
      version,
      key: 'login-desk',
      body: {
        changes: [
          {
            kind: 'create',
            group: { id: 'group-logins', name: 'Logins', permissions: ['manager-tools.manage-staff-logins'] },
          },
          { kind: 'move', staffId: MANAGER, groupId: 'group-logins' },
        ],
      },
    });
    expect(made.status, made.text).to.equal(200);
    const act = async (as: string, staffId: string, body: object, key: string) => {
      const { version } = (await call('GET', `/staff/${staffId}/access`, { as })).json;
      return call('POST', `/staff/${staffId}/access`, { as, version, key, body });
    };
    const admin = mock.storage.data.staff.find((s) => s.id === ADMIN)!;
    expect((await act(MANAGER, ADMIN, { action: 'deactivate', confirmName: admin.name }, 'a')).status).to.equal(403);
    expect((await act(MANAGER, ADMIN, { action: 'reset-two-factor' }, 'b')).status).to.equal(403);
    expect((await act(MANAGER, ADMIN, { action: 'rename-login', username: 'marcus.w' }, 'c')).status).to.equal(403);
    expect((await act(MANAGER, ADMIN, { action: 'unlock' }, 'd')).status, 'unlocking only protects').to.equal(200);
    expect((await act(ADMIN, OWNER, { action: 'rename-login', username: 'priya.r' }, 'e')).status).to.equal(403);
    expect((await act(OWNER, OWNER, { action: 'rename-login', username: 'priya.r' }, 'f')).status).to.equal(200);
  });

  it('15. never replays an answer with contacts its viewer may no longer see', async () => {
    const mock = await useMock({});
    const pending = mock.storage.data.verificationRequests.find((r) => r.status === 'pending')!;
    const decline = { as: MANAGER, version: pending.version, key: 'decline-once', body: {} };
    const first = await call('POST', `/verification-requests/${pending.id}/decline`, decline);
    expect(first.status).to.equal(200);
    expect(first.json.submittedEmail.masked, 'the manager on the override list sees it').to.equal(false);
    const overrides = (await call('GET', '/visibility-overrides', { as: ADMIN })).json;
    await call('PUT', '/visibility-overrides', {
      as: ADMIN,
      version: overrides.version,
      key: 'off-the-list',
      body: { staffIds: overrides.staffIds.filter((id: string) => id !== MANAGER) },
    });
    const retry = await call('POST', `/verification-requests/${pending.id}/decline`, decline);
    expect(retry.status).to.equal(409);
    expect(retry.text).not.to.contain(pending.submittedEmail.trim());
  });

  it('16. ends a cursor when the viewer’s masking changes, so the record says what they saw', async () => {
    const mock = await useMock({});
    const first = (await call('GET', '/contact-logs?limit=5', { as: MANAGER })).json;
    const overrides = (await call('GET', '/visibility-overrides', { as: ADMIN })).json;
    await call('PUT', '/visibility-overrides', {
      as: ADMIN,
      version: overrides.version,
      key: 'off',
      body: { staffIds: [] },
    });
    const later = await call('GET', `/contact-logs?limit=5&cursor=${encodeURIComponent(first.next)}`, { as: MANAGER });
    expect(later.status).to.equal(422);
    const reopened = (await call('GET', '/contact-logs?limit=5', { as: MANAGER })).json;
    expect(reopened.items.length).to.be.greaterThan(0);
    const openings = accessesOf(recorded(mock.storage), 'contact-logs').map((e) => e.metadata?.['masked']);
    expect(openings).to.deep.equal([false, true]);
  });
});
