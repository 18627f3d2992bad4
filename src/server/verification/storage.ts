import type { VerificationSortField, VerificationStatus } from '../../core/types.js';
import type { ClientRecord, VerificationRecord } from '../records.js';

/** Which link requests a page asks for, and in what order. */
export interface RequestSearch {
  status?: VerificationStatus;
  /** `requestedAt` from (inclusive) and to (exclusive). */
  from?: string;
  to?: string;
  sort: VerificationSortField;
  direction: 'asc' | 'desc';
  /**
   * Whether the viewer sees contacts masked: a sort by `submittedEmail` then orders by
   * the masked address (`contactKeyForViewer`), never the raw one. Names order as
   * `foldForSearch` folds them; ties go by id, in the sort's direction.
   */
  masked: boolean;
}

export interface VerificationStorage {
  requestPage(
    search: RequestSearch,
    offset: number,
    limit: number,
  ): Promise<{ items: { request: VerificationRecord; client: ClientRecord | undefined }[]; total: number }>;
  request(id: string): Promise<{ request: VerificationRecord; client: ClientRecord | undefined } | undefined>;
  /** Saves a request when it is still at `expectedVersion`; `false` when it is not. */
  saveRequest(next: VerificationRecord, expectedVersion: number): Promise<boolean>;
  /** Sends an email (the "Security Verification Approved" one). */
  sendEmail(message: { to: string; template: 'security-verification-approved'; at: string }): Promise<void>;
}
