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
import { checkPassword, DEFAULT_LOGIN_SECURITY } from '../dist/policy/index.js';
import { commonPasswordCount, isCommonPassword } from '../dist/policy/common-passwords.js';

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

// A host backend's final word on a password: the rules and the list of common ones.
assert.ok(commonPasswordCount() > 40_000, 'the common-password list is loaded');
const onBackend = (password, personal = []) =>
  checkPassword(password, DEFAULT_LOGIN_SECURITY, { isCommon: isCommonPassword, personal });
for (const common of ['password1', 'Password1!', 'qwerty123', 'iloveyou2', 'letmein1'])
  assert.ok(onBackend(common).includes('common'), `${common} is common`);
assert.deepEqual(onBackend('tulip harbour 9 violin'), [], 'a passphrase with a number passes');
assert.deepEqual(onBackend('marcuswebb77', ['marcus.webb', 'Marcus Webb', 'webb']), ['personal']);
assert.deepEqual(onBackend('Kx7q'), ['too-short']);

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
console.log(
  'Node check: policy, gift card numbers, password rules with the common-password list and mock backend work from the built package in Node.',
);
