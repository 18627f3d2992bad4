/**
 * Login security in the policy module, as the browser runs it for live feedback: the
 * settings never weaker than the seed's rules, and the password rules (the common
 * list is checked in Node, where it lives: scripts/node-check.mjs).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  checkLoginSecuritySettings,
  checkPassword,
  DEFAULT_LOGIN_SECURITY,
  type LoginSecuritySettings,
} from '../src/policy/index.js';

const with_ = (change: Partial<LoginSecuritySettings>) => ({ ...DEFAULT_LOGIN_SECURITY, ...change });

describe('login security settings', () => {
  it('starts from the seed’s rules and MINDBODY’s lockout, which may be saved', () => {
    expect(DEFAULT_LOGIN_SECURITY).to.include({
      minLength: 8,
      maxLength: 64,
      lettersAndNumbers: true,
      blockCommon: true,
      lockoutAttempts: 6,
      lockoutMinutes: 30,
    });
    expect(checkLoginSecuritySettings(DEFAULT_LOGIN_SECURITY)).to.deep.equal({});
  });

  it('refuses anything weaker than the seed’s rules, saying why', () => {
    const problems = (change: Partial<LoginSecuritySettings>) => checkLoginSecuritySettings(with_(change));
    expect(problems({ minLength: 7 }).minLength).to.contain('at least 8');
    expect(problems({ maxLength: 32 }).maxLength).to.contain('at least 64');
    expect(problems({ lettersAndNumbers: false }).lettersAndNumbers).to.contain('letters and numbers');
    expect(problems({ blockCommon: false }).blockCommon).to.contain('always refused');
    expect(problems({ minLength: 100, maxLength: 80 }).maxLength).to.contain('at least the fewest');
    expect(problems({ lockoutAttempts: 0 }).lockoutAttempts).to.be.a('string');
    expect(problems({ idleSignOutMinutes: 1 }).idleSignOutMinutes).to.be.a('string');
    expect(problems({ idleSignOutMinutes: null })).to.deep.equal({});
    expect(problems({ minLength: 12, maxLength: 128, rememberLast: 10 })).to.deep.equal({});
  });

  it('accepts exactly the minimums from 8 up, and never a shorter one (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 200 }), (minLength) => {
        const ok = !checkLoginSecuritySettings(with_({ minLength, maxLength: 1024 })).minLength;
        return ok === (minLength >= 8 && minLength <= 128);
      }),
    );
  });
});

describe('checkPassword', () => {
  const rules = DEFAULT_LOGIN_SECURITY;

  it('asks for 8 characters, counting characters, not bytes, and allows 64', () => {
    expect(checkPassword('abc1', rules)).to.deep.equal(['too-short']);
    expect(checkPassword('pässwörd1', rules)).to.deep.equal([]);
    // Eight characters of which some take two UTF-16 units.
    expect(checkPassword('😀😀😀a1😀😀😀', rules)).to.deep.equal([]);
    expect(checkPassword(`${'a'.repeat(63)}1`, rules)).to.deep.equal([]);
    expect(checkPassword(`${'a'.repeat(64)}1`, rules)).to.deep.equal(['too-long']);
  });

  it('asks for letters and numbers, in any script', () => {
    expect(checkPassword('abcdefgh', rules)).to.deep.equal(['letters-and-numbers']);
    expect(checkPassword('12345678', rules)).to.deep.equal(['letters-and-numbers']);
    expect(checkPassword('كلمةسرية٣', rules)).to.deep.equal([]);
  });

  it('refuses a common password, one the person used lately, or their own name, where the backend says so', () => {
    const context = {
      isCommon: (p: string) => p === 'password1',
      isReused: (p: string) => p === 'old-one-7',
      personal: ['marcus.webb', 'Marcus Webb'],
    };
    expect(checkPassword('password1', rules, context)).to.deep.equal(['common']);
    expect(checkPassword('old-one-7', rules, context)).to.deep.equal(['reused']);
    expect(checkPassword('my-MARCUS.WEBB-9', rules, context)).to.deep.equal(['personal']);
    expect(checkPassword('old-one-7', { ...rules, rememberLast: 0 }, context)).to.deep.equal([]);
  });

  it('never accepts what breaks a rule (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (password) => {
        const problems = checkPassword(password, rules);
        const length = [...password].length;
        if (length < 8) return problems.includes('too-short');
        if (length > 64) return problems.includes('too-long');
        if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) return problems.includes('letters-and-numbers');
        return problems.length === 0;
      }),
    );
  });
});
