/** The mock backend, for Storybook, tests and QA. Import `browser.js` or `node.js` to start it. */
export { DeskguardMock, MOCK_BASE_URL, SCENARIOS } from './mock.js';
export type { Fault, FaultKind, MockConfig, ScenarioName, ServedResponse } from './mock.js';
export {
  BUSINESSES,
  CORE_STAFF,
  DEMO_PASSWORD,
  EMAIL_LIKE_NAME,
  HOSTILE_STRINGS,
  SEED_EPOCH,
  UNBROKEN_NAME,
  createSeedData,
} from './seed.js';
export type { BusinessKey, DatasetKey, SeedOptions, ViewerKey } from './seed.js';
export { MemoryStorage } from '../src/server/memory/index.js';
export { createServer } from '../src/server/server.js';
