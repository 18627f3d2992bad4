/**
 * Deterministic seed data for the mock backend: the same options always give the
 * same records (a seeded generator, no Math.random), so stories, tests and QA runs
 * see the same world.
 */
import type { BackendData, ClientRecord, StaffRecord, VerificationRecord } from '../src/server/records.js';
import type {
  AuditEvent,
  ClientAlert,
  ContactLog,
  PermissionGroup,
  Plan,
  Role,
  VerificationStatus,
} from '../src/core/types.js';
import { defaultMaskingEnabled } from '../src/policy/policy.js';
import { defaultGroups } from '../src/policy/permissions.js';
import { DEFAULT_LOGIN_SECURITY } from '../src/policy/passwords.js';

/** Which business the mock serves. */
export type BusinessKey = 'premium-new' | 'premium-existing' | 'downgraded' | 'standard' | 'lite-plus' | 'lite';
/** How much data it holds. `hostile` puts markup and control characters into every free-text field. */
export type DatasetKey = 'standard' | 'empty' | 'large' | 'hostile';

export const BUSINESSES: Record<BusinessKey, { plan: Plan; isNew: boolean; label: string }> = {
  'premium-new': { plan: 'premium', isNew: true, label: 'Premium, new business (masking on by default)' },
  'premium-existing': { plan: 'premium', isNew: false, label: 'Premium, existing business (masking off by default)' },
  downgraded: { plan: 'standard', isNew: false, label: 'Standard, downgraded from Premium with masking on' },
  standard: { plan: 'standard', isNew: false, label: 'Standard plan' },
  'lite-plus': { plan: 'lite-plus', isNew: false, label: 'Lite Plus plan' },
  lite: { plan: 'lite', isNew: false, label: 'Lite plan' },
};

/** Strings that must always render as inert text. */
export const HOSTILE_STRINGS = [
  '<img src=x onerror="window.__dgPwned=1">',
  '"><script>window.__dgPwned=1</script>',
  "'; DROP TABLE clients; --",
  '\u202Egnp.exe\u202C Ann',
  '${window.__dgPwned=1}',
  '<a href="javascript:window.__dgPwned=1">click</a>',
] as const;

/**
 * Text with no place to break, in the hostile data: a 10,000-character name, and a name
 * that looks like an 85-character email address. Every element must wrap it in its box.
 */
export const UNBROKEN_NAME = 'W'.repeat(10_000);
export const EMAIL_LIKE_NAME = `${'first.middle.last'.repeat(4)}@mail.example.com`.slice(0, 85);

/** The staff every dataset has: the mock signs in as one of them. */
export const CORE_STAFF = {
  owner: { id: 'staff-owner', name: 'Priya Raman', role: 'owner' },
  admin: { id: 'staff-admin', name: 'Marcus Webb', role: 'admin' },
  manager: { id: 'staff-manager', name: 'Elena Sokolova', role: 'manager' },
  'front-desk': { id: 'staff-front-desk', name: 'Tom Okafor', role: 'staff' },
  /** A manager who is not on the override list: runs the Security Verification report with contacts masked. */
  'duty-manager': { id: 'staff-duty-manager', name: 'Sofia Marin', role: 'manager' },
} as const satisfies Record<string, { id: string; name: string; role: Role }>;

export type ViewerKey = keyof typeof CORE_STAFF;

/**
 * The password every seeded login signs in with (`POST /sessions`), kept as a hash made
 * with 1,000 PBKDF2 iterations so that the mock's sign-ins are quick; a real backend uses
 * `hashPassword`'s default.
 */
export const DEMO_PASSWORD = 'lumen-desk-2026';
const DEMO_PASSWORD_HASH = 'pbkdf2-sha256$1000$AwoRGB8mLTQ7QklQV15lbA$KPBGrPtMdT9NJXTNS9S5ham3lurnyepgjxZ4vDg-2pQ';

/** The moment the seed's history is written relative to. */
export const SEED_EPOCH = Date.parse('2026-11-20T10:00:00Z');

