/**
 * The contract test kit: checks a backend's implementation of the REST contract
 * (docs/rest-contract.md) over HTTP, from Node or any runner with `fetch`. Above all it
 * checks masking: a viewer who may not see contacts never receives a raw phone number
 * or email address, in any answer, nor learns one through a sort or a search.
 *
 * Run it against a test instance: it turns masking off and on again, reserves gift card
 * numbers, resolves alerts and declines a link request.
 *
 *   const result = await runContract({ baseUrl, viewers: { admin: {...}, masked: {...} } });
 *   console.log(formatReport(result));
 */
import { parseCsv, startsFormula } from '../policy/csv.js';
import { generateGiftCardNumber } from '../policy/giftcard-id.js';
import {
  alertResolutionSchema,
  clientAlertsSchema,
  clientPageSchema,
  contactLogPageSchema,
  entryLogPageSchema,
  reportReplaySchema,
  staffActivityPageSchema,
  reportExportSchema,
  giftCardReservationSchema,
  locationsSchema,
  maskingSettingsSchema,
  loginSecuritySchema,
  overridesSchema,
  permissionGroupsSchema,
  staffAccessSchema,
  staffIdsSchema,
  staffPageSchema,
  verificationPageSchema,
  verificationRequestSchema,
  viewerSchema,
} from '../adapters/schemas.js';
import type { Check } from '../adapters/validate.js';
import { Harness, Problem } from './harness.js';
import { sideDoorChecks } from './side-doors.js';
import type { Client, ClientAlerts, MaskingSettings, VerificationRequest, VisibilityOverrides } from '../core/types.js';

/** Every endpoint of the REST contract, as its headings in docs/rest-contract.md name them. */
export const CONTRACT_ENDPOINTS = [
  'GET /viewer',
  'GET /masking-settings',
  'PUT /masking-settings',
  'GET /locations',
  'GET /staff',
  'GET /staff/ids',
  'GET /visibility-overrides',
  'PUT /visibility-overrides',
  'GET /clients',
  'GET /clients/{id}/alerts',
  'POST /clients/{id}/alert-resolutions',
  'GET /verification-requests',
  'GET /verification-requests/export',
  'POST /verification-requests/{id}/verify',
  'POST /verification-requests/{id}/decline',
  'POST /gift-card-ids',
  'GET /permission-groups',
  'POST /permission-groups/changes',
  'GET /login-security',
  'PUT /login-security',
  'GET /contact-logs',
  'GET /contact-logs/export',
  'GET /staff/{id}/access',
  'POST /staff/{id}/access',
  'GET /entry-logs',
  'GET /entry-logs/export',
  'GET /staff-activity',
  'GET /staff-activity/export',
  'GET /staff-activity/{id}/replay',
  'POST /sessions',
  'DELETE /sessions/current',
] as const;

export type ContractEndpoint = (typeof CONTRACT_ENDPOINTS)[number];

export interface ContractOptions {
  /** Where the backend serves the contract, e.g. `http://localhost:3000/api/deskguard`. */
  baseUrl: string;
  /**
   * Headers that sign a request in as each kind of viewer: `admin` sees contacts and may
   * change settings (an owner or admin); `masked` may not see contacts but may open the
   * Security Verification and Contact Logs reports (a manager not on the override list).
   * Masking must be on, on a plan that has it.
   */
  viewers: {
    admin: Record<string, string>;
    masked: Record<string, string>;
    /**
     * Headers of a staff member whose group holds no report and no manager tool, who may
     * not see contacts and is not the owner (the front desk): every refusal is tried as them.
     */
    unprivileged?: Record<string, string>;
    /** Headers of a request from nobody signed in (none by default), which must answer `401`. */
    signedOut?: Record<string, string>;
  };
  /**
   * Whether the backend serves the server's own sign-in (`POST /sessions`, bearer tokens)
   * and its checks run: lock-out, ended sessions. `true` by default; a host whose sign-in
   * is its own says `false`.
   */
  signIn?: boolean;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
  /** How many pages of 100 clients and link requests to read for the masking checks; 20 by default. */
  maxPages?: number;
}

export interface ContractCheck {
  /** What is checked, in a sentence. */
  name: string;
  /** The endpoints it called. */
  endpoints: ContractEndpoint[];
  /** What was wrong, each naming the request and what it answered; empty when it passed. */
  problems: string[];
}

export interface ContractResult {
  ok: boolean;
  checks: ContractCheck[];
}

