// Where the examples keep their records: deskguard's memory storage with the mock's seed,
// so that each example answers as the demo does. A host gives its own storage here.
import { MemoryStorage } from 'deskguard/server';
import { createSeedData } from 'deskguard/mocks.js';

export const storage = new MemoryStorage(createSeedData({ business: 'premium-new' }));