/** mulberry32: a small, fast, seeded generator; deterministic across engines. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Ana',
  'Ben',
  'Chloé',
  'Dmitri',
  'Emeka',
  'Fatima',
  'Grace',
  'Hiro',
  'Inés',
  'Jonas',
  'Kemi',
  'Liam',
  'Mei',
  'Noah',
  'Olga',
  'Pedro',
  'Quinn',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Véra',
  'Wen',
  'Yusuf',
  'Zoë',
];
const LAST = [
  'Adeyemi',
  'Brennan',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Haddad',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'López',
  'Murphy',
  'Nakamura',
  'Okonkwo',
  'Petrov',
  'Quiroga',
  'Rossi',
  'Santos',
  'Tanaka',
  'Varga',
  'Walsh',
  'Yilmaz',
  'Zhang',
];
const LOCATION_NAMES = [
  'Downtown',
  'Riverside',
  'Northgate',
  'Harbour',
  'Old Town',
  'Westfield',
  'Parkview',
  'Eastgate',
];

export interface SeedOptions {
  business?: BusinessKey;
  dataset?: DatasetKey;
  /** Clock for records relative to now (recent arrivals); `Date.now` by default. */
  now?: number;
  /** Multiplies the large dataset's staff and link requests (benchmarks of growth); 1 by default. */
  scale?: number;
  /** How many contact logs to write: 30, 5,000 in the large dataset, none in the empty one, by default. */
  contactLogs?: number;
  /** How many more sign-ins and report accesses to write, over the year before the seed's moment (benchmarks). */
  auditEvents?: number;
}