const SAME = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Cell starts a spreadsheet reads as a formula though the first character is not `=`: a
 * fullwidth sign (NFKC folds it), or an invisible character before it (zero-width space, word joiner).
 */
const FORMULAS = ['＝1+2', '\u200b@SUM(1+1)', '\u2060-2+3', '＋1'];

/** A problem for each cell of a CSV file that a spreadsheet would run. */
function formulaProblems(call: string, content: string): string[] {
  return parseCsv(content)
    .flat()
    .filter(startsFormula)
    .map((cell) => `${call}: a cell starts a formula: ${JSON.stringify(cell.slice(0, 40))}`);
}

/** The password the kit gives a login it reactivates: long, with a number, on no list. */
export const REACTIVATED_PASSWORD = 'tulip harbour 9 violin';

/** Runs every check of the contract; resolves once all have run. */
export async function runContract(options: ContractOptions): Promise<ContractResult> {
  const harness = new Harness(options);
  /** The formula-looking reasons the kit wrote. */
  const wrote: string[] = [];
  /** The login check 12 gave new details, for the sign-in checks. */
  let reactivated: { staffId: string; username: string } | undefined;
  const { checks, answers, raw, leaks, call, shaped, failure, check, pages, keep, key } = harness;
  /** Saves the masking setting as the admin, with a fresh key; resolves to the setting saved. */
  const saveMasking = async (enabled: boolean, version: number, what: string): Promise<MaskingSettings> =>
    shaped(
      await call('admin', 'PUT', '/masking-settings', { body: { enabled }, version, key: key(what) }),
      maskingSettingsSchema,
    );

  // 1. Every read answers in the contract's shape, for both viewers.
  let clients: Client[] = [];
  let masking: MaskingSettings | undefined;
  await check(
    'every read answers in the contract’s shape, for a viewer who sees contacts and one who does not',
    [
      'GET /viewer',
      'GET /masking-settings',
      'GET /locations',
      'GET /staff',
      'GET /staff/ids',
      'GET /visibility-overrides',
      'GET /clients',
      'GET /clients/{id}/alerts',
      'GET /verification-requests',
    ],
    async (problems) => {
      for (const viewer of ['admin', 'masked'] as const) {
        const reads: [string, Check<unknown>][] = [
          ['/viewer', viewerSchema],
          ['/masking-settings', maskingSettingsSchema],
          ['/locations', locationsSchema],
          ['/staff?limit=5', staffPageSchema],
          ['/staff/ids', staffIdsSchema],
          ['/visibility-overrides', overridesSchema],
          ['/clients?limit=5', clientPageSchema],
          ['/verification-requests?limit=5', verificationPageSchema],
        ];
        for (const [path, schema] of reads) {
          try {
            const value = shaped(keep(viewer, await call(viewer, 'GET', path)), schema);
            if (path === '/viewer') {
              const sees = (value as { canSeeContacts: boolean }).canSeeContacts;
              if (sees !== (viewer === 'admin'))
                problems.push(
                  `GET /viewer as ${viewer}: canSeeContacts is ${sees}; the ${viewer} viewer must be one who ${viewer === 'admin' ? 'sees' : 'may not see'} contacts, with masking on`,
                );
            }
            if (path === '/masking-settings' && viewer === 'admin') masking = value as MaskingSettings;
          } catch (error) {
            problems.push((error as Error).message);
          }
        }
      }
      clients = shaped(await call('admin', 'GET', '/clients?limit=20'), clientPageSchema).items;
      const first = clients[0];
      if (!first) throw new Problem('GET /clients as admin: no clients to check alerts with; seed a few');
      shaped(
        keep('masked', await call('masked', 'GET', `/clients/${encodeURIComponent(first.id)}/alerts?context=sign-in`)),
        clientAlertsSchema,
      );
      if (masking && !masking.effective)
        problems.push(
          'GET /masking-settings: masking is not in effect; turn it on (on a plan that has it) so that masking can be checked',
        );
    },
  );

  // 2. No raw contact reaches the masked viewer, anywhere.
  await check(
    'a viewer who may not see contacts never receives a raw phone number or email address',
    ['GET /clients', 'GET /verification-requests', 'GET /clients/{id}/alerts', 'PUT /masking-settings'],
    async (problems) => {
      const seen = (contact: { value: string; masked: boolean } | null | undefined, where: string) => {
        if (!contact) return;
        if (contact.masked) problems.push(`${where} as admin: a contact comes masked to a viewer who sees contacts`);
        else if (contact.value.length >= 5) raw.add(contact.value);
      };
      for (const client of await pages<Client>('admin', '/clients', clientPageSchema)) {
        seen(client.phone, 'GET /clients');
        seen(client.email, 'GET /clients');
      }
      for (const request of await pages<VerificationRequest>(
        'admin',
        '/verification-requests',
        verificationPageSchema,
      )) {
        seen(request.submittedEmail, 'GET /verification-requests');
        seen(request.profileEmail, 'GET /verification-requests');
      }
      if (!raw.size)
        throw new Problem('GET /clients as admin: no phone or email in the data; seed clients with contacts');
      // What the masked viewer receives: lists, alerts with their client, an error body.
      const maskedClients = await pages<Client>('masked', '/clients', clientPageSchema);
      for (const client of maskedClients)
        for (const contact of [client.phone, client.email])
          if (contact && !contact.masked) problems.push(`GET /clients as masked: ${client.id} has an unmasked contact`);
      await pages<VerificationRequest>('masked', '/verification-requests', verificationPageSchema);
      for (const client of maskedClients.slice(0, 25))
        keep('masked', await call('masked', 'GET', `/clients/${encodeURIComponent(client.id)}/alerts?context=sign-in`));
      keep(
        'masked',
        await call('masked', 'PUT', '/masking-settings', {
          body: { enabled: false },
          version: masking?.version ?? 1,
          key: key('forbidden'),
        }),
      );
      problems.push(...leaks(0));
    },
  );

  // 3. No order or search reveals a hidden value.
  await check(
    'sorting and searching use what the viewer receives, never a hidden value',
    ['GET /verification-requests', 'GET /clients'],
    async (problems) => {
      const sorted = await pages<VerificationRequest>(
        'masked',
        '/verification-requests?sort=submittedEmail&direction=asc',
        verificationPageSchema,
      );
      for (let i = 1; i < sorted.length; i++) {
        const [a, b] = [sorted[i - 1]!, sorted[i]!];
        if (a.submittedEmail.value === b.submittedEmail.value && SAME(a.id, b.id) > 0) {
          problems.push(
            `GET /verification-requests?sort=submittedEmail&direction=asc as masked: ${a.id} comes before ${b.id} though both show "${a.submittedEmail.value}": equal masks must go by id, or the order reveals the hidden addresses`,
          );
          break;
        }
      }
      const admin = await pages<Client>('admin', '/clients', clientPageSchema);
      const probe = admin.find((c) => {
        const local = c.email?.value.split('@')[0] ?? '';
        return local.length >= 4 && !c.name.toLowerCase().includes(local.toLowerCase());
      });
      if (!probe) return;
      const local = probe.email!.value.split('@')[0]!;
      const found = shaped(
        await call('masked', 'GET', `/clients?search=${encodeURIComponent(local)}&limit=100`),
        clientPageSchema,
      );
      if (found.items.some((c) => c.id === probe.id))
        problems.push(`GET /clients?search=${local} as masked: finds ${probe.id} by its hidden email address`);
    },
  );

  // 4. Stale writes are refused with the current record.
  await check(
    'a write with a stale version is refused with 409 and the current record',
    ['PUT /masking-settings', 'PUT /visibility-overrides'],
    async () => {
      const before = shaped(await call('admin', 'GET', '/masking-settings'), maskingSettingsSchema);
      const saved = await saveMasking(!before.enabled, before.version, 'flip');
      if (saved.version <= before.version)
        throw new Problem(`PUT /masking-settings as admin: the version stayed ${saved.version}`);
      const stale = await call('admin', 'PUT', '/masking-settings', {
        body: { enabled: before.enabled },
        version: before.version,
        key: key('stale'),
      });
      const refused = failure(stale, [409, 412], 'conflict');
      if (stale.status === 409 && (refused.current as { version?: number } | undefined)?.version !== saved.version)
        throw new Problem(`${stale.call}: error.current is not the record as it is now (version ${saved.version})`);
      await saveMasking(before.enabled, saved.version, 'restore');
      const overrides = shaped(await call('admin', 'GET', '/visibility-overrides'), overridesSchema);
      const kept = shaped(
        await call('admin', 'PUT', '/visibility-overrides', {
          body: { staffIds: overrides.staffIds },
          version: overrides.version,
          key: key('overrides'),
        }),
        overridesSchema,
      ) as VisibilityOverrides;
      if (kept.version !== overrides.version) {
        failure(
          await call('admin', 'PUT', '/visibility-overrides', {
            body: { staffIds: overrides.staffIds },
            version: overrides.version,
            key: key('overrides-stale'),
          }),
          [409, 412],
          'conflict',
        );
      }
    },
  );

  // 5. A retried write with the same key has one effect.
  await check(
    'a write retried with the same Idempotency-Key has one effect and the first answer',
    ['PUT /masking-settings', 'POST /gift-card-ids'],
    async () => {
      const before = shaped(await call('admin', 'GET', '/masking-settings'), maskingSettingsSchema);
      const retry = { body: { enabled: !before.enabled }, version: before.version, key: key('retry') };
      const first = shaped(await call('admin', 'PUT', '/masking-settings', retry), maskingSettingsSchema);
      const again = await call('admin', 'PUT', '/masking-settings', retry);
      if (again.status !== 200)
        throw new Problem(
          `${again.call} (the same Idempotency-Key again) answered ${again.status}, not the first answer: a retry of one's own save is not someone else's change`,
        );
      const second = shaped(again, maskingSettingsSchema);
      const now = shaped(await call('admin', 'GET', '/masking-settings'), maskingSettingsSchema);
      if (second.version !== first.version || now.version !== first.version)
        throw new Problem(
          `PUT /masking-settings as admin: the retry wrote again (version ${first.version}, then ${second.version}, now ${now.version})`,
        );
      await saveMasking(before.enabled, now.version, 'restore');
      const number = generateGiftCardNumber();
      const reserve = { body: { number }, key: key('gift') };
      const reserved = shaped(await call('admin', 'POST', '/gift-card-ids', reserve), giftCardReservationSchema);
      const repeated = await call('admin', 'POST', '/gift-card-ids', reserve);
      const repeat = shaped(repeated, giftCardReservationSchema);
      if (repeat.number !== reserved.number)
        throw new Problem(`${repeated.call}: the retry reserved ${repeat.number}, not ${reserved.number}`);
      failure(
        await call('admin', 'POST', '/gift-card-ids', { body: { number }, key: key('gift-taken') }),
        [409],
        'conflict',
      );
    },
  );

  // 6. Paging and sorting happen on the server.
  await check('lists are paged and sorted by the server', ['GET /staff', 'GET /verification-requests'], async () => {
    const one = shaped(await call('admin', 'GET', '/staff?offset=0&limit=3'), staffPageSchema);
    const two = shaped(await call('admin', 'GET', '/staff?offset=3&limit=3'), staffPageSchema);
    if (one.items.length > 3 || two.items.length > 3)
      throw new Problem('GET /staff?limit=3 as admin: more than 3 items');
    if (one.total !== two.total) throw new Problem(`GET /staff as admin: total ${one.total}, then ${two.total}`);
    if (one.items.some((a) => two.items.some((b) => a.id === b.id)))
      throw new Problem('GET /staff?offset=3 as admin: repeats items of the first page');
    const past = shaped(await call('admin', 'GET', `/staff?offset=${one.total}&limit=3`), staffPageSchema);
    if (past.items.length) throw new Problem(`GET /staff?offset=${one.total} as admin: items past the end`);
    const sorted = [
      ...shaped(
        await call('admin', 'GET', '/verification-requests?sort=requestedAt&direction=asc&offset=0&limit=10'),
        verificationPageSchema,
      ).items,
      ...shaped(
        await call('admin', 'GET', '/verification-requests?sort=requestedAt&direction=asc&offset=10&limit=10'),
        verificationPageSchema,
      ).items,
    ];
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i - 1]!.requestedAt > sorted[i]!.requestedAt)
        throw new Problem(
          'GET /verification-requests?sort=requestedAt&direction=asc as admin: not in order across two pages',
        );
  });

  // 7. Errors come in the contract's shape.
  await check(
    'errors answer with the contract’s status, code and body',
    ['GET /viewer', 'GET /verification-requests', 'GET /clients/{id}/alerts'],
    async () => {
      failure(await call('nobody', 'GET', '/viewer'), [401], 'unauthorized');
      failure(await call('admin', 'GET', '/verification-requests?sort=nothing'), [400, 422], 'validation');
      failure(
        await call('admin', 'GET', '/clients/deskguard-contract-no-such-client/alerts?context=profile'),
        [404],
        'not_found',
      );
    },
  );

  // 8. Resolving alerts, verifying and declining: the masked viewer's answers hold no raw contact.
  await check(
    'alert resolutions and link-request decisions keep to the contract',
    [
      'GET /clients/{id}/alerts',
      'POST /clients/{id}/alert-resolutions',
      'POST /verification-requests/{id}/verify',
      'POST /verification-requests/{id}/decline',
    ],
    async (problems) => {
      const from = answers.length;
      // A client with a red or yellow alert, one that writes a contact log if any does.
      let alerted: ClientAlerts | undefined;
      for (const client of clients) {
        const alerts = shaped(
          await call('masked', 'GET', `/clients/${encodeURIComponent(client.id)}/alerts?context=profile`),
          clientAlertsSchema,
        );
        const text = alerts.alerts.filter((a) => a.kind === 'red' || a.kind === 'yellow');
        if (text.length && !alerted) alerted = alerts;
        if (text.some((a) => a.writesContactLog)) {
          alerted = alerts;
          break;
        }
      }
      if (alerted) {
        const path = `/clients/${encodeURIComponent(alerted.client.id)}/alert-resolutions`;
        const stale = await call('masked', 'POST', path, {
          body: { context: 'profile', resolutions: [] },
          key: key('alerts-stale'),
        });
        keep('masked', stale);
        failure(stale, [409], 'conflict');
        // Reasons a spreadsheet would run, were they not made text: the exports are checked for them.
        const resolutions = alerted.alerts.map((a, i) => {
          const formula = FORMULAS[i % FORMULAS.length]!;
          if (a.writesContactLog) wrote.push(formula);
          return { alertId: a.id, action: 'ignore', reason: `${formula} Checked by the deskguard contract test.` };
        });
        const resolved = shaped(
          keep(
            'masked',
            await call('masked', 'POST', path, { body: { context: 'profile', resolutions }, key: key('alerts') }),
          ),
          alertResolutionSchema,
        );
        // Each log keeps the alert as it was shown, where and when: what the Contact Logs report reads.
        for (const log of resolved.contactLogs) {
          const shown = alerted.alerts.find((a) => a.id === log.alertId);
          if (!shown) problems.push(`POST ${path}: a contact log for ${log.alertId}, an alert that was not shown`);
          else if (
            log.type !== 'client-alert' ||
            log.subtype !== shown.kind ||
            log.context !== 'profile' ||
            JSON.stringify(log.alert) !== JSON.stringify(shown) ||
            log.shownAt > log.at
          )
            problems.push(
              `POST ${path}: the contact log for ${log.alertId} should be type client-alert, subtype ${shown.kind}, context profile, the alert as shown, shownAt no later than at; it is ${JSON.stringify({ ...log, staff: undefined })}`,
            );
        }
      } else
        problems.push(
          'GET /clients/{id}/alerts?context=profile as masked: no client among the first 20 has a red or yellow alert; seed one',
        );
      const pending = shaped(
        await call('admin', 'GET', '/verification-requests?status=pending&limit=5'),
        verificationPageSchema,
      ).items;
      const request = pending[0];
      if (!request)
        return void problems.push(
          'GET /verification-requests?status=pending as admin: nothing pending to decline; seed one',
        );
      const mismatch = pending.find((r) => r.emailMatch === 'mismatch');
      if (mismatch) {
        const refused = await call(
          'admin',
          'POST',
          `/verification-requests/${encodeURIComponent(mismatch.id)}/verify`,
          {
            body: { sendApprovalEmail: false, acknowledgeMismatch: false },
            version: mismatch.version,
            key: key('verify'),
          },
        );
        failure(refused, [422], 'validation');
      }
      const declined = shaped(
        await call('admin', 'POST', `/verification-requests/${encodeURIComponent(request.id)}/decline`, {
          version: request.version,
          key: key('decline'),
        }),
        verificationRequestSchema,
      );
      if (declined.status !== 'declined')
        throw new Problem(
          `POST /verification-requests/${request.id}/decline as admin: the request is ${declined.status}`,
        );
      failure(
        await call('admin', 'POST', `/verification-requests/${encodeURIComponent(request.id)}/decline`, {
          version: request.version,
          key: key('decline-again'),
        }),
        [409],
        'conflict',
      );
      problems.push(...leaks(from));
    },
  );

  // 9. Permission groups: everyone reads them, only an administrator changes them, by the rules, all or none.
  await check(
    'permission groups change only by an administrator, by the rules of change, all or none, on the current version',
    ['GET /permission-groups', 'POST /permission-groups/changes'],
    async (problems) => {
      const seen = shaped(keep('masked', await call('masked', 'GET', '/permission-groups')), permissionGroupsSchema);
      if (seen.viewer.canAdminister)
        problems.push('GET /permission-groups as masked: a front-desk viewer must not administer permission groups');
      const groups = shaped(await call('admin', 'GET', '/permission-groups'), permissionGroupsSchema);
      if (!groups.viewer.canAdminister)
        problems.push('GET /permission-groups as admin: the owner or admin must administer permission groups');
      const id = key('group');
      const create = { kind: 'create', group: { id, name: id, permissions: [] } };
      const path = '/permission-groups/changes';
      failure(
        await call('masked', 'POST', path, { body: { changes: [create] }, version: seen.version, key: key('g1') }),
        [403],
        'forbidden',
      );
      // A group granting a permission no catalogue has is refused, and the create before it is not made.
      const unknown = { kind: 'set-permissions', groupId: id, permissions: ['deskguard-contract.no-such-permission'] };
      failure(
        await call('admin', 'POST', path, {
          body: { changes: [create, unknown] },
          version: groups.version,
          key: key('g2'),
        }),
        [400, 422],
        'validation',
      );
      failure(
        await call('admin', 'POST', path, {
          body: { changes: [create, { kind: 'delete', groupId: id }] },
          version: groups.version - 1,
          key: key('g3'),
        }),
        [409, 412],
        'conflict',
      );
      const after = shaped(
        await call('admin', 'POST', path, {
          body: { changes: [create, { kind: 'delete', groupId: id }] },
          version: groups.version,
          key: key('g4'),
        }),
        permissionGroupsSchema,
      );
      if (after.groups.some((g) => g.id === id))
        problems.push(`POST ${path}: a group created and deleted in one call is still there`);
      if (after.version === groups.version) problems.push(`POST ${path}: a change that landed kept the version`);
    },
  );

  // 10. Login rules: never weaker than the seed's, changed only with the permission, on the current version.
  await check(
    'login rules refuse anything weaker than the seed’s, change only with the permission and on the current version',
    ['GET /login-security', 'PUT /login-security'],
    async (problems) => {
      const seen = shaped(keep('masked', await call('masked', 'GET', '/login-security')), loginSecuritySchema);
      if (seen.canChange)
        problems.push('GET /login-security as masked: a front-desk viewer must not change the login rules');
      const rules = shaped(await call('admin', 'GET', '/login-security'), loginSecuritySchema);
      if (!rules.canChange)
        problems.push('GET /login-security as admin: the owner or admin must change the login rules');
      const put = (viewer: 'admin' | 'masked', settings: unknown, version: number, what: string) =>
        call(viewer, 'PUT', '/login-security', { body: { settings }, version, key: key(what) });
      failure(await put('masked', rules.settings, seen.version, 'l1'), [403], 'forbidden');
      const weak = await put('admin', { ...rules.settings, minLength: 7 }, rules.version, 'l2');
      const body = failure(weak, [400, 422], 'validation') as { fields?: Record<string, string> | null };
      if (!body.fields?.['minLength'])
        problems.push('PUT /login-security with minLength 7: the error names no `minLength` field');
      failure(await put('admin', rules.settings, rules.version - 1, 'l3'), [409, 412], 'conflict');
      const saved = shaped(await put('admin', rules.settings, rules.version, 'l4'), loginSecuritySchema);
      if (saved.version === rules.version) problems.push('PUT /login-security: a save that landed kept the version');
    },
  );

  // 11. Contact logs: read by the report's permission, masked, paged by cursor, exported safe for spreadsheets.
  await check(
    'contact logs come masked to a masked viewer, page by cursor with the count, and export masked with no cell a spreadsheet runs',
    ['GET /contact-logs', 'GET /contact-logs/export'],
    async (problems) => {
      const from = answers.length;
      for (const viewer of ['admin', 'masked'] as const) {
        const first = shaped(keep(viewer, await call(viewer, 'GET', '/contact-logs?limit=5')), contactLogPageSchema);
        if (first.total > 5 && !first.next)
          problems.push(`GET /contact-logs as ${viewer}: more logs than the page, and no next cursor`);
        if (viewer === 'admin')
          for (const log of first.items)
            for (const contact of [log.client.phone, log.client.email])
              if (contact && !contact.masked && contact.value.length >= 5) raw.add(contact.value);
        if (first.next) {
          const second = shaped(
            keep(viewer, await call(viewer, 'GET', `/contact-logs?limit=5&cursor=${encodeURIComponent(first.next)}`)),
            contactLogPageSchema,
          );
          const ids = new Set(first.items.map((l) => l.id));
          if (second.items.some((l) => ids.has(l.id)))
            problems.push(`GET /contact-logs as ${viewer}: the next page repeats a log`);
          if (second.total !== first.total)
            problems.push(`GET /contact-logs as ${viewer}: the count changed between pages`);
        }
        for (const log of first.items)
          if (log.type === 'client-alert' && log.editable)
            problems.push(`GET /contact-logs: ${log.id}, written by an alert, is editable`);
      }
      for (const format of ['csv', 'json']) {
        const file = shaped(
          keep('masked', await call('masked', 'GET', `/contact-logs/export?format=${format}`)),
          reportExportSchema,
        );
        if (format === 'csv') {
          problems.push(...formulaProblems('GET /contact-logs/export?format=csv', file.content));
          // The kit's own formula-looking reasons are there, and shown as text.
          const cells = parseCsv(file.content).flat();
          for (const formula of FORMULAS)
            if (wrote.includes(formula) && !cells.some((c) => c.startsWith(`'${formula}`)))
              problems.push(
                `GET /contact-logs/export?format=csv: the reason ${JSON.stringify(formula)}… is not made text with a leading '`,
              );
        }
      }
      failure(await call('admin', 'GET', '/contact-logs?cursor=not-a-cursor'), [400, 422], 'validation');
      problems.push(...leaks(from));
    },
  );

  // 12. Staff access: a deactivated staff member leaves the override list and does not come back on it.
  await check(
    'deactivating a staff member takes them off the override list, and reactivating does not put them back',
    ['GET /staff/{id}/access', 'POST /staff/{id}/access', 'GET /visibility-overrides'],
    async (problems) => {
      const overrides = shaped(await call('admin', 'GET', '/visibility-overrides'), overridesSchema);
      const staffId = overrides.staffIds[0];
      if (!staffId) throw new Problem('GET /visibility-overrides as admin: seed one staff member on the override list');
      const access = shaped(
        await call('admin', 'GET', `/staff/${encodeURIComponent(staffId)}/access`),
        staffAccessSchema,
      );
      if (!access.onOverrideList)
        problems.push(`GET /staff/${staffId}/access: onOverrideList is false for a listed member`);
      const post = (body: Record<string, unknown>, version: number, what: string) =>
        call('admin', 'POST', `/staff/${encodeURIComponent(staffId)}/access`, { body, version, key: key(what) });
      failure(
        await post({ action: 'deactivate', confirmName: 'someone else' }, access.version, 'a1'),
        [400, 422],
        'validation',
      );
      const gone = shaped(
        await post({ action: 'deactivate', confirmName: access.staff.name }, access.version, 'a2'),
        staffAccessSchema,
      );
      if (gone.status !== 'no-login' || gone.onOverrideList || gone.group)
        problems.push(
          `POST /staff/${staffId}/access (deactivate): still ${gone.status}, on the list ${gone.onOverrideList}, group ${gone.group?.id}`,
        );
      const after = shaped(await call('admin', 'GET', '/visibility-overrides'), overridesSchema);
      if (after.staffIds.includes(staffId))
        problems.push('GET /visibility-overrides: the deactivated staff member is still on it');
      // Every password set is checked by the login rules, the list of common passwords included.
      const username = key('login').replace(/^deskguard-contract-/, 'contract.');
      for (const [password, rule] of [
        ['Kx7q', 'too short'],
        ['password1', 'a common password'],
        ['Password1', 'a common password'],
      ] as const) {
        const weak = failure(
          await post({ action: 'reactivate', username, password }, gone.version, `weak-${password}`),
          [400, 422],
          'validation',
        );
        if (!weak.fields?.['password'])
          problems.push(
            `POST /staff/${staffId}/access (reactivate with ${rule}): the error names no \`password\` field`,
          );
      }
      const back = shaped(
        await post({ action: 'reactivate', username, password: REACTIVATED_PASSWORD }, gone.version, 'a3'),
        staffAccessSchema,
      );
      reactivated = { staffId, username };
      if (back.onOverrideList || back.group)
        problems.push(`POST /staff/${staffId}/access (reactivate): the list place or the group came back`);
      // Leave the backend as it was found: the member back on the list.
      const now = shaped(await call('admin', 'GET', '/visibility-overrides'), overridesSchema);
      shaped(
        await call('admin', 'PUT', '/visibility-overrides', {
          body: { staffIds: [...now.staffIds, staffId] },
          version: now.version,
          key: key('a4'),
        }),
        overridesSchema,
      );
    },
  );

  // 13. Entry logs: in the contract's shape, paged by cursor, with how long they are kept; exports safe for spreadsheets.
  await check(
    'entry logs answer in the contract’s shape with their retention, page by cursor, and export with no cell a spreadsheet runs',
    ['GET /entry-logs', 'GET /entry-logs/export'],
    async (problems) => {
      const first = shaped(await call('admin', 'GET', '/entry-logs?limit=5'), entryLogPageSchema);
      if (first.retentionDays < 1) problems.push('GET /entry-logs: retentionDays is not a number of days');
      if (first.total > 5 && !first.next)
        problems.push('GET /entry-logs: more entries than the page, and no next cursor');
      if (first.next) {
        const second = shaped(
          await call('admin', 'GET', `/entry-logs?limit=5&cursor=${encodeURIComponent(first.next)}`),
          entryLogPageSchema,
        );
        const ids = new Set(first.items.map((e) => e.id));
        if (second.items.some((e) => ids.has(e.id))) problems.push('GET /entry-logs: the next page repeats an entry');
      }
      const file = shaped(await call('admin', 'GET', '/entry-logs/export?format=csv'), reportExportSchema);
      problems.push(...formulaProblems('GET /entry-logs/export?format=csv', file.content));
    },
  );

  // 14. Staff activity: the masked viewer's opening of a report is listed, and its replay shows no more than they saw.
  await check(
    'a masked viewer’s verification export holds no raw contact; staff activity lists their opening, pages by cursor, and its replay holds no raw contact',
    [
      'GET /verification-requests/export',
      'GET /staff-activity',
      'GET /staff-activity/export',
      'GET /staff-activity/{id}/replay',
    ],
    async (problems) => {
      const before = answers.length;
      shaped(await call('masked', 'GET', '/verification-requests?limit=25'), verificationPageSchema);
      const file = shaped(await call('masked', 'GET', '/verification-requests/export?format=csv'), reportExportSchema);
      if (!file.content.startsWith('Requested,'))
        problems.push('GET /verification-requests/export?format=csv: the file does not start with its header');
      problems.push(...leaks(before));
      const first = shaped(
        await call('admin', 'GET', '/staff-activity?report=security-verification&limit=5'),
        staffActivityPageSchema,
      );
      const opened = first.items.find((a) => a.masked && !a.export);
      if (!opened) {
        problems.push('GET /staff-activity: the masked viewer’s opening of the verification report is not listed');
        return;
      }
      if (first.next) {
        const second = shaped(
          await call(
            'admin',
            'GET',
            `/staff-activity?report=security-verification&limit=5&cursor=${encodeURIComponent(first.next)}`,
          ),
          staffActivityPageSchema,
        );
        const ids = new Set(first.items.map((a) => a.id));
        if (second.items.some((a) => ids.has(a.id)))
          problems.push('GET /staff-activity: the next page repeats an access');
      }
      const from = answers.length;
      const replay = shaped(
        await call('admin', 'GET', `/staff-activity/${encodeURIComponent(opened.id)}/replay?limit=25`),
        reportReplaySchema,
      );
      if (!replay.masked) problems.push('GET /staff-activity/{id}/replay: a masked viewer’s report replays unmasked');
      // The admin sees contacts, so its answer is not scanned as a masked one: look at the text here.
      const text = answers
        .slice(from)
        .map((a) => a.text.toLowerCase())
        .join('\n');
      for (const value of raw)
        if (text.includes(value.toLowerCase()))
          problems.push(`GET /staff-activity/{id}/replay: the replay holds the raw contact "${value}"`);
      const missing = await call('admin', 'GET', '/staff-activity/no-such-access/replay');
      if (missing.status !== 404)
        problems.push(`GET /staff-activity/{id}/replay of an unknown access: ${missing.status}, not 404`);
      const activity = shaped(await call('admin', 'GET', '/staff-activity/export?format=csv'), reportExportSchema);
      problems.push(...formulaProblems('GET /staff-activity/export?format=csv', activity.content));
    },
  );

  // 15 and on: every rule on every path.
  await sideDoorChecks(harness, reactivated && { ...reactivated, password: REACTIVATED_PASSWORD });

  return { ok: checks.every((c) => !c.problems.length), checks };
}

/** The result as a readable report: a line per check, its problems under it. */
export function formatReport(result: ContractResult): string {
  const lines = result.checks.flatMap((c) => [
    `${c.problems.length ? '✗' : '✓'} ${c.name}`,
    ...c.problems.map((p) => `    ${p}`),
  ]);
  const failed = result.checks.filter((c) => c.problems.length).length;
  lines.push(`deskguard contract: ${result.checks.length - failed} passed, ${failed} failed`);
  return lines.join('\n');
}
export { hiddenTarget, plantProbes, twinContacts, twinEmail, twinPhone, WORLDS } from './oracle.js';
