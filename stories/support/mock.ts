import type { Fault, MockConfig } from '../../mocks/index.js';

/** What a story sets in `parameters.deskguard`; the toolbar overrides scenario, viewer and plan. */
export interface StoryMockConfig {
  scenario?: MockConfig['scenario'];
  viewer?: MockConfig['viewer'];
  business?: MockConfig['business'];
  fault?: Fault;
  latencyMs?: number;
}
