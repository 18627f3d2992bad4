/** `PostgresStorage`'s staff, settings and sessions: masking, access, groups and login rules. */
import type { Location } from '../../core/types.js';
import { usernameKey, usernameSkeleton } from '../../policy/sign-in.js';
import type { AccessStorage } from '../access/storage.js';
import type { GroupsStorage, Membership } from '../groups/storage.js';
import type { LoginSecurityStorage } from '../login-security/storage.js';
import type { MaskingStorage, StaffSearch } from '../masking/storage.js';
import type {
  BusinessRecord,
  ClientRecord,
  GroupsRecord,
  LoginRecord,
  LoginSecurityRecord,
  MaskingRecord,
  OverridesRecord,
  SessionRecord,
  StaffRecord,
} from '../records.js';
import type { SqlClient } from './client.js';
import { staffRow, STAFF_COLUMNS } from './rows.js';

/** A text searched for anywhere in a folded key: `%`, `_` and `\` taken as themselves. */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/** What every part of the storage shares: the connection (or transaction) and the business. */
export class Part {
  constructor(
    protected readonly db: SqlClient,
    protected readonly businessId: string,
  ) {}

  protected async rows<T>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.db.query<T>(text, [this.businessId, ...params])).rows;
  }

  /** A new id from a sequence: `prefix-n`. */
  protected async nextId(prefix: string, sequence: string): Promise<string> {
    const { rows } = await this.db.query<{ n: string }>(`SELECT nextval('${sequence}')::text AS n`);
    return `${prefix}-${rows[0]!.n}`;
  }

  /** Adds `by` to one of the business's counters (`COUNTERS`). */
  protected async count(name: string, by: number): Promise<void> {
    if (!by) return;
    await this.rows(
      `INSERT INTO deskguard.counts (business_id, name, n) VALUES ($1, $2, $3)
       ON CONFLICT (business_id, name) DO UPDATE SET n = deskguard.counts.n + EXCLUDED.n`,
      [name, by],
    );
  }

  /** One of the business's counters. */
  protected async counter(name: string): Promise<number> {
    const [row] = await this.rows<{ n: string }>(
      'SELECT n FROM deskguard.counts WHERE business_id = $1 AND name = $2',
      [name],
    );
    return Number(row?.n ?? 0);
  }

  protected async setting<T>(name: string): Promise<T> {
    const [row] = await this.rows<{ record: T }>(
      'SELECT record FROM deskguard.settings WHERE business_id = $1 AND name = $2',
      [name],
    );
    if (!row) throw new Error(`deskguard: no ${name} stored for business ${this.businessId}`);
    return row.record;
  }

  protected async saveSetting(name: string, next: { version: number }, expectedVersion: number): Promise<boolean> {
    const saved = await this.rows(
      `UPDATE deskguard.settings SET record = $3::text::jsonb, version = $4
       WHERE business_id = $1 AND name = $2 AND version = $5 RETURNING 1`,
      [name, JSON.stringify(next), next.version, expectedVersion],
    );
    return saved.length === 1;
  }
}

export class PostgresMasking extends Part implements MaskingStorage {
  async business(): Promise<BusinessRecord> {
    const [row] = await this.rows<{ record: BusinessRecord }>(
      'SELECT record FROM deskguard.business WHERE business_id = $1',
    );
    if (!row) throw new Error(`deskguard: no business ${this.businessId}`);
    return row.record;
  }

  masking = () => this.setting<MaskingRecord>('masking');
  saveMasking = (next: MaskingRecord, expected: number) => this.saveSetting('masking', next, expected);
  overrides = () => this.setting<OverridesRecord>('overrides');
  saveOverrides = (next: OverridesRecord, expected: number) => this.saveSetting('overrides', next, expected);

  async locations(): Promise<Location[]> {
    return this.rows<Location>('SELECT id, name FROM deskguard.locations WHERE business_id = $1 ORDER BY ord');
  }

  /** The `WHERE` of a staff search, and its parameters after the business's. */
  #where(search: StaffSearch): { where: string; params: unknown[] } {
    const params: unknown[] = [];
    const clauses = ['business_id = $1', 'has_login_access'];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      clauses.push(clause(`$${params.length + 1}`));
    };
    if (search.search) add((n) => `name_key LIKE ${n}`, containing(search.search));
    if (search.role) add((n) => `role = ${n}`, search.role);
    if (search.locationId) add((n) => `location_id = ${n}`, search.locationId);
    if (search.groupId) add((n) => `group_id = ${n}`, search.groupId);
    if (search.ids) add((n) => `id = ANY(${n}::text[])`, [...search.ids]);
    if (search.exceptRoles) add((n) => `role <> ALL(${n}::text[])`, [...search.exceptRoles]);
    return { where: clauses.join(' AND '), params };
  }

  async staffPage(search: StaffSearch, offset: number, limit: number) {
    const { where, params } = this.#where(search);
    const n = params.length + 2;
    const [items, [count]] = await Promise.all([
      this.rows<{ record: StaffRecord }>(
        `SELECT record FROM deskguard.staff WHERE ${where} ORDER BY name_key, id OFFSET $${n} LIMIT $${n + 1}`,
        [...params, offset, limit],
      ),
      this.rows<{ total: number }>(`SELECT count(*)::int AS total FROM deskguard.staff WHERE ${where}`, params),
    ]);
    return { items: items.map((r) => r.record), total: count!.total };
  }

  async staffIds(search: StaffSearch): Promise<string[]> {
    const { where, params } = this.#where(search);
    const rows = await this.rows<{ id: string }>(
      `SELECT id FROM deskguard.staff WHERE ${where} ORDER BY name_key, id`,
      params,
    );
    return rows.map((r) => r.id);
  }

  async clientPage(search: string | undefined, offset: number, limit: number) {
    const where = `business_id = $1${search ? ' AND name_key LIKE $2' : ''}`;
    const params = search ? [containing(search)] : [];
    const n = params.length + 2;
    const [items, [count]] = await Promise.all([
      this.rows<{ record: ClientRecord }>(
        `SELECT record FROM deskguard.clients WHERE ${where} ORDER BY name_key, id OFFSET $${n} LIMIT $${n + 1}`,
        [...params, offset, limit],
      ),
      this.rows<{ total: number }>(`SELECT count(*)::int AS total FROM deskguard.clients WHERE ${where}`, params),
    ]);
    return { items: items.map((r) => r.record), total: count!.total };
  }
}