export function createSeedData(options: SeedOptions = {}): BackendData {
  const businessKey = options.business ?? 'premium-new';
  const dataset = options.dataset ?? 'standard';
  const business = BUSINESSES[businessKey];
  const now = options.now ?? Date.now();
  const random = generator(0x5eed + dataset.length * 31 + businessKey.length);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const hostile = dataset === 'hostile';
  const hostileText = (i: number) => HOSTILE_STRINGS[i % HOSTILE_STRINGS.length]!;
  const personName = (i: number) => (hostile ? `${hostileText(i)} ${pick(LAST)}` : `${pick(FIRST)} ${pick(LAST)}`);

  const large = dataset === 'large';
  const scale = large ? Math.max(1, Math.round(options.scale ?? 1)) : 1;
  const locationCount = large ? 40 : 3;
  const locations = Array.from({ length: locationCount }, (_, i) => ({
    id: `loc-${i + 1}`,
    name: i < LOCATION_NAMES.length ? LOCATION_NAMES[i]! : `${pick(LOCATION_NAMES)} ${i + 1}`,
  }));

  const staff: StaffRecord[] = Object.values(CORE_STAFF).map((s, i) => ({
    ...s,
    name: hostile && s.role === 'admin' ? `${hostileText(0)} ${s.name} ${UNBROKEN_NAME}` : s.name,
    locationId: locations[i % locations.length]!.id,
    hasLoginAccess: true,
    // The front desk works the day shift; a sign-in outside it is flagged.
    ...(s.id === 'staff-front-desk' && { shift: { opens: '08:00', closes: '16:00' } }),
  }));
  const extraStaff = dataset === 'empty' ? 0 : large ? 5_000 * scale : 10;
  const roles: Role[] = ['staff', 'staff', 'staff', 'manager', 'admin'];
  for (let i = 0; i < extraStaff; i++) {
    staff.push({
      id: `staff-${i + 1}`,
      name: personName(i),
      role: pick(roles),
      locationId: pick(locations).id,
      hasLoginAccess: true,
    });
  }
  // Logins: each their own, except the owner's generic "owner", one login the front desk
  // shares with a colleague, and one locked by failed attempts (not in the large dataset's
  // thousands, which keep the staff list's figures comparable).
  for (const [i, member] of staff.entries()) {
    if (large && i >= 10) break;
    const username =
      member.role === 'owner'
        ? 'owner'
        : member.id === 'staff-1' || member.id === CORE_STAFF['front-desk'].id
          ? 'frontdesk'
          : member.name
              .toLowerCase()
              .normalize('NFD')
              .replace(/[^a-z]+/g, '.')
              .slice(0, 40);
    member.login = {
      username,
      lockedUntil: member.id === 'staff-2' ? new Date(now + 22 * 60_000).toISOString() : null,
      lastSignInAt: new Date(SEED_EPOCH - (i + 1) * 3_600_000).toISOString(),
      twoFactor: member.role === 'owner' || member.role === 'admin',
      sessions: 1,
      failures: 0,
      passwordHash: DEMO_PASSWORD_HASH,
      passwordChangedAt: new Date(SEED_EPOCH - 30 * 86_400_000).toISOString(),
    };
  }
  // Staff without login access: never listed, never granted visibility.
  const withoutLogin = dataset === 'empty' ? 0 : large ? 400 : 3;
  for (let i = 0; i < withoutLogin; i++) {
    staff.push({
      id: `staff-nologin-${i + 1}`,
      name: personName(i + 7),
      role: 'staff',
      locationId: pick(locations).id,
      hasLoginAccess: false,
    });
  }

  const clientCount = dataset === 'empty' ? 0 : large ? 2_000 : 8;
  const clients: ClientRecord[] = [];
  for (let i = 0; i < clientCount; i++) {
    const name = i === 0 ? (hostile ? `${hostileText(3)} ${UNBROKEN_NAME}` : 'Mark Ellison') : personName(i + 3);
    const local = hostile
      ? `client${i + 1}`
      : name
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .toLowerCase()
          .replace(/[^a-z]+/g, '.');
    clients.push({
      id: `client-${i + 1}`,
      name,
      phone: i % 7 === 6 ? null : `+44 7700 9${String(100_00 + i * 37).padStart(5, '0')}`,
      email: i % 5 === 4 ? null : `${local}@${pick(['example.com', 'example.org', 'mail.example.net'])}`,
      // Client 6 raises every alert at the sign-in desk: red, yellow, balance and arrivals.
      balanceMinor: i === 5 ? 15_000 : i % 3 === 0 ? Math.round(random() * 25_000) : 0,
      redAlert:
        i === 0
          ? hostile
            ? hostileText(1)
            : 'Mark has asthma. He needs his inhaler before class.'
          : i % 11 === 5
            ? 'Allergic to latex: use nitrile gloves.'
            : null,
      yellowAlert:
        i === 1
          ? hostile
            ? hostileText(2)
            : 'Prefers not to be touched on the shoulders (old injury).'
          : i === 5
            ? 'Prefers the quiet room, away from the door.'
            : null,
      arrivals: i === 2 || i === 5 ? [now - 60 * 60_000] : [],
    });
  }

  const requestCount = dataset === 'empty' ? 0 : large ? 30_000 * scale : 12;
  const statuses: VerificationStatus[] = ['pending', 'pending', 'pending', 'verified', 'declined'];
  const verificationRequests: VerificationRecord[] = [];
  const withEmail = clients.filter((c) => c.email);
  for (let i = 0; i < requestCount && clients.length; i++) {
    const client = pick(i % 4 === 3 || !withEmail.length ? clients : withEmail);
    const matches = client.email !== null && i % 3 !== 2;
    const status = pick(statuses);
    const handled = status !== 'pending';
    verificationRequests.push({
      id: `vr-${i + 1}`,
      requestedAt: new Date(SEED_EPOCH - Math.floor(random() * 60 * 24 * 3_600_000)).toISOString(),
      nameEntered: hostile
        ? `${hostileText(i)} ${EMAIL_LIKE_NAME}`
        : client.name.split(' ')[0] + ' ' + client.name.split(' ').slice(1).join(' '),
      submittedEmail: hostile
        ? `${hostileText(i + 2)}@example.com`
        : matches
          ? i % 2
            ? ` ${client.email!.toUpperCase()} `
            : client.email!
          : `${pick(FIRST).toLowerCase()}${Math.floor(random() * 999)}@example.net`,
      clientId: client.id,
      status,
      version: handled ? 2 : 1,
      handledBy: handled ? { id: CORE_STAFF.admin.id, name: CORE_STAFF.admin.name } : null,
      handledAt: handled ? new Date(SEED_EPOCH - 3_600_000).toISOString() : null,
      approvalEmailSent: status === 'verified',
    });
  }

  const groups = seedGroups(dataset, personName);
  for (const group of groups) {
    const own = /^group-own-(\d+)$/.exec(group.id);
    const member = own && staff.find((s) => s.id === `staff-${own[1]}` && s.role !== 'admin');
    if (member) member.groupId = group.id;
  }

  const maskingChanged = businessKey === 'downgraded' || hostile;
  const admin = staff.find((s) => s.id === CORE_STAFF.admin.id)!;
  return {
    business: {
      id: `biz-${businessKey}`,
      name: hostile ? `${hostileText(0)} Salon` : 'Lumen Hair & Spa',
      plan: business.plan,
      currency: 'GBP',
      hours: { opens: '07:00', closes: '21:00', timeZone: 'Europe/London' },
      retentionDays: 365,
    },
    masking: {
      enabled: businessKey === 'downgraded' || defaultMaskingEnabled(business.plan, business.isNew),
      version: maskingChanged ? 4 : 1,
      updatedAt: maskingChanged ? new Date(SEED_EPOCH - 86_400_000 * 12).toISOString() : null,
      updatedBy: maskingChanged ? { id: admin.id, name: admin.name } : null,
    },
    overrides: { staffIds: [CORE_STAFF.manager.id], version: 1, updatedAt: null, updatedBy: null },
    permissionGroups: { groups, version: 1, updatedAt: null, updatedBy: null },
    loginSecurity: { settings: structuredClone(DEFAULT_LOGIN_SECURITY), version: 1, updatedAt: null, updatedBy: null },
    locations,
    staff,
    clients,
    alertSettings: {
      red: { reasonToIgnore: true, writeContactLog: true },
      yellow: { reasonToIgnore: false, writeContactLog: false },
      accountBalance: { enabled: true, thresholdMinor: 10_000, reasonToSignIn: true, writeContactLog: true },
      arrivals: { enabled: true, maxArrivals: 1, windowHours: 4, reasonToSignIn: true, writeContactLog: true },
    },
    verificationRequests,
    // Numbers already issued, so a generated number can collide with one.
    giftCards:
      dataset === 'empty'
        ? []
        : ['482901736455', '739184620570', '105938274611'].map((number, i) => ({
            number,
            reservedAt: new Date(SEED_EPOCH - (i + 1) * 86_400_000).toISOString(),
            reservedBy: { id: CORE_STAFF.owner.id, name: CORE_STAFF.owner.name },
          })),
    auditEvents: [
      ...seedEntries(staff, clients, dataset === 'empty'),
      ...seedActivity(staff, dataset === 'empty', options.auditEvents ?? 0),
    ],
    contactLogs: seedContactLogs(
      clients,
      staff,
      options.contactLogs ?? (dataset === 'empty' ? 0 : large ? 5_000 : 30),
      hostile,
    ),
    outbox: [],
  };
}

