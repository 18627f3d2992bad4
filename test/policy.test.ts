import { expect } from '@open-wc/testing';
import {
  MASK,
  arrivalsAlertFires,
  arrivalsInWindow,
  balanceAlertFires,
  canChangeSecuritySettings,
  canSeeContacts,
  contactForViewer,
  defaultMaskingEnabled,
  emailsMatch,
  maskEmail,
  maskPhone,
  maskingInEffect,
  normaliseEmail,
} from '../src/policy/index.js';
import type { Plan, Role } from '../src/core/types.js';

const staff = (role: Role, id = 's1', hasLoginAccess = true) => ({ id, role, hasLoginAccess });

describe('policy: who may see contacts', () => {
  const premiumOn = { enabled: true, plan: 'premium' as Plan };

  it('lets owners and admins always see contacts', () => {
    for (const role of ['owner', 'admin'] as const) {
      expect(canSeeContacts({ viewer: staff(role), masking: premiumOn, overrides: [] })).to.equal(true);
    }
  });

  it('hides contacts from managers and staff while masking is in effect', () => {
    for (const role of ['manager', 'staff'] as const) {
      expect(canSeeContacts({ viewer: staff(role), masking: premiumOn, overrides: [] })).to.equal(false);
    }
  });

  it('shows contacts to staff with login access on the override list', () => {
    expect(canSeeContacts({ viewer: staff('staff', 's7'), masking: premiumOn, overrides: ['s7'] })).to.equal(true);
    expect(canSeeContacts({ viewer: staff('staff', 's7'), masking: premiumOn, overrides: new Set(['s7']) })).to.equal(
      true,
    );
  });

  it('ignores an override for staff without login access', () => {
    expect(canSeeContacts({ viewer: staff('staff', 's7', false), masking: premiumOn, overrides: ['s7'] })).to.equal(
      false,
    );
  });

  it('shows contacts to everyone when masking is off', () => {
    expect(
      canSeeContacts({ viewer: staff('staff'), masking: { enabled: false, plan: 'premium' }, overrides: [] }),
    ).to.equal(true);
  });

  it('does not apply masking off the premium plan, whatever was stored', () => {
    for (const plan of ['lite', 'lite-plus', 'standard'] as const) {
      expect(maskingInEffect({ enabled: true, plan })).to.equal(false);
      expect(canSeeContacts({ viewer: staff('staff'), masking: { enabled: true, plan }, overrides: [] })).to.equal(
        true,
      );
    }
    expect(maskingInEffect({ enabled: true, plan: 'premium' })).to.equal(true);
  });

  it('starts masking on for new premium businesses only', () => {
    expect(defaultMaskingEnabled('premium', true)).to.equal(true);
    expect(defaultMaskingEnabled('premium', false)).to.equal(false);
    expect(defaultMaskingEnabled('standard', true)).to.equal(false);
  });

  it('lets only owners and admins change the settings', () => {
    expect((['owner', 'admin', 'manager', 'staff'] as const).map(canChangeSecuritySettings)).to.deep.equal([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('policy: masking values', () => {
  it('keeps the country code and last two digits of a phone number', () => {
    expect(maskPhone('+44 7700 900123')).to.equal(`+44 ${MASK.repeat(4)} ${MASK.repeat(2)}23`);
    expect(maskPhone('+1 (555) 010-9988')).to.equal(`+1 ${MASK.repeat(4)} ${MASK.repeat(2)}88`);
    expect(maskPhone('+447700900123')).to.equal(`+44 ${MASK.repeat(4)} ${MASK.repeat(2)}23`);
    expect(maskPhone('00353 85 123 4567')).to.equal(`+353 ${MASK.repeat(4)} ${MASK.repeat(2)}67`);
    expect(maskPhone('07700 900123')).to.equal(`${MASK.repeat(4)} ${MASK.repeat(2)}23`);
  });

  it('does not reveal the length of a phone number', () => {
    const short = maskPhone('+44 20 7946 01');
    const long = maskPhone('+44 7700 900 123 4567');
    expect(short.length).to.equal(long.length);
  });

  it('shows no digits of a number too short to hide', () => {
    expect(maskPhone('+44 12345')).to.equal(`+44 ${MASK.repeat(4)} ${MASK.repeat(4)}`);
    expect(maskPhone('123')).to.not.match(/\d/);
  });

  it('keeps the first character and domain of an email, with a fixed-length mask', () => {
    expect(maskEmail('jane.doe@Example.COM')).to.equal(`j${MASK.repeat(4)}@example.com`);
    expect(maskEmail('j@example.com')).to.equal(maskEmail('jonathan.longname@example.com'));
    expect(maskEmail('not-an-email')).to.equal(MASK.repeat(4));
    expect(maskEmail('@example.com')).to.equal(MASK.repeat(4));
  });

  it('marks masked values so elements can label them', () => {
    expect(contactForViewer('+44 7700 900123', 'phone', false)).to.deep.equal({
      value: maskPhone('+44 7700 900123'),
      masked: true,
    });
    expect(contactForViewer('a@b.example', 'email', true)).to.deep.equal({ value: 'a@b.example', masked: false });
    expect(contactForViewer(null, 'email', false)).to.equal(null);
    expect(contactForViewer('', 'phone', false)).to.equal(null);
  });

  it('matches emails ignoring case, surrounding space and Unicode form only', () => {
    expect(emailsMatch('  Jane@Example.com ', 'jane@example.com')).to.equal(true);
    expect(emailsMatch('jos\u00e9@example.com', 'jose\u0301@example.com')).to.equal(true);
    expect(emailsMatch('jane.doe@example.com', 'janedoe@example.com')).to.equal(false);
    expect(emailsMatch('jane+spa@example.com', 'jane@example.com')).to.equal(false);
    expect(normaliseEmail(' A@B.C ')).to.equal('a@b.c');
  });
});

describe('alert rules', () => {
  const hour = 3_600_000;
  const now = Date.parse('2026-03-29T01:30:00Z'); // the night the UK clocks change

  it('fires the balance alert at exactly the threshold and above, never below', () => {
    expect(balanceAlertFires(9_999, 10_000)).to.equal(false);
    expect(balanceAlertFires(10_000, 10_000)).to.equal(true);
    expect(balanceAlertFires(10_001, 10_000)).to.equal(true);
    expect(balanceAlertFires(-5_000, 10_000), 'credit never fires').to.equal(false);
    expect(balanceAlertFires(500, 0), 'a zero threshold is off').to.equal(false);
  });

  it('counts arrivals inside the window, excluding its exact start', () => {
    expect(arrivalsInWindow([now - 4 * hour], now, 4)).to.equal(0);
    expect(arrivalsInWindow([now - 4 * hour + 1], now, 4)).to.equal(1);
    expect(arrivalsInWindow([now], now, 4)).to.equal(1);
    expect(arrivalsInWindow([now + 1], now, 4), 'future arrivals do not count').to.equal(0);
  });

  it('fires the arrivals alert when a client arrives more than N times within H hours', () => {
    // "twice in four hours": N = 1, H = 4.
    expect(arrivalsAlertFires([], now, 1, 4)).to.equal(false);
    expect(arrivalsAlertFires([now - 3 * hour], now, 1, 4)).to.equal(true);
    expect(arrivalsAlertFires([now - 4 * hour], now, 1, 4)).to.equal(false);
    expect(arrivalsAlertFires([now - hour], now, 2, 4)).to.equal(false);
    expect(arrivalsAlertFires([now - hour, now - 2 * hour], now, 2, 4)).to.equal(true);
  });

  it('measures the window in real elapsed time across a clock change', () => {
    // 00:45 UTC is 00:45 GMT; 01:30 UTC is 02:30 BST: wall clocks say 1 h 45 min, elapsed is 45 min.
    const before = Date.parse('2026-03-29T00:45:00Z');
    expect(arrivalsAlertFires([before], now, 1, 1)).to.equal(true);
  });

  it('treats a zero or negative setting as off', () => {
    expect(arrivalsAlertFires([now - hour], now, 0, 4)).to.equal(false);
    expect(arrivalsAlertFires([now - hour], now, 1, 0)).to.equal(false);
  });
});