const STAFF_SET = STAFF_COLUMNS.slice(2)
  .map((column, i) => `${column} = $${i + 3}${column === 'record' ? '::text::jsonb' : ''}`)
  .join(', ');

export class PostgresAccess extends Part implements AccessStorage {
  async #staff(where: string, params: unknown[]): Promise<StaffRecord[]> {
    const rows = await this.rows<{ record: StaffRecord }>(
      `SELECT record FROM deskguard.staff WHERE business_id = $1 AND ${where}`,
      params,
    );
    return rows.map((r) => r.record);
  }

  async staff(id: string) {
    return (await this.#staff('id = $2', [id]))[0];
  }

  staffByIds = (ids: readonly string[]) => this.#staff('id = ANY($2::text[])', [[...ids]]);
  staffByUsername = (key: string) => this.#staff('has_login_access AND username_key = $2', [key]);
  lookAlikes = (skeleton: string, exceptId: string) =>
    this.#staff('has_login_access AND username_skeleton = $2 AND id <> $3', [skeleton, exceptId]);

  async saveStaff(next: StaffRecord, expectedVersion: number): Promise<boolean> {
    const row = staffRow(this.businessId, next);
    const saved = await this.rows(
      `UPDATE deskguard.staff SET ${STAFF_SET} WHERE business_id = $1 AND id = $2 AND access_version = $${row.length + 1} RETURNING 1`,
      [...row.slice(1), expectedVersion],
    );
    return saved.length === 1;
  }

  async saveLogin(staffId: string, login: LoginRecord): Promise<void> {
    await this.rows(
      `UPDATE deskguard.staff SET record = jsonb_set(record, '{login}', $3::text::jsonb), username_key = $4, username_skeleton = $5
       WHERE business_id = $1 AND id = $2`,
      [staffId, JSON.stringify(login), usernameKey(login.username), usernameSkeleton(login.username)],
    );
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.rows(
      `INSERT INTO deskguard.sessions (business_id, id, token_hash, staff_id, ended_at, record) VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)`,
      [session.id, session.tokenHash, session.staffId, session.endedAt, JSON.stringify(session)],
    );
  }

  async session(tokenHash: string): Promise<SessionRecord | undefined> {
    const [row] = await this.rows<{ record: SessionRecord; ended_at: string | null }>(
      'SELECT record, ended_at FROM deskguard.sessions WHERE business_id = $1 AND token_hash = $2',
      [tokenHash],
    );
    return row && { ...row.record, endedAt: row.ended_at };
  }

  async endSessions(staffId: string, at: string, sessionId?: string): Promise<void> {
    await this.rows(
      `UPDATE deskguard.sessions SET ended_at = $3 WHERE business_id = $1 AND staff_id = $2 AND ended_at IS NULL
       AND ($4::text IS NULL OR id = $4)`,
      [staffId, at, sessionId ?? null],
    );
  }
}

export class PostgresGroups extends Part implements GroupsStorage {
  groups = () => this.setting<GroupsRecord>('permission_groups');

  async members(groupIds: readonly string[]): Promise<Membership[]> {
    const rows = await this.rows<{ id: string; group_id: string | null; role: string }>(
      'SELECT id, group_id, role FROM deskguard.staff WHERE business_id = $1 AND group_id = ANY($2::text[])',
      [[...groupIds]],
    );
    return rows.map((r) => ({ id: r.id, groupId: r.group_id, owner: r.role === 'owner' }));
  }

  async memberCounts(): Promise<Record<string, number>> {
    const rows = await this.rows<{ group_id: string; members: number }>(
      `SELECT group_id, count(*)::int AS members FROM deskguard.staff
       WHERE business_id = $1 AND has_login_access AND group_id IS NOT NULL GROUP BY group_id`,
    );
    return Object.fromEntries(rows.map((r) => [r.group_id, r.members]));
  }

  async saveGroups(
    next: GroupsRecord,
    expectedVersion: number,
    moves: readonly { staffId: string; groupId: string | null }[],
  ): Promise<boolean> {
    if (!(await this.saveSetting('permission_groups', next, expectedVersion))) return false;
    for (const move of moves)
      await this.rows(
        `UPDATE deskguard.staff SET group_id = $3, record = jsonb_set(record, '{groupId}', $4::text::jsonb)
         WHERE business_id = $1 AND id = $2 AND role <> 'owner'`,
        [move.staffId, move.groupId, JSON.stringify(move.groupId)],
      );
    return true;
  }
}

export class PostgresLoginSecurity extends Part implements LoginSecurityStorage {
  loginSecurity = () => this.setting<LoginSecurityRecord>('login_security');
  saveLoginSecurity = (next: LoginSecurityRecord, expected: number) =>
    this.saveSetting('login_security', next, expected);
}