/**
 * Sign-ins before the seed's moment, as audit events: staff at the desk from the
 * business's address in opening hours, a front-desk sign-in late at night from home, a
 * locked-out login after six failed attempts, a former staff member still signing in,
 * and clients on the booking app. Their own generator, like the contact logs.
 */
function seedEntries(staff: StaffRecord[], clients: ClientRecord[], empty: boolean): AuditEvent[] {
  if (empty) return [];
  const events: AuditEvent[] = [];
  const desk = '198.51.100.24';
  const agent = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/150.0';
  const add = (
    at: number,
    who: { type: 'staff' | 'client'; id: string; name: string; role?: Role },
    action: string,
    ip: string,
  ) =>
    events.push({
      id: `seed-entry-${events.length + 1}`,
      occurredAt: new Date(at).toISOString(),
      action,
      outcome: action.endsWith('failed') || action.endsWith('locked_out') ? 'failure' : 'success',
      actor: who,
      targets: [],
      context: { ip, userAgent: agent },
      changes: {},
      reason: null,
    });
  const person = (s: StaffRecord) => ({ type: 'staff' as const, id: s.id, name: s.name, role: s.role });
  const day = 86_400_000;
  const working = staff.filter((s) => s.hasLoginAccess).slice(0, 6);
  // Two weeks of mornings at the desk (08:05 to 08:55 London, which is UTC in November).
  for (let d = 14; d >= 1; d--)
    for (const [i, s] of working.entries())
      if ((d + i) % 3) add(SEED_EPOCH - d * day - 115 * 60_000 + i * 600_000, person(s), 'staff.signed_in', desk);
  const frontDesk = staff.find((s) => s.id === CORE_STAFF['front-desk'].id)!;
  add(SEED_EPOCH - 3 * day + 13 * 3_600_000 + 40 * 60_000, person(frontDesk), 'staff.signed_in', '203.0.113.77');
  const locked = staff.find((s) => s.id === 'staff-2');
  if (locked) {
    for (let i = 0; i < 6; i++)
      add(SEED_EPOCH - 1 * day + 9 * 3_600_000 + i * 20_000, person(locked), 'staff.sign_in_failed', '192.0.2.15');
    add(SEED_EPOCH - 1 * day + 9 * 3_600_000 + 121_000, person(locked), 'staff.locked_out', '192.0.2.15');
  }
  const former = staff.find((s) => !s.hasLoginAccess);
  if (former)
    add(SEED_EPOCH - 2 * day + 12 * 3_600_000 + 10 * 60_000, person(former), 'staff.signed_in', '203.0.113.140');
  for (const [i, c] of clients.slice(0, 3).entries())
    add(
      SEED_EPOCH - (i + 1) * day + 7 * 3_600_000,
      { type: 'client', id: c.id, name: c.name },
      'client.signed_in',
      `100.64.0.${i + 10}`,
    );
  return events;
}

