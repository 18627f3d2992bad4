/** The memory storage's staff, settings and sessions: masking, access, groups and login rules. */
import type { Location } from '../../core/types.js';
import { foldForSearch } from '../../policy/fold.js';
import { usernameKey, usernameSkeleton } from '../../policy/sign-in.js';
import type { AccessStorage } from '../access/storage.js';
import { groupOf } from '../context.js';
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
import { compareText, pageOf, type MemoryState } from './state.js';

const folded = new Map<string, string>();

/** A name as lists order and search it, folded once. */
function fold(name: string): string {
  let key = folded.get(name);
  if (key === undefined) {
    key = foldForSearch(name);
    if (folded.size > 100_000) folded.clear();
    folded.set(name, key);
  }
  return key;
}

/** Names in the order every storage lists them: folded, then by id. */
function byName<T extends { id: string; name: string }>(rows: T[]): T[] {
  const keyed = rows.map((row) => [fold(row.name), row] as const);
  keyed.sort(([a, x], [b, y]) => compareText(a, b) || compareText(x.id, y.id));
  return keyed.map(([, row]) => row);
}

export class MemoryMasking implements MaskingStorage {
  constructor(private readonly state: MemoryState) {}

  async business(): Promise<BusinessRecord> {
    return structuredClone(this.state.data.business);
  }

  async masking(): Promise<MaskingRecord> {
    return structuredClone(this.state.data.masking);
  }

  async saveMasking(next: MaskingRecord, expectedVersion: number): Promise<boolean> {
    if (this.state.data.masking.version !== expectedVersion) return false;
    this.state.replace(this.state.data.masking, next);
    return true;
  }

  async overrides(): Promise<OverridesRecord> {
    return structuredClone(this.state.data.overrides);
  }

  async saveOverrides(next: OverridesRecord, expectedVersion: number): Promise<boolean> {
    if (this.state.data.overrides.version !== expectedVersion) return false;
    this.state.replace(this.state.data.overrides, next);
    return true;
  }

  async locations(): Promise<Location[]> {
    return structuredClone(this.state.data.locations);
  }

