/**
 * The contract kit's checks of every rule on every path: the side doors an insider tries
 * from the network tab. A report page without its record, a cursor made up or borrowed,
 * a replay of a report the group lacks, a contact typed as a filter shown to a masked
 * auditor, a reused Idempotency-Key, a silent promotion, a malformed value answered with
 * a stack trace, and a sign-in that ignores the lock.
 */
import { generateGiftCardNumber } from '../policy/giftcard-id.js';
import {
  contactLogPageSchema,
  entryLogPageSchema,
  giftCardReservationSchema,
  loginSecuritySchema,
  maskingSettingsSchema,
  permissionGroupsSchema,
  staffAccessSchema,
  staffActivityPageSchema,
  viewerSchema,
} from '../adapters/schemas.js';
import { boolean, object, string } from '../adapters/validate.js';
import { Problem, type Harness, type Viewer } from './harness.js';

/** What `POST /sessions` answers. */
const sessionSchema = object({ token: string, staffId: string, secondFactorRequired: boolean });

const enc = encodeURIComponent;

export async function sideDoorChecks(
  h: Harness,
  reactivated: { staffId: string; username: string; password: string } | undefined,
): Promise<void> {
  const { call, shaped, failure, check, key } = h;

  /** Problems unless `viewer`'s request is answered with one of `statuses`. */
  const expectStatus = async (
    problems: string[],
    viewer: Viewer,
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    path: string,
    statuses: number[],
    what: string,
    init: Parameters<Harness['call']>[3] = {},
  ) => {
    const answer = await call(viewer, method, path, init);
    if (!statuses.includes(answer.status))
      problems.push(
        `${answer.call} (${what}) answered ${answer.status}, not ${statuses.join(' or ')}: ${answer.text.slice(0, 160)}`,
      );
    return answer;
  };

  await check(
    'every report row a viewer receives is on record: cursors are the server’s own, for one viewer and one query, and pages neither repeat nor skip',
    ['GET /contact-logs', 'GET /entry-logs', 'GET /staff-activity'],
    async (problems) => {
      for (const path of ['/contact-logs', '/entry-logs', '/staff-activity'])
        await expectStatus(
          problems,
          'admin',
          'GET',
          `${path}?limit=5&cursor=o5`,
          [400, 422],
          'a cursor the server never gave',
        );
      const first = shaped(await call('admin', 'GET', '/contact-logs?limit=3'), contactLogPageSchema);
      if (!first.next)
        throw new Problem('GET /contact-logs?limit=3 as admin: no next cursor; seed more than 3 contact logs');
      const cursor = first.next;
      const middle = Math.floor(cursor.length / 2);
      const altered = `${cursor.slice(0, middle)}${cursor[middle] === 'A' ? 'B' : 'A'}${cursor.slice(middle + 1)}`;
      await expectStatus(
        problems,
        'admin',
        'GET',
        `/contact-logs?limit=3&subtype=red&cursor=${enc(cursor)}`,
        [400, 422],
        'a cursor of other filters',
      );
      await expectStatus(
        problems,
        'masked',
        'GET',
        `/contact-logs?limit=3&cursor=${enc(cursor)}`,
        [403, 422],
        'another viewer’s cursor',
      );
      await expectStatus(
        problems,
        'admin',
        'GET',
        `/contact-logs?limit=3&cursor=${enc(altered)}`,
        [400, 403, 422],
        'an altered cursor',
      );

      // Every log once, forwards; the last page's previous is the page before it.
      const pages: string[][] = [];
      let page = first;
      for (let i = 0; i < h.maxPages * 20; i++) {
        pages.push(page.items.map((l) => l.id));
        if (!page.next) break;
        page = shaped(
          await call('admin', 'GET', `/contact-logs?limit=3&cursor=${enc(page.next)}`),
          contactLogPageSchema,
        );
      }
      const ids = pages.flat();
      if (new Set(ids).size !== ids.length)
        problems.push('GET /contact-logs: walking the pages by cursor repeats a log');
      if (!page.next && ids.length !== first.total)
        problems.push(`GET /contact-logs: walking every page gave ${ids.length} logs, but the count is ${first.total}`);
      if (pages.length > 1 && page.previous) {
        const back = shaped(
          await call('admin', 'GET', `/contact-logs?limit=3&cursor=${enc(page.previous)}`),
          contactLogPageSchema,
        );
        if (back.items.map((l) => l.id).join() !== pages.at(-2)!.join())
          problems.push('GET /contact-logs: the previous cursor of the last page does not give the page before it');
      }

      // The masked viewer's opening is on record, masked, with the filters they used.
      const marker = key('audit');
      shaped(await call('masked', 'GET', `/contact-logs?staff=${enc(marker)}&limit=1`), contactLogPageSchema);
      const listed = shaped(
        await call('admin', 'GET', '/staff-activity?report=contact-logs&limit=50'),
        staffActivityPageSchema,
      );
      const found = listed.items.find((a) => a.filters['staff'] === marker);
      if (!found)
        problems.push('GET /staff-activity as admin: the masked viewer’s opening of the contact logs is not on record');
      else if (!found.masked) problems.push('GET /staff-activity: the masked viewer’s opening is recorded as unmasked');
    },
  );

  await check(
    'a viewer whose group holds no report and no manager tool is refused every report, export, replay and change',
    [
      'GET /verification-requests',
      'GET /verification-requests/export',
      'GET /contact-logs',
      'GET /contact-logs/export',
      'GET /entry-logs',
      'GET /entry-logs/export',
      'GET /staff-activity',
      'GET /staff-activity/export',
      'GET /staff-activity/{id}/replay',
      'PUT /masking-settings',
      'PUT /visibility-overrides',
      'PUT /login-security',
      'POST /permission-groups/changes',
      'POST /staff/{id}/access',
    ],
    async (problems) => {
      const me = shaped(await call('unprivileged', 'GET', '/viewer'), viewerSchema);
      if (me.canSeeContacts || me.role === 'owner')
        throw new Problem('GET /viewer as unprivileged: give a viewer who may not see contacts and is not the owner');
      for (const path of [
        '/verification-requests',
        '/verification-requests/export?format=csv',
        '/contact-logs',
        '/contact-logs/export?format=csv',
        '/entry-logs',
        '/entry-logs/export?format=csv',
        '/staff-activity',
        '/staff-activity/export?format=csv',
      ])
        await expectStatus(problems, 'unprivileged', 'GET', path, [403], 'a report the group lacks');
      const access = shaped(await call('admin', 'GET', '/staff-activity?limit=1'), staffActivityPageSchema).items[0];
      if (access)
        await expectStatus(
          problems,
          'unprivileged',
          'GET',
          `/staff-activity/${enc(access.id)}/replay`,
          [403],
          'a replay',
        );
      const masking = shaped(await call('admin', 'GET', '/masking-settings'), maskingSettingsSchema);
      const write = (method: 'PUT' | 'POST', path: string, body: unknown, version: number, what: string) =>
        expectStatus(problems, 'unprivileged', method, path, [403], what, { body, version, key: key('refused') });
      await write('PUT', '/masking-settings', { enabled: !masking.enabled }, masking.version, 'the masking switch');
      await write('PUT', '/visibility-overrides', { staffIds: [me.id] }, 1, 'putting themselves on the override list');
      const rules = shaped(await call('admin', 'GET', '/login-security'), loginSecuritySchema);
      await write('PUT', '/login-security', { settings: rules.settings }, rules.version, 'the login rules');
      const groups = shaped(await call('admin', 'GET', '/permission-groups'), permissionGroupsSchema);
      await write(
        'POST',
        '/permission-groups/changes',
        { changes: [{ kind: 'move', staffId: me.id, groupId: groups.viewer.groupId }] },
        groups.version,
        'moving themselves into the admin’s group',
      );
      const admin = shaped(await call('admin', 'GET', '/viewer'), viewerSchema);
      await write(
        'POST',
        `/staff/${enc(admin.id)}/access`,
        { action: 'reset-two-factor' },
        1,
        'another person’s login',
      );
    },
  );

  await check(
    'a replay needs the replayed report’s permission as well as Staff Activity’s, and a contact typed as a filter is masked for a masked auditor',
    ['GET /staff-activity', 'GET /staff-activity/{id}/replay', 'POST /permission-groups/changes', 'GET /contact-logs'],
    async (problems) => {
      const me = shaped(await call('unprivileged', 'GET', '/viewer'), viewerSchema);
      const home = shaped(await call('unprivileged', 'GET', '/permission-groups'), permissionGroupsSchema).viewer
        .groupId;
      const typed = [...h.raw].find((value) => value.includes('@'));
      if (!typed) throw new Problem('no raw email seen as admin to type as a filter');
      shaped(await call('admin', 'GET', `/contact-logs?client=${enc(typed)}&limit=1`), contactLogPageSchema);
      const auditor = key('auditor').replace(/[^\w.:-]/g, '-');
      const path = '/permission-groups/changes';
      const change = async (changes: unknown[], what: string) => {
        const { version } = shaped(await call('admin', 'GET', '/permission-groups'), permissionGroupsSchema);
        shaped(
          await call('admin', 'POST', path, { body: { changes }, version, key: key(what) }),
          permissionGroupsSchema,
        );
      };
      await change(
        [
          {
            kind: 'create',
            group: { id: auditor, name: auditor, permissions: ['reports.entry-logs', 'reports.staff-activity'] },
          },
          { kind: 'move', staffId: me.id, groupId: auditor },
        ],
        'auditor',
      );
      try {
        const admin = shaped(await call('admin', 'GET', '/viewer'), viewerSchema);
        const seen = await call(
          'unprivileged',
          'GET',
          `/staff-activity?staff=${enc(admin.id)}&report=contact-logs&limit=25`,
        );
        h.keep('unprivileged', seen);
        const list = shaped(seen, staffActivityPageSchema);
        if (seen.text.toLowerCase().includes(typed.toLowerCase()))
          problems.push(`${seen.call}: the contact the admin typed as a filter reaches a masked auditor raw`);
        const opened = list.items[0];
        if (!opened) throw new Problem(`${seen.call}: the admin’s opening of the contact logs is not listed`);
        await expectStatus(
          problems,
          'unprivileged',
          'GET',
          `/staff-activity/${enc(opened.id)}/replay`,
          [403],
          'a replay of the contact logs, which the group lacks',
        );
      } finally {
        await change(
          [
            { kind: 'move', staffId: me.id, groupId: home },
            { kind: 'delete', groupId: auditor },
          ],
          'auditor-gone',
        );
      }
    },
  );

  await check(
    'an Idempotency-Key sent again with another request is refused, and changes nothing',
    ['PUT /masking-settings', 'POST /gift-card-ids'],
    async (problems) => {
      const before = shaped(await call('admin', 'GET', '/masking-settings'), maskingSettingsSchema);
      const reused = key('reused');
      const saved = shaped(
        await call('admin', 'PUT', '/masking-settings', {
          body: { enabled: before.enabled },
          version: before.version,
          key: reused,
        }),
        maskingSettingsSchema,
      );
      const number = generateGiftCardNumber();
      failure(
        await call('admin', 'POST', '/gift-card-ids', { body: { number }, key: reused }),
        [400, 422],
        'validation',
      );
      failure(
        await call('admin', 'PUT', '/masking-settings', {
          body: { enabled: !before.enabled },
          version: saved.version,
          key: reused,
        }),
        [400, 422],
        'validation',
      );
      const now = shaped(await call('admin', 'GET', '/masking-settings'), maskingSettingsSchema);
      if (now.enabled !== before.enabled || now.version !== saved.version)
        problems.push('PUT /masking-settings: a key sent again with another body changed the setting');
      shaped(
        await call('admin', 'POST', '/gift-card-ids', { body: { number }, key: key('fresh') }),
        giftCardReservationSchema,
      );
    },
  );

  await check(
    'no change of permission groups promotes anyone silently or carries a field its kind lacks, and a refused change saves nothing',
    ['GET /permission-groups', 'POST /permission-groups/changes'],
    async (problems) => {
      const groups = shaped(await call('admin', 'GET', '/permission-groups'), permissionGroupsSchema);
      const desk = shaped(await call('unprivileged', 'GET', '/permission-groups'), permissionGroupsSchema).viewer
        .groupId;
      const refused = async (changes: unknown[], what: string) => {
        const answer = await call('admin', 'POST', '/permission-groups/changes', {
          body: { changes },
          version: groups.version,
          key: key('group'),
        });
        if (answer.status !== 422 && answer.status !== 400)
          problems.push(`${answer.call} (${what}) answered ${answer.status}, not 422`);
      };
      // The owner, whom no permission binds, may reassign freely; an admin may not.
      if (!groups.viewer.owner && desk && groups.viewer.groupId && desk !== groups.viewer.groupId)
        await refused(
          [{ kind: 'delete', groupId: desk, reassignTo: groups.viewer.groupId }],
          'deleting a group into a stronger one',
        );
      const id = key('group').replace(/[^\w.:-]/g, '-');
      await refused(
        [
          {
            kind: 'create',
            group: { id, name: id, permissions: [], allowedAddresses: ['not-an-address', '0.0.0.0/0'] },
          },
        ],
        'addresses that are none, or every one',
      );
      await refused([{ kind: 'create', group: { id, name: '   ', permissions: [] } }], 'a blank name');
      await refused(
        [{ kind: 'create', group: { id, name: id, permissions: [] }, note: 'a field no change has' }],
        'an unknown field',
      );
      const after = shaped(await call('admin', 'GET', '/permission-groups'), permissionGroupsSchema);
      if (after.version !== groups.version)
        problems.push('POST /permission-groups/changes: a refused change was saved');
    },
  );

  await check(
    'malformed input is answered with 400 or 422 naming the field, never 500',
    [
      'GET /verification-requests',
      'GET /contact-logs',
      'GET /entry-logs',
      'GET /staff-activity',
      'GET /staff',
      'PUT /masking-settings',
      'POST /gift-card-ids',
      'POST /staff/{id}/access',
    ],
    async (problems) => {
      for (const path of [
        '/verification-requests?from=not-a-date',
        '/verification-requests?limit=abc',
        '/verification-requests?sort=nothing',
        '/contact-logs?to=2026-13-45',
        '/contact-logs?direction=sideways',
        '/entry-logs?flag=unknown',
        '/staff-activity?exported=yes',
        '/staff?offset=-1',
      ]) {
        const answer = await expectStatus(problems, 'admin', 'GET', path, [400, 422], 'malformed');
        if (answer.status === 400 || answer.status === 422) failure(answer, [400, 422], 'validation');
      }
      const masking = shaped(await call('admin', 'GET', '/masking-settings'), maskingSettingsSchema);
      await expectStatus(problems, 'admin', 'PUT', '/masking-settings', [400], 'a body that is not JSON', {
        body: '{not json',
        version: masking.version,
        key: key('m1'),
      });
      await expectStatus(problems, 'admin', 'PUT', '/masking-settings', [400, 422], 'a boolean as text', {
        body: { enabled: 'yes' },
        version: masking.version,
        key: key('m2'),
      });
      await expectStatus(problems, 'admin', 'POST', '/gift-card-ids', [400, 422], 'a number as a number', {
        body: { number: 482901736455 },
        key: key('m3'),
      });
      const admin = shaped(await call('admin', 'GET', '/viewer'), viewerSchema);
      const access = shaped(await call('admin', 'GET', `/staff/${enc(admin.id)}/access`), staffAccessSchema);
      await expectStatus(
        problems,
        'admin',
        'POST',
        `/staff/${enc(admin.id)}/access`,
        [400, 422],
        'an action that is none',
        { body: { action: 'promote' }, version: access.version, key: key('m4') },
      );
    },
  );

  if (h.options.signIn === false) return;
  await check(
    'sign-in follows the login rules: the password signs in, failures lock the login, and an ended session is refused',
    ['POST /sessions', 'GET /viewer', 'POST /staff/{id}/access', 'GET /entry-logs', 'GET /login-security'],
    async (problems) => {
      if (!reactivated) throw new Problem('no login to sign in with: the staff access check did not reactivate one');
      const { staffId, username, password } = reactivated;
      const signIn = (given: string) => call('nobody', 'POST', '/sessions', { body: { username, password: given } });
      const first = await signIn(password);
      if (first.status === 404)
        throw new Problem(
          'POST /sessions answered 404: serve the server’s own sign-in, or run the kit with signIn: false (--no-sign-in)',
        );
      const token = shaped(first, sessionSchema, [201]).token;
      const me = shaped(
        await call({ name: 'the reactivated login', headers: { Authorization: `Bearer ${token}` } }, 'GET', '/viewer'),
        viewerSchema,
      );
      if (me.id !== staffId) problems.push(`GET /viewer with the new session: ${me.id}, not ${staffId}`);
      const { settings } = shaped(await call('admin', 'GET', '/login-security'), loginSecuritySchema);
      for (let i = 0; i < settings.lockoutAttempts; i++)
        failure(await signIn(`not the password ${i}`), [401], 'unauthorized');
      const locked = await signIn(password);
      if (locked.status !== 401)
        problems.push(
          `POST /sessions after ${settings.lockoutAttempts} wrong passwords: the right one answered ${locked.status}; the login must be locked`,
        );
      const entries = shaped(
        await call('admin', 'GET', `/entry-logs?person=${enc(staffId)}&outcome=locked-out&limit=5`),
        entryLogPageSchema,
      );
      if (!entries.items.length) problems.push('GET /entry-logs: the lock-out is not recorded');
      const act = async (action: string) => {
        const access = shaped(await call('admin', 'GET', `/staff/${enc(staffId)}/access`), staffAccessSchema);
        shaped(
          await call('admin', 'POST', `/staff/${enc(staffId)}/access`, {
            body: { action },
            version: access.version,
            key: key(action),
          }),
          staffAccessSchema,
        );
      };
      await act('unlock');
      const again = shaped(await signIn(password), sessionSchema, [201]).token;
      await act('sign-out-everywhere');
      for (const ended of [token, again])
        failure(
          await call(
            { name: 'a session ended by signing out everywhere', headers: { Authorization: `Bearer ${ended}` } },
            'GET',
            '/viewer',
          ),
          [401],
          'unauthorized',
        );
    },
  );
}