/**
 * Openings and exports of sensitive reports before the seed's moment, as audit events:
 * managers at the desk, the duty manager with contacts masked, a former staff member's
 * views before an admin deactivated them, and the shared front-desk login exporting the
 * contact logs late at night from home. With `more`, that many more sign-ins and views
 * over the year before (benchmarks).
 */
function seedActivity(staff: StaffRecord[], empty: boolean, more: number): AuditEvent[] {
  if (empty) return [];
  const events: AuditEvent[] = [];
  const desk = '198.51.100.24';
  const day = 86_400_000;
  const actor = (s: StaffRecord) => ({ type: 'staff' as const, id: s.id, name: s.name, role: s.role });
  const byId = (id: string) => staff.find((s) => s.id === id);
  const add = (
    event: Omit<AuditEvent, 'id' | 'outcome' | 'targets' | 'changes' | 'reason'>,
    targets: AuditEvent['targets'] = [],
  ) =>
    events.push({
      id: `seed-activity-${events.length + 1}`,
      outcome: 'success',
      targets,
      changes: {},
      reason: null,
      ...event,
    });
  const access = (
    s: StaffRecord | undefined,
    at: number,
    report: string,
    filters: Record<string, string>,
    options: { ip?: string; masked: boolean; export?: { format: string; rows: number } },
  ) =>
    s &&
    add({
      occurredAt: new Date(at).toISOString(),
      action: options.export ? 'report.exported' : 'report.viewed',
      actor: actor(s),
      context: { ip: options.ip ?? desk, locationId: s.locationId },
      metadata: { report, filters, masked: options.masked, ...options.export },
    });
  const pending = { status: 'pending', sort: 'requestedAt', direction: 'desc' };
  const recent = { sort: 'at', direction: 'desc' };
  const former = staff.find((s) => !s.hasLoginAccess);
  const admin = byId(CORE_STAFF.admin.id)!;
  // The former staff member looked at the verification report and the contact logs before they left.
  access(former, SEED_EPOCH - 9 * day + 3_600_000, 'security-verification', pending, { masked: true });
  access(former, SEED_EPOCH - 8 * day + 4_000_000, 'contact-logs', { ...recent, subtype: 'red' }, { masked: true });
  if (former)
    add(
      {
        occurredAt: new Date(SEED_EPOCH - 5 * day).toISOString(),
        action: 'staff.deactivated',
        actor: actor(admin),
        context: { ip: desk, locationId: admin.locationId },
      },
      [{ type: 'staff', id: former.id, name: former.name }],
    );
  for (let d = 6; d >= 1; d -= 2) {
    access(byId(CORE_STAFF.manager.id), SEED_EPOCH - d * day + 1_800_000, 'contact-logs', recent, { masked: false });
    access(byId(CORE_STAFF['duty-manager'].id), SEED_EPOCH - d * day + 2_700_000, 'security-verification', pending, {
      masked: true,
    });
  }
  access(byId(CORE_STAFF.admin.id), SEED_EPOCH - 2 * day + 3_600_000, 'entry-logs', recent, { masked: false });
  // The shared front-desk login exports every contact log at 22:15, from home.
  access(
    byId(CORE_STAFF['front-desk'].id),
    SEED_EPOCH - 3 * day + 12 * 3_600_000 + 15 * 60_000,
    'contact-logs',
    recent,
    {
      ip: '203.0.113.77',
      masked: true,
      export: { format: 'csv', rows: 30 },
    },
  );
  const working = staff.filter((s) => s.hasLoginAccess).slice(0, 20);
  const random = generator(0xac71);
  for (let i = 0; i < more && working.length; i++) {
    const who = working[i % working.length]!;
    const at = SEED_EPOCH - Math.floor(random() * 365 * day);
    const ip = `198.51.100.${1 + Math.floor(random() * 200)}`;
    if (i % 2) access(who, at, 'contact-logs', recent, { ip, masked: true });
    else
      add({
        occurredAt: new Date(at).toISOString(),
        action: 'staff.signed_in',
        actor: actor(who),
        context: { ip, userAgent: 'Mozilla/5.0 Chrome/150.0' },
      });
  }
  return events;
}

