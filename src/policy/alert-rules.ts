/**
 * Client alert rules (MINDBODY): pure functions shared by the backends and exported
 * for host backends.
 */

import type { AlertKind } from '../core/types.js';

/** Longest reason (to ignore, to sign in) a contact log keeps, in characters. */
export const MAX_REASON_LENGTH = 500;

/** Threshold alerts are answered by signing the client in or rejecting them; red and yellow alerts by ignoring them. */
export function isThresholdAlert(kind: AlertKind): boolean {
  return kind === 'account-balance' || kind === 'arrivals';
}

/** How urgent an alert is, most urgent first: red, the two thresholds, yellow. */
export const ALERT_SEVERITY: readonly AlertKind[] = ['red', 'account-balance', 'arrivals', 'yellow'];

/**
 * Account Balance Threshold: fires when a client owes at least the threshold.
 * Amounts are in minor units; a balance is positive when the client owes money.
 * A threshold of zero or less never fires (the alert is effectively off).
 */
export function balanceAlertFires(balanceMinor: number, thresholdMinor: number): boolean {
  return thresholdMinor > 0 && balanceMinor >= thresholdMinor;
}

/**
 * Counts the arrivals within the `windowHours` before `now`, inclusive of `now`
 * and exclusive of the instant exactly `windowHours` earlier. Instants are
 * absolute (epoch milliseconds), so time zones and clock changes do not matter.
 */
export function arrivalsInWindow(arrivals: readonly number[], now: number, windowHours: number): number {
  const start = now - windowHours * 3_600_000;
  return arrivals.filter((at) => at > start && at <= now).length;
}

/**
 * Arrivals in Threshold: fires when a client arrives more than `maxArrivals` times
 * within `windowHours` (counting the arrival being signed in at `now`).
 */
export function arrivalsAlertFires(
  previousArrivals: readonly number[],
  now: number,
  maxArrivals: number,
  windowHours: number,
): boolean {
  if (maxArrivals < 1 || windowHours <= 0) return false;
  return arrivalsInWindow(previousArrivals, now, windowHours) + 1 > maxArrivals;
}
