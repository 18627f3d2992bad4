export * from './policy.js';
export * from '../domain/alert-rules.js';
export * from '../domain/giftcard-id.js';
export * from '../domain/csv.js';
export * from '../domain/report-query.js';
export * from '../domain/ocsf.js';
export type { ContactValue, Plan, Role } from '../core/types.js';
export * from './permissions.js';
export * from './passwords.js';
