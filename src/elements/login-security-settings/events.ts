import { DeskguardEvent } from '../../core/events.js';
import type { LoginSecurity } from '../../core/types.js';

export interface LoginSecurityChangeDetail {
  /** The rules as saved. */
  rules: LoginSecurity;
}

/** Fired when <login-security-settings> saved the rules. */
export class LoginSecurityChangeEvent extends DeskguardEvent<LoginSecurityChangeDetail> {
  static readonly eventName = 'login-security-change';
  constructor(detail: LoginSecurityChangeDetail) {
    super(LoginSecurityChangeEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'login-security-change': LoginSecurityChangeEvent;
  }
}
