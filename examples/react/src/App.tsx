import { useMemo, useRef, useState, type FormEvent } from 'react';
import { RestAdapter, type ClientAlertDialogElement } from 'deskguard';
import { directionOf, setLocale } from 'deskguard/locale.js';
import {
  ClientAlertDialog,
  ContactLogReport,
  DeskguardProvider,
  EntryLogReport,
  GiftcardIdGenerator,
  LoginSecuritySettings,
  MaskingSettings,
  PermissionGroups,
  StaffAccess,
  StaffActivityReport,
  StaffOverrideList,
  VerificationReport,
} from 'deskguard/react.js';

export const API = '/api/deskguard';

const STAFF = [
  { id: 'staff-owner', label: 'Priya Raman (owner)' },
  { id: 'staff-front-desk', label: 'Tom Okafor (front desk)' },
  { id: 'staff-duty-manager', label: 'Sofia Marin (duty manager)' },
];

export function App() {
  const [viewer, setViewer] = useState(STAFF[0]!.id);
  const [events, setEvents] = useState<string[]>([]);
  const [checkIn, setCheckIn] = useState('');
  const [sale, setSale] = useState('');
  const dialog = useRef<ClientAlertDialogElement>(null);

  // The host signs requests as the person at the till; the mock reads the bearer token as a staff id.
  const adapter = useMemo(
    () => new RestAdapter({ baseUrl: API, headers: () => ({ Authorization: `Bearer ${viewer}` }) }),
    [viewer],
  );
  const record = (text: string) => setEvents((all) => [...all, text]);

  // The page's language: the elements' messages and formats, then the page's own lang and direction.
  async function switchLanguage(locale: string) {
    await setLocale(locale);
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
    record(`locale: ${locale}`);
  }

  async function signIn() {
    const outcome = await dialog.current!.open({ clientId: 'client-6', context: 'sign-in' });
    setCheckIn(
      outcome.status === 'signed-in' || outcome.status === 'no-alerts'
        ? 'Signed in.'
        : `Not signed in (${outcome.status}).`,
    );
  }

  function sell(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSale(`Sold a ${data.get('amount')} gift card, number ${data.get('cardNumber')}.`);
  }

  return (
    <>
      <header>
        <h1>Front desk</h1>
        <label>
          Signed in as{' '}
          <select id="viewer" value={viewer} onChange={(e) => setViewer(e.target.value)}>
            {STAFF.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Language{' '}
          <select id="language" defaultValue="en" onChange={(e) => void switchLanguage(e.target.value)}>
            <option value="en">English</option>
            <option value="es" lang="es">
              Español
            </option>
            <option value="ar" lang="ar">
              العربية
            </option>
          </select>
        </label>
      </header>

      <main>
        <DeskguardProvider
          adapter={adapter}
          onDeskguardSignInRequest={() => record('deskguard-sign-in-request')}
          onDeskguardUpgradeRequest={(e) => record(`deskguard-upgrade-request: ${e.requiredPlan}`)}
        >
          <section aria-labelledby="security">
            <h2 id="security">Security</h2>
            <MaskingSettings
              headingLevel={3}
              onMaskingChange={(e) => record(`masking-change: ${e.detail.enabled ? 'on' : 'off'}`)}
            />
            <StaffOverrideList headingLevel={3} warnOnUnload onOverridesSaved={() => record('overrides-saved')} />
            <VerificationReport
              headingLevel={3}
              onVerificationChange={(e) => record(`verification-change: ${e.detail.request.status}`)}
              onOpenClientProfile={(e) => record(`open-client-profile: ${e.detail.clientId}`)}
            />
          </section>

          <section aria-labelledby="check-in">
            <h2 id="check-in">Check-in</h2>
            <p>Signing a client in raises their alerts first.</p>
            <button type="button" id="sign-in" onClick={signIn}>
              Sign in Quinn Varga
            </button>
            <p id="check-in-result" role="status">
              {checkIn}
            </p>
            <ClientAlertDialog
              ref={dialog}
              onClientAlertOutcome={(e) => record(`client-alert-outcome: ${e.detail.status}`)}
            />
          </section>

          <section aria-labelledby="sale">
            <h2 id="sale">Sell a gift card</h2>
            <form id="sale-form" onSubmit={sell}>
              <label>
                Amount <input name="amount" type="number" min="5" defaultValue="50" required />
              </label>
              <GiftcardIdGenerator
                name="cardNumber"
                required
                headingLevel={3}
                onGiftcardIdUse={(e) => record(`giftcard-id-use: ${e.detail.number}`)}
              />
              <button type="submit">Complete sale</button>
            </form>
            <p id="sale-result" role="status">
              {sale}
            </p>
          </section>

          <section aria-labelledby="staff">
            <h2 id="staff">Staff and access</h2>
            <PermissionGroups headingLevel={3} onPermissionGroupsChange={() => record('permission-groups-change')} />
            <LoginSecuritySettings headingLevel={3} onLoginSecurityChange={() => record('login-security-change')} />
            <StaffAccess
              headingLevel={3}
              staffId="staff-manager"
              onStaffAccessChange={(e) => record(`staff-access-change: ${e.detail.action}`)}
            />
          </section>

          <section aria-labelledby="reports">
            <h2 id="reports">Reports</h2>
            <ContactLogReport headingLevel={3} pageSize={5} />
            <EntryLogReport
              headingLevel={3}
              pageSize={5}
              onOpenStaffAccess={(e) => record(`open-staff-access: ${e.detail.staffId}`)}
            />
            <StaffActivityReport headingLevel={3} pageSize={5} />
          </section>
        </DeskguardProvider>

        <section aria-labelledby="events">
          <h2 id="events">Events</h2>
          <ol id="event-log">
            {events.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ol>
        </section>
      </main>
    </>
  );
}
