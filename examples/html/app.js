import 'deskguard/all.js';
import { RestAdapter } from 'deskguard/adapter.js';
import { directionOf, setLocale } from 'deskguard/locale.js';

const API = '/api/deskguard';

// The mock backend stands in for the host's server: masking starts off in this business.
// With ?backend=server, a server answers the API itself and the page loads no mock at all.
if (!new URLSearchParams(location.search).has('backend')) {
  // One file with MSW inside: the import map needs no entry for the mock.
  const { startBrowserMock } = await import('deskguard/mocks/browser-bundle.js');
  await startBrowserMock(
    { business: 'premium-existing' },
    { baseUrl: API, serviceWorkerUrl: new URL('./mockServiceWorker.js', import.meta.url).pathname },
  );
}

const provider = document.querySelector('deskguard-provider');
const viewer = document.querySelector('#viewer');
const log = document.querySelector('#event-log');

// The host signs requests as the person at the till; the mock reads the bearer token as a staff id.
function connect() {
  provider.adapter = new RestAdapter({
    baseUrl: API,
    headers: () => ({ Authorization: `Bearer ${viewer.value}` }),
  });
}
viewer.addEventListener('change', connect);
connect();

function record(text) {
  const item = document.createElement('li');
  item.textContent = text;
  log.append(item);
}

// The page's language: the elements' messages and formats, then the page's own lang and direction.
document.querySelector('#language').addEventListener('change', async (e) => {
  const locale = e.currentTarget.value;
  await setLocale(locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
  record(`locale: ${locale}`);
});

provider.addEventListener('masking-change', (e) => record(`masking-change: ${e.detail.enabled ? 'on' : 'off'}`));
provider.addEventListener('overrides-saved', () => record('overrides-saved'));
provider.addEventListener('verification-change', (e) => record(`verification-change: ${e.detail.request.status}`));
provider.addEventListener('open-client-profile', (e) => record(`open-client-profile: ${e.detail.clientId}`));
provider.addEventListener('giftcard-id-use', (e) => record(`giftcard-id-use: ${e.detail.number}`));
provider.addEventListener('client-alert-outcome', (e) => record(`client-alert-outcome: ${e.detail.status}`));
provider.addEventListener('staff-access-change', (e) => record(`staff-access-change: ${e.detail.action}`));
provider.addEventListener('permission-groups-change', () => record('permission-groups-change'));
provider.addEventListener('login-security-change', () => record('login-security-change'));
provider.addEventListener('open-staff-access', (e) => record(`open-staff-access: ${e.detail.staffId}`));
// A report's filter, for the host to keep in its URL (the reports read it back from their query attribute).
for (const type of ['contact-log-query-change', 'entry-log-query-change', 'staff-activity-query-change'])
  provider.addEventListener(type, (e) => record(`${type}: ${e.detail.query}`));
provider.addEventListener('deskguard-sign-in-request', () => record('deskguard-sign-in-request'));
provider.addEventListener('deskguard-upgrade-request', (e) => record(`deskguard-upgrade-request: ${e.requiredPlan}`));

document.querySelector('#sign-in').addEventListener('click', async (e) => {
  const outcome = await document
    .querySelector('client-alert-dialog')
    .open({ clientId: e.currentTarget.dataset.client, context: 'sign-in' });
  document.querySelector('#check-in-result').textContent =
    outcome.status === 'signed-in' || outcome.status === 'no-alerts'
      ? 'Signed in.'
      : `Not signed in (${outcome.status}).`;
});

document.querySelector('#sale-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const data = new FormData(e.currentTarget);
  document.querySelector('#sale-result').textContent =
    `Sold a ${data.get('amount')} gift card, number ${data.get('cardNumber')}.`;
});