  #matching(search: StaffSearch): StaffRecord[] {
    const ids = search.ids ? new Set(search.ids) : undefined;
    return this.state.data.staff.filter(
      (s) =>
        s.hasLoginAccess &&
        (!ids || ids.has(s.id)) &&
        (!search.role || s.role === search.role) &&
        (!search.exceptRoles || !search.exceptRoles.includes(s.role)) &&
        (!search.locationId || s.locationId === search.locationId) &&
        (!search.groupId || groupOf(s) === search.groupId) &&
        (!search.search || fold(s.name).includes(search.search)),
    );
  }

  async staffPage(search: StaffSearch, offset: number, limit: number) {
    const page = pageOf(byName(this.#matching(search)), offset, limit);
    return { items: structuredClone(page.items), total: page.total };
  }

  async staffIds(search: StaffSearch): Promise<string[]> {
    return byName(this.#matching(search)).map((s) => s.id);
  }

  async clientPage(search: string | undefined, offset: number, limit: number) {
    const matching = this.state.data.clients.filter((c) => !search || fold(c.name).includes(search));
    const page = pageOf(byName(matching), offset, limit);
    return { items: structuredClone(page.items) as ClientRecord[], total: page.total };
  }
}

export class MemoryAccess implements AccessStorage {
  constructor(private readonly state: MemoryState) {}

  #find(id: string): StaffRecord | undefined {
    return this.state.data.staff.find((s) => s.id === id);
  }

  async staff(id: string): Promise<StaffRecord | undefined> {
    const found = this.#find(id);
    return found && structuredClone(found);
  }

  async staffByIds(ids: readonly string[]): Promise<StaffRecord[]> {
    const wanted = new Set(ids);
    return structuredClone(this.state.data.staff.filter((s) => wanted.has(s.id)));
  }

  #username(staff: StaffRecord): string {
    return staff.login?.username ?? staff.id;
  }

  async staffByUsername(key: string): Promise<StaffRecord[]> {
    return structuredClone(
      this.state.data.staff.filter((s) => s.hasLoginAccess && usernameKey(this.#username(s)) === key),
    );
  }

  async lookAlikes(skeleton: string, exceptId: string): Promise<StaffRecord[]> {
    return structuredClone(
      this.state.data.staff.filter(
        (s) => s.id !== exceptId && s.hasLoginAccess && usernameSkeleton(this.#username(s)) === skeleton,
      ),
    );
  }

  async saveStaff(next: StaffRecord, expectedVersion: number): Promise<boolean> {
    const staff = this.#find(next.id);
    if (!staff || (staff.accessVersion ?? 1) !== expectedVersion) return false;
    this.state.replace(staff, next);
    return true;
  }

  async saveLogin(staffId: string, login: LoginRecord): Promise<void> {
    const staff = this.#find(staffId);
    if (!staff) return;
    const before = staff.login;
    staff.login = structuredClone(login);
    this.state.undo(() => {
      if (before) staff.login = before;
      else delete staff.login;
    });
  }

  #sessions(): SessionRecord[] {
    this.state.data.sessions ??= [];
    return this.state.data.sessions;
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.state.append(this.#sessions(), structuredClone(session));
  }

  async session(tokenHash: string): Promise<SessionRecord | undefined> {
    const found = this.#sessions().find((s) => s.tokenHash === tokenHash);
    return found && structuredClone(found);
  }

  async endSessions(staffId: string, at: string, sessionId?: string): Promise<void> {
    for (const session of this.#sessions())
      if (session.staffId === staffId && !session.endedAt && (!sessionId || session.id === sessionId)) {
        session.endedAt = at;
        this.state.undo(() => (session.endedAt = null));
      }
  }
}

export class MemoryGroups implements GroupsStorage {
  constructor(private readonly state: MemoryState) {}

  async groups(): Promise<GroupsRecord> {
    return structuredClone(this.state.data.permissionGroups);
  }

  async members(groupIds: readonly string[]): Promise<Membership[]> {
    const wanted = new Set(groupIds);
    return this.state.data.staff
      .filter((s) => wanted.has(groupOf(s) ?? ''))
      .map((s) => ({ id: s.id, groupId: groupOf(s), owner: s.role === 'owner' }));
  }

  async memberCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const s of this.state.data.staff) {
      const group = s.hasLoginAccess ? groupOf(s) : null;
      if (group) counts[group] = (counts[group] ?? 0) + 1;
    }
    return counts;
  }

  async saveGroups(
    next: GroupsRecord,
    expectedVersion: number,
    moves: readonly { staffId: string; groupId: string | null }[],
  ): Promise<boolean> {
    if (this.state.data.permissionGroups.version !== expectedVersion) return false;
    this.state.replace(this.state.data.permissionGroups, next);
    for (const move of moves) {
      const staff = this.state.data.staff.find((s) => s.id === move.staffId);
      if (!staff || staff.role === 'owner') continue;
      const had = 'groupId' in staff;
      const before = staff.groupId;
      staff.groupId = move.groupId;
      this.state.undo(() => {
        if (had) staff.groupId = before;
        else delete staff.groupId;
      });
    }
    return true;
  }
}

export class MemoryLoginSecurity implements LoginSecurityStorage {
  constructor(private readonly state: MemoryState) {}

  async loginSecurity(): Promise<LoginSecurityRecord> {
    return structuredClone(this.state.data.loginSecurity);
  }

  async saveLoginSecurity(next: LoginSecurityRecord, expectedVersion: number): Promise<boolean> {
    if (this.state.data.loginSecurity.version !== expectedVersion) return false;
    this.state.replace(this.state.data.loginSecurity, next);
    return true;
  }
}
