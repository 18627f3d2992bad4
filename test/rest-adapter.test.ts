import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { AdapterError } from '../src/core/errors.js';
import type { MaskingSettings } from '../src/core/types.js';
import { MOCK_BASE_URL } from '../mocks/index.js';
import { restAdapter, useMock, worker } from './support/mock.js';

async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(AdapterError);
    return error as AdapterError;
  }
  throw new Error('expected the call to fail');
}

async function answerWith(response: () => Response | Promise<Response>) {
  (await worker()).use(http.all(`${MOCK_BASE_URL}/*`, response));
}

describe('RestAdapter', () => {
  beforeEach(() => useMock({}));

  it('reads and checks a response', async () => {
    const settings = await restAdapter().getMaskingSettings();
    expect(settings).to.include({ enabled: true, plan: 'premium', effective: true, version: 1 });
  });

  it('sends the version as If-Match and an idempotency key on non-idempotent writes', async () => {
    const seen: Headers[] = [];
    (await worker()).events.on('request:start', ({ request }) => {
      if (request.method !== 'GET') seen.push(request.headers);
    });
    const adapter = restAdapter();
    await adapter.updateMaskingSettings({ enabled: false, version: 1 });
    await adapter.reserveGiftCardId({ number: '482901736459' }, { idempotencyKey: 'key-1' });
    await adapter.reserveGiftCardId({ number: '482901736456' });
    expect(seen[0]!.get('If-Match')).to.equal('"1"');
    expect(seen[1]!.get('Idempotency-Key')).to.equal('key-1');
    expect(seen[2]!.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    (await worker()).events.removeAllListeners();
  });

  it('adds the host headers to every request', async () => {
    const mock = await useMock({ viewer: 'admin' });
    const adapter = restAdapter({ headers: async () => ({ Authorization: 'Bearer staff-front-desk' }) });
    const viewer = await adapter.getViewer();
    expect(viewer.role).to.equal('staff');
    expect(mock.served[0]!.path).to.equal('/api/deskguard/viewer');
  });

  const statuses: [number, object, AdapterError['kind']][] = [
    [400, { error: { code: 'validation', fields: { enabled: 'Must be true or false' } } }, 'validation'],
    [401, {}, 'unauthorized'],
    [403, { error: { code: 'forbidden' } }, 'forbidden'],
    [403, { error: { code: 'plan_required', requiredPlan: 'premium' } }, 'plan-required'],
    [404, { error: { code: 'not_found' } }, 'not-found'],
    [409, { error: { code: 'conflict' } }, 'conflict'],
    [412, {}, 'conflict'],
    [422, { error: { code: 'validation' } }, 'validation'],
    [500, {}, 'server'],
    [503, { unexpected: true }, 'server'],
    [504, {}, 'timeout'],
  ];
  for (const [status, body, kind] of statuses) {
    it(`maps ${status} ${JSON.stringify(body).slice(0, 40)} to ${kind}`, async () => {
      await answerWith(() => HttpResponse.json(body, { status }));
      const error = await failure(restAdapter().getMaskingSettings());
      expect(error.kind).to.equal(kind);
      expect(error.status).to.equal(status);
    });
  }

  it('keeps field errors and the required plan', async () => {
    await answerWith(() =>
      HttpResponse.json(
        { error: { code: 'validation', fields: { enabled: 'Must be true or false' } } },
        { status: 422 },
      ),
    );
    expect((await failure(restAdapter().getMaskingSettings())).fieldErrors).to.deep.equal({
      enabled: 'Must be true or false',
    });
    await answerWith(() =>
      HttpResponse.json({ error: { code: 'plan_required', requiredPlan: 'premium' } }, { status: 403 }),
    );
    expect((await failure(restAdapter().getMaskingSettings())).requiredPlan).to.equal('premium');
  });

  it('returns the current record of a conflict, checked', async () => {
    const adapter = restAdapter();
    const error = await failure(adapter.updateMaskingSettings({ enabled: false, version: 99 }));
    expect(error.kind).to.equal('conflict');
    expect((error.current as MaskingSettings).version).to.equal(1);
    await answerWith(() =>
      HttpResponse.json({ error: { code: 'conflict', current: { enabled: 'yes' } } }, { status: 409 }),
    );
    expect(
      (await failure(adapter.updateMaskingSettings({ enabled: false, version: 1 }))).current,
      'a malformed current is dropped',
    ).to.equal(undefined);
  });

  it('reports a body of the wrong shape as malformed, naming the field', async () => {
    await answerWith(() =>
      HttpResponse.json({ enabled: true, plan: 'gold', effective: true, version: 1, updatedAt: null, updatedBy: null }),
    );
    const error = await failure(restAdapter().getMaskingSettings());
    expect(error.kind).to.equal('malformed');
    expect(error.message).to.contain('plan');
  });

  it('names the path to a wrong field deep in a page', async () => {
    const member = (id: string, name: unknown) => ({
      id,
      name,
      role: 'staff',
      locationId: 'loc-1',
      locationName: 'Downtown',
      contactAccess: 'masked',
    });
    await answerWith(() =>
      HttpResponse.json({ items: [member('a', 'Ana'), member('b', 7)], total: 2, offset: 0, limit: 10 }),
    );
    const error = await failure(restAdapter().listStaff({ offset: 0, limit: 10 }));
    expect(error.kind).to.equal('malformed');
    expect(error.message).to.match(/\/staff\?offset=0&limit=10: items\[1\]\.name: expected string, got number$/);
  });

  it('reports a body that is not JSON as malformed', async () => {
    await answerWith(
      () => new HttpResponse('<html>Gateway</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    );
    expect((await failure(restAdapter().getViewer())).kind).to.equal('malformed');
  });

  it('reports an empty success body as malformed', async () => {
    await answerWith(() => new HttpResponse(null, { status: 200 }));
    expect((await failure(restAdapter().getViewer())).kind).to.equal('malformed');
  });

  it('says which URL answered what when the base URL is wrong, without sending users to reload', async () => {
    const { RestAdapter } = await import('../src/adapters/rest.js');
    const adapter = new RestAdapter({ baseUrl: '/api/deskguar/', timeoutMs: 2000 });
    const error = await failure(adapter.getViewer());
    expect(error.kind, 'not a missing record: the URL is wrong').to.equal('malformed');
    expect(error.status).to.equal(404);
    expect(error.message).to.contain('GET /api/deskguar/viewer answered 404');
    expect(error.message).to.contain('baseUrl "/api/deskguar"');
  });

  it('names the URL that could not be reached', async () => {
    await answerWith(() => HttpResponse.error());
    const error = await failure(restAdapter().getViewer());
    expect(error.message).to.contain(`GET ${MOCK_BASE_URL}/viewer could not be reached`);
  });

  it('reports a network failure as network', async () => {
    await answerWith(() => HttpResponse.error());
    expect((await failure(restAdapter().getViewer())).kind).to.equal('network');
  });

  it('gives up after the timeout', async () => {
    await answerWith(async () => {
      await delay('infinite');
      return HttpResponse.json({});
    });
    const started = performance.now();
    const error = await failure(restAdapter({ timeoutMs: 150 }).getViewer());
    expect(error.kind).to.equal('timeout');
    expect(performance.now() - started).to.be.lessThan(2_000);
  });

  it('reports the caller aborting as aborted, not as a failure of the server', async () => {
    await answerWith(async () => {
      await delay(1_000);
      return HttpResponse.json({});
    });
    const controller = new AbortController();
    const pending = restAdapter().getViewer({ signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).kind).to.equal('aborted');
    expect(
      (await failure(restAdapter().getViewer({ signal: controller.signal }))).kind,
      'an already aborted signal',
    ).to.equal('aborted');
  });

  it('encodes path parameters and drops empty query values', async () => {
    const mock = await useMock({});
    await restAdapter().listStaff({ search: 'a&b=c', role: undefined, offset: 0, limit: 10 });
    await failure(restAdapter().getClientAlerts('../viewer', 'profile'));
    expect(mock.served[0]!.path).to.equal('/api/deskguard/staff?search=a%26b%3Dc&offset=0&limit=10');
    expect(mock.served[1]!.path).to.equal('/api/deskguard/clients/..%2Fviewer/alerts?context=profile');
  });
});
