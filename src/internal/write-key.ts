/**
 * The idempotency key of one write: asked again for the same input it answers the same
 * key, so a retry after a lost answer is the same write to the backend (which answers
 * what it saved the first time instead of writing again or calling it someone else's
 * change); other input is another write and gets a new key.
 */
export class WriteKey {
  #last: { fingerprint: string; key: string } | undefined;

  for(input: unknown): string {
    const fingerprint = JSON.stringify(input);
    if (this.#last?.fingerprint !== fingerprint) this.#last = { fingerprint, key: crypto.randomUUID() };
    return this.#last.key;
  }

  /** Forgets the key: the write landed, and the same input again would be a new write. */
  clear(): void {
    this.#last = undefined;
  }
}
