/**
 * Checks the built package in Node, as a host backend or a QA runner uses it: the
 * policy and the gift card number generator import without a DOM, and the mock backend
 * answers the REST contract.
 */
import assert from 'node:assert/strict';
import {
  canSeeContacts,
  contactForViewer,
  dammValid,
  generateGiftCardNumber,
  GIFT_CARD_PRESETS,
  maskPhone,
} from '../dist/policy/index.js';
import { MOCK_BASE_URL, startNodeMock } from '../dist/mocks/node.js';

assert.equal(typeof document, 'undefined', 'runs without a DOM');
const masking = { enabled: true, plan: 'premium' };
assert.equal(
  canSeeContacts({ viewer: { id: 's', role: 'staff', hasLoginAccess: true }, masking, overrides: [] }),
  false,
);
assert.deepEqual(contactForViewer('+44 7700 900123', 'phone', false), {
  value: maskPhone('+44 7700 900123'),
  masked: true,
});

const giftCard = generateGiftCardNumber(GIFT_CARD_PRESETS.strong);
assert.match(giftCard, /^[789]\d{15}$/, 'a host backend generates gift card numbers in Node');
assert.ok(dammValid(giftCard));

const base = `http://localhost${MOCK_BASE_URL}`;
const { mock, server } = startNodeMock({ viewer: 'front-desk' });
try {
  const viewer = await (await fetch(`${base}/viewer`)).json();
  assert.equal(viewer.role, 'staff');
  const clients = await (await fetch(`${base}/clients?limit=50`)).text();
  for (const raw of mock.rawContacts()) assert.ok(!clients.includes(raw), `raw contact ${raw} sent to front desk`);
  const refused = await fetch(`${base}/masking-settings`, {
    method: 'PUT',
    headers: { 'If-Match': '"1"', 'Content-Type': 'application/json' },
    body: '{"enabled":false}',
  });
  assert.equal(refused.status, 403);
} finally {
  server.close();
}
console.log('Node check: policy, gift card numbers and mock backend work from the built package in Node.');
