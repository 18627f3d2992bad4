/**
 * No answer of the mock backend tells a masked viewer anything about a hidden contact:
 * every sort, search and filter of the REST contract answers the same in a world where
 * the hidden values are replaced by others with the same masks, with probe records
 * bracketing a hidden address.
 */
import { expect } from '@open-wc/testing';
import { MOCK_BASE_URL, type MockConfig } from '../mocks/index.js';
import { VERIFICATION_SORT_FIELDS } from '../src/server/reports/queries.js';
import { hiddenTarget, plantProbes, twinContacts, twinEmail, twinPhone, WORLDS } from '../src/contract/oracle.js';
import { useMock } from './support/mock.js';
import { maskEmail, maskPhone } from '../src/policy/policy.js';

type World = keyof typeof WORLDS;

const SORTED = '/verification-requests?sort=submittedEmail&direction=asc&limit=500';

/** Every answer, body and status, to the requests a viewer can make, in one world. */
async function answers(config: Partial<MockConfig>, world: World, paths: (hidden: string) => string[]) {
  const mock = await useMock(config);
  // The attacker's guesses are about the seeded address, in both worlds.
  const { clientId, email } = hiddenTarget(mock.storage.data);
  WORLDS[world](mock.storage.data);
  const out: Record<string, string> = {};
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${MOCK_BASE_URL}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    out[`${method} ${path}`] = `${response.status} ${await response.text()}`;
  };
  for (const path of paths(email.slice(0, email.indexOf('@')))) await call('GET', path);
  await call('GET', `/clients/${clientId}/alerts?context=sign-in`);
  // Error bodies: a mismatch refused without confirmation, and a stale version.
  await call('POST', '/verification-requests/vr-probe-1/verify', {}, { 'If-Match': '"1"', 'Idempotency-Key': 'k1' });
  await call('POST', '/verification-requests/vr-probe-2/decline', {}, { 'If-Match': '"7"', 'Idempotency-Key': 'k2' });
  return out;
}

function contractQueries(hidden: string): string[] {
  const verification: string[] = [];
  for (const sort of VERIFICATION_SORT_FIELDS) {
    for (const direction of ['asc', 'desc']) {
      for (const status of ['', 'pending', 'verified', 'declined']) {
        verification.push(`/verification-requests?sort=${sort}&direction=${direction}&status=${status}&limit=500`);
      }
    }
  }
  verification.push('/verification-requests?from=2026-11-01T00:00:00.000Z&to=2026-11-20T00:00:00.000Z&limit=500');
  verification.push('/verification-requests?sort=submittedEmail&direction=asc&offset=3&limit=4');
  const searches = ['', 'a', 'mark', hidden, hidden.slice(0, 3), 'example.org', '@', '7700', '00'];
  return [
    '/viewer',
    ...verification,
    ...searches.map((s) => `/clients?search=${encodeURIComponent(s)}&limit=500`),
    ...searches.map((s) => `/staff?search=${encodeURIComponent(s)}&limit=500`),
    ...searches.map((s) => `/staff/ids?search=${encodeURIComponent(s)}`),
  ];
}

function differences(a: Record<string, string>, b: Record<string, string>): string[] {
  return Object.keys(a).filter((key) => a[key] !== b[key]);
}

describe('masking oracle', () => {
  it('twins share the mask and differ from the raw value', () => {
    for (const raw of ['mark.ellison@example.org', ' ANA.COSTA@Example.com ']) {
      expect(maskEmail(twinEmail(raw))).to.equal(maskEmail(raw));
      expect(twinEmail(raw).trim()).not.to.equal(raw.trim());
    }
    expect(twinEmail('ANA@x.org').toLowerCase(), 'the same address twins the same way').to.equal(
      twinEmail('ana@x.org').toLowerCase(),
    );
    for (const raw of ['+44 7700 900123', '0044 7700 900123', '07700 900123', '+1 (415) 555-0100', '12345']) {
      expect(maskPhone(twinPhone(raw)), raw).to.equal(maskPhone(raw));
      expect(twinPhone(raw), raw).not.to.equal(raw);
    }
  });

  it('the probes bracket the hidden address and share its mask', async () => {
    const mock = await useMock({ viewer: 'duty-manager' });
    const probes = plantProbes(mock.storage.data);
    const { email } = hiddenTarget(mock.storage.data);
    expect(probes.length).to.be.at.least(4);
    expect(probes.some((p) => p < email) && probes.some((p) => p > email), 'below and above').to.equal(true);
    expect(probes.every((p) => maskEmail(p) === maskEmail(email))).to.equal(true);
    twinContacts(mock.storage.data);
    expect(hiddenTarget(mock.storage.data).email).not.to.equal(email);
  });

  for (const config of [
    { viewer: 'duty-manager' },
    { viewer: 'duty-manager', scenario: 'hostile' },
  ] as const satisfies Partial<MockConfig>[]) {
    it(`every sort, search and filter answers ${config.viewer} (${config.scenario ?? 'normal'}) the same whatever the hidden values`, async () => {
      const seeded = await answers(config, 'seeded', contractQueries);
      const twinned = await answers(config, 'twinned', contractQueries);
      expect(Object.keys(seeded).length).to.be.greaterThan(70);
      expect(seeded['GET /viewer'], 'the viewer is masked').to.contain('"canSeeContacts":false');
      expect(
        differences(seeded, twinned),
        JSON.stringify(differences(seeded, twinned).map((k) => [seeded[k]!.slice(0, 300), twinned[k]!.slice(0, 300)])),
      ).to.deep.equal([]);
    });
  }

  it('orders 30,000 requests with equal masks by id, not by the hidden addresses', async function () {
    // Seeding and twinning the large data set twice takes a few seconds on a busy machine.
    this.timeout(60_000);
    const queries = () => [
      '/verification-requests?sort=submittedEmail&direction=asc&limit=500',
      '/verification-requests?sort=submittedEmail&direction=desc&limit=500',
      '/verification-requests?sort=submittedEmail&direction=asc&status=pending&offset=5000&limit=500',
    ];
    const config = { viewer: 'duty-manager', scenario: 'large' } as const;
    const seeded = await answers(config, 'seeded', queries);
    const twinned = await answers(config, 'twinned', queries);
    expect(
      differences(seeded, twinned),
      JSON.stringify(differences(seeded, twinned).map((k) => [seeded[k]!.slice(0, 300), twinned[k]!.slice(0, 300)])),
    ).to.deep.equal([]);
  });

  it('still orders by the raw address for a viewer who may see it', async () => {
    // The probes do bracket the hidden address: sorted raw, the worlds come back in different orders.
    const order = async (world: World) => {
      const answer = await answers({ viewer: 'admin' }, world, () => [SORTED]);
      const body = answer[`GET ${SORTED}`]!.slice(4);
      return (JSON.parse(body) as { items: { id: string }[] }).items.map((r) => r.id);
    };
    const seeded = await order('seeded');
    const twinned = await order('twinned');
    expect(seeded).to.have.members(twinned);
    expect(seeded).not.to.deep.equal(twinned);
  });
});
