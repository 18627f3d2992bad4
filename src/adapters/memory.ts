import type { CallOptions, DeskguardAdapter, WriteOptions } from '../core/adapter.js';
import { AdapterError, toAdapterError } from '../core/errors.js';
import type {
  GroupChange,
  LoginSecuritySettings,
  AlertContext,
  AlertResolutionInput,
  ClientQuery,
  ContactLogQuery,
  EntryLogQuery,
  StaffActivityQuery,
  DeclineInput,
  StaffAccessChange,
  StaffFilter,
  StaffQuery,
  VerificationQuery,
  VerifyInput,
} from '../core/types.js';
import type { MemoryBackend } from '../backend/memory-backend.js';

export interface MemoryAdapterOptions {
  /** Simulated latency of every call, in milliseconds (0 by default). */
  latencyMs?: number;
}

/**
 * An adapter over a `MemoryBackend` in the same page, for demos and unit tests.
 * It signs in as one staff member and returns copies, as a network would.
 */
export class MemoryAdapter implements DeskguardAdapter {
  constructor(
    readonly backend: MemoryBackend,
    public viewerId: string,
    private readonly options: MemoryAdapterOptions = {},
  ) {}

  private async call<T>(options: CallOptions | undefined, run: () => T): Promise<T> {
    const signal = options?.signal;
    const check = () => {
      if (signal?.aborted) throw new AdapterError('aborted', { cause: signal.reason });
    };
    check();
    const latency = this.options.latencyMs ?? 0;
    if (latency > 0) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, latency);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new AdapterError('aborted', { cause: signal.reason }));
        });
      });
    } else {
      await Promise.resolve();
    }
    check();
    try {
      return structuredClone(run());
    } catch (error) {
      throw toAdapterError(error);
    }
  }

  getViewer(o?: CallOptions) {
    return this.call(o, () => this.backend.getViewer(this.viewerId));
  }
  getMaskingSettings(o?: CallOptions) {
    return this.call(o, () => this.backend.getMaskingSettings(this.viewerId));
  }
  updateMaskingSettings(input: { enabled: boolean; version: number }, o?: WriteOptions) {
    return this.call(o, () => this.backend.updateMaskingSettings(this.viewerId, input, o?.idempotencyKey));
  }
  listLocations(o?: CallOptions) {
    return this.call(o, () => this.backend.listLocations(this.viewerId));
  }
  listStaff(query: StaffQuery, o?: CallOptions) {
    return this.call(o, () => this.backend.listStaff(this.viewerId, query));
  }
  listStaffIds(filter: StaffFilter, o?: CallOptions) {
    return this.call(o, () => this.backend.listStaffIds(this.viewerId, filter));
  }
  getVisibilityOverrides(o?: CallOptions) {
    return this.call(o, () => this.backend.getVisibilityOverrides(this.viewerId));
  }
  updateVisibilityOverrides(input: { staffIds: string[]; version: number }, o?: WriteOptions) {
    return this.call(o, () => this.backend.updateVisibilityOverrides(this.viewerId, input, o?.idempotencyKey));
  }
  listClients(query: ClientQuery, o?: CallOptions) {
    return this.call(o, () => this.backend.listClients(this.viewerId, query));
  }
  getClientAlerts(clientId: string, context: AlertContext, o?: CallOptions) {
    return this.call(o, () => this.backend.getClientAlerts(this.viewerId, clientId, context));
  }
  resolveClientAlerts(input: AlertResolutionInput, o?: WriteOptions) {
    return this.call(o, () => this.backend.resolveClientAlerts(this.viewerId, input, o?.idempotencyKey));
  }
  listContactLogs(query: ContactLogQuery, o?: CallOptions) {
    return this.call(o, () => this.backend.listContactLogs(this.viewerId, query));
  }
  exportContactLogs(query: ContactLogQuery, format: 'csv' | 'json', o?: CallOptions) {
    return this.call(o, () => this.backend.exportContactLogs(this.viewerId, query, format));
  }
  listVerificationRequests(query: VerificationQuery, o?: CallOptions) {
    return this.call(o, () => this.backend.listVerificationRequests(this.viewerId, query));
  }

  exportVerificationRequests(query: VerificationQuery, format: 'csv' | 'json', o?: CallOptions) {
    return this.call(o, () => this.backend.exportVerificationRequests(this.viewerId, query, format));
  }
  verifyRequest(input: VerifyInput, o?: WriteOptions) {
    return this.call(o, () => this.backend.verifyRequest(this.viewerId, input, o?.idempotencyKey));
  }
  declineRequest(input: DeclineInput, o?: WriteOptions) {
    return this.call(o, () => this.backend.declineRequest(this.viewerId, input, o?.idempotencyKey));
  }
  reserveGiftCardId(input: { number: string }, o?: WriteOptions) {
    return this.call(o, () => this.backend.reserveGiftCardId(this.viewerId, input, o?.idempotencyKey));
  }

  getPermissionGroups(o?: CallOptions) {
    return this.call(o, () => this.backend.getPermissionGroups(this.viewerId));
  }
  updatePermissionGroups(input: { changes: GroupChange[]; version: number }, o?: WriteOptions) {
    return this.call(o, () => this.backend.updatePermissionGroups(this.viewerId, input, o?.idempotencyKey));
  }
  getLoginSecurity(o?: CallOptions) {
    return this.call(o, () => this.backend.getLoginSecurity(this.viewerId));
  }
  updateLoginSecurity(input: { settings: LoginSecuritySettings; version: number }, o?: WriteOptions) {
    return this.call(o, () => this.backend.updateLoginSecurity(this.viewerId, input, o?.idempotencyKey));
  }
  getStaffAccess(staffId: string, o?: CallOptions) {
    return this.call(o, () => this.backend.getStaffAccess(this.viewerId, staffId));
  }
  changeStaffAccess(input: StaffAccessChange, o?: WriteOptions) {
    return this.call(o, () => this.backend.changeStaffAccess(this.viewerId, input, o?.idempotencyKey));
  }
  listEntryLogs(query: EntryLogQuery, o?: CallOptions) {
    return this.call(o, () => this.backend.listEntryLogs(this.viewerId, query));
  }
  exportEntryLogs(query: EntryLogQuery, format: 'csv' | 'json', o?: CallOptions) {
    return this.call(o, () => this.backend.exportEntryLogs(this.viewerId, query, format));
  }

  listStaffActivity(query: StaffActivityQuery, o?: CallOptions) {
    return this.call(o, () => this.backend.listStaffActivity(this.viewerId, query));
  }

  exportStaffActivity(query: StaffActivityQuery, format: 'csv' | 'json', o?: CallOptions) {
    return this.call(o, () => this.backend.exportStaffActivity(this.viewerId, query, format));
  }

  replayStaffActivity(accessId: string, page: { cursor?: string; limit?: number }, o?: CallOptions) {
    return this.call(o, () => this.backend.replayStaffActivity(this.viewerId, accessId, page));
  }
}
