import { setupServer } from 'msw/node';
import { DeskguardMock, MOCK_BASE_URL, type MockConfig } from './mock.js';

export * from './index.js';

/** Starts the mock backend in Node (for QA's own test runners). `baseUrl` must be absolute there. */
export function startNodeMock(
  config: Partial<MockConfig> = {},
  baseUrl = `http://localhost${MOCK_BASE_URL}`,
): { mock: DeskguardMock; server: ReturnType<typeof setupServer> } {
  const mock = new DeskguardMock(config);
  const server = setupServer(...mock.handlers(baseUrl));
  server.listen({ onUnhandledRequest: 'bypass' });
  return { mock, server };
}
