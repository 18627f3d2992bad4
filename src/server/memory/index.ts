/**
 * `MemoryStorage`: the server's `Storage` over records in memory, for Storybook, the mock
 * backend, tests and demos. Writes in a transaction are undone when it fails, and
 * transactions run one at a time, as a database's would for one business.
 */
import { settleHistory } from '../audit/entries.js';
import type { BackendData } from '../records.js';
import type { Storage } from '../storage.js';
import { MemoryAlerts, MemoryGiftCards, MemoryIdempotency, MemoryVerification } from './desk.js';
import { MemoryAccess, MemoryGroups, MemoryLoginSecurity, MemoryMasking } from './people.js';
import { MemoryReports } from './reports.js';
import { MemoryState } from './state.js';

export class MemoryStorage implements Storage {
  /** The records, for a test or a demo to read and arrange; writes through it bypass every rule. */
  readonly data: BackendData;
  readonly masking: MemoryMasking;
  readonly access: MemoryAccess;
  readonly groups: MemoryGroups;
  readonly loginSecurity: MemoryLoginSecurity;
  readonly alerts: MemoryAlerts;
  readonly verification: MemoryVerification;
  readonly giftCards: MemoryGiftCards;
  readonly reports: MemoryReports;
  readonly audit: MemoryReports;
  readonly idempotency: MemoryIdempotency;
  readonly #state: MemoryState;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(data: BackendData) {
    this.data = data;
    const state = (this.#state = new MemoryState(data));
    this.masking = new MemoryMasking(state);
    this.access = new MemoryAccess(state);
    this.groups = new MemoryGroups(state);
    this.loginSecurity = new MemoryLoginSecurity(state);
    this.alerts = new MemoryAlerts(state);
    this.verification = new MemoryVerification(state);
    this.giftCards = new MemoryGiftCards(state);
    this.reports = this.audit = new MemoryReports(state);
    this.idempotency = new MemoryIdempotency(state);
    settleHistory(data);
  }

  async transaction<T>(work: (tx: Storage) => Promise<T>): Promise<T> {
    const run = async () => {
      const journal: (() => void)[] = [];
      this.#state.journal = journal;
      try {
        return await work(this);
      } catch (error) {
        for (const undo of journal.reverse()) undo();
        throw error;
      } finally {
        this.#state.journal = undefined;
      }
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}