/**
 * Contact logs client alerts wrote before the seed's moment: staff at their own
 * locations answering red alerts and thresholds, with reasons (hostile ones in the
 * hostile dataset), a few rejections. Their own generator, so the rest of the seed is
 * the same with or without them.
 */
function seedContactLogs(clients: ClientRecord[], staff: StaffRecord[], count: number, hostile: boolean): ContactLog[] {
  const random = generator(0xc0ffee);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const answering = staff.filter((s) => s.hasLoginAccess && s.role !== 'owner').slice(0, 12);
  const logs: ContactLog[] = [];
  if (!clients.length || !answering.length) return logs;
  const reasons = [
    'Checked the inhaler is in the bag before class.',
    'Client paid £50 at the desk; the rest by Friday.',
    'Second visit today: booked class, manager agreed.',
    'Gloves changed to nitrile before the treatment.',
  ];
  for (let i = 0; i < count; i++) {
    const client = clients[i % Math.min(clients.length, 7)]!;
    const by = answering[i % answering.length]!;
    const at = SEED_EPOCH - Math.floor(random() * 45 * 86_400_000);
    const shownAt = at - Math.floor(random() * 90_000);
    const kind = (['red', 'account-balance', 'arrivals', 'red'] as const)[i % 4]!;
    const alert: ClientAlert =
      kind === 'red'
        ? {
            id: `${client.id}:red`,
            kind,
            reasonRequired: true,
            writesContactLog: true,
            text: client.redAlert ?? 'Allergic to latex: use nitrile gloves.',
          }
        : kind === 'account-balance'
          ? {
              id: `${client.id}:account-balance`,
              kind,
              reasonRequired: true,
              writesContactLog: true,
              balanceMinor: 12_000 + (i % 5) * 1_500,
              thresholdMinor: 10_000,
              currency: 'GBP',
            }
          : {
              id: `${client.id}:arrivals`,
              kind,
              reasonRequired: true,
              writesContactLog: true,
              arrivals: 2,
              maxArrivals: 1,
              windowHours: 4,
            };
    const rejected = kind !== 'red' && i % 5 === 2;
    logs.push({
      id: `seed-log-${i + 1}`,
      type: 'client-alert',
      subtype: kind,
      clientId: client.id,
      alertId: alert.id,
      alertKind: kind,
      alert,
      context: kind === 'red' ? pick(['profile', 'booking', 'sign-in'] as const) : 'sign-in',
      action: kind === 'red' ? 'ignore' : rejected ? 'reject' : 'sign-in',
      reason: rejected ? null : hostile ? HOSTILE_STRINGS[i % HOSTILE_STRINGS.length]! : pick(reasons),
      staff: { id: by.id, name: by.name },
      locationId: by.locationId,
      shownAt: new Date(shownAt).toISOString(),
      at: new Date(at).toISOString(),
    });
  }
  return logs;
}

/**
 * The default groups, least privilege first, and the staff in them by role. The large
 * dataset adds a group of one's own for 60 staff, as a small business may give each
 * staff member; the hostile one names a group with hostile text.
 */
function seedGroups(dataset: DatasetKey, personName: (i: number) => string): PermissionGroup[] {
  const groups: PermissionGroup[] = defaultGroups();
  if (dataset === 'hostile')
    groups.push({ id: 'group-hostile', name: `${HOSTILE_STRINGS[0]} ${UNBROKEN_NAME}`, permissions: [] });
  if (dataset === 'large')
    for (let i = 1; i <= 60; i++)
      groups.push({
        id: `group-own-${i}`,
        name: `${personName(i + 40)}’s access`,
        permissions: groups[i % 2]!.permissions.slice(0, 2 + (i % 4)),
        allowedAddresses: i % 5 === 0 ? [`203.0.113.${i}`, '198.51.100.0/24'] : null,
      });
  return groups;
}
