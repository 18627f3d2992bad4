import type { Location, Role } from '../../core/types.js';
import type { BusinessRecord, ClientRecord, MaskingRecord, OverridesRecord, StaffRecord } from '../records.js';

/** Which staff a list asks for. Every list holds staff with login access only. */
export interface StaffSearch {
  /** Text folded as `foldForSearch` folds it, found in the name. */
  search?: string;
  role?: Role;
  locationId?: string;
  /** Members of this permission group (their own, or their role's default). */
  groupId?: string;
  ids?: readonly string[];
  /** Leave these roles out (the override list's choices leave out owners and admins). */
  exceptRoles?: readonly Role[];
}

/** What the masking room (masking, the override list, staff and clients as masked viewers see them) needs of storage. */
export interface MaskingStorage {
  business(): Promise<BusinessRecord>;
  masking(): Promise<MaskingRecord>;
  /** Saves the masking choice when it is still at `expectedVersion`; `false` when it is not. */
  saveMasking(next: MaskingRecord, expectedVersion: number): Promise<boolean>;
  overrides(): Promise<OverridesRecord>;
  /** Saves the override list when it is still at `expectedVersion`; `false` when it is not. */
  saveOverrides(next: OverridesRecord, expectedVersion: number): Promise<boolean>;
  locations(): Promise<Location[]>;
  /** A page of the staff a search matches, by name as `foldForSearch` folds it, then id; and how many match. */
  staffPage(search: StaffSearch, offset: number, limit: number): Promise<{ items: StaffRecord[]; total: number }>;
  /** Every id the search matches, unpaged. */
  staffIds(search: StaffSearch): Promise<string[]>;
  /**
   * A page of clients whose name holds `search` (folded), by folded name then id, and how
   * many match. Never searched by a contact: a masked viewer would find clients by them.
   */
  clientPage(
    search: string | undefined,
    offset: number,
    limit: number,
  ): Promise<{ items: ClientRecord[]; total: number }>;
}
