import type { AlertContext } from '../../core/types.js';
import type { AlertSettings, ClientRecord, ContactLogRecord } from '../records.js';

/** Who last looked at which client's alerts, where. */
export interface ShownKey {
  viewerId: string;
  clientId: string;
  context: AlertContext;
}

/** What the alerts room (client alerts and their resolutions) needs of storage. */
export interface AlertsStorage {
  client(id: string): Promise<ClientRecord | undefined>;
  alertSettings(): Promise<AlertSettings>;
  /** When staff looked at a client's alerts: what a contact log calls "shown". */
  markShown(key: ShownKey, at: string): Promise<void>;
  shownAt(key: ShownKey): Promise<string | undefined>;
  /**
   * Writes a resolution's contact logs (given without ids; answered with them) and the
   * client's arrival when they were signed in, together.
   */
  saveResolution(
    logs: Omit<ContactLogRecord, 'id'>[],
    arrival: { clientId: string; at: number } | null,
  ): Promise<ContactLogRecord[]>;
}
