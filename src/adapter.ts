/**
 * What a host needs to connect the elements to its backend, without the elements, the
 * memory backend or the mock: the adapter contract, its error, the data types and the
 * adapter for the documented REST contract.
 */
export type { CallOptions, DeskguardAdapter, WriteOptions } from './core/adapter.js';
export { AdapterError, toAdapterError, type AdapterErrorKind, type AdapterErrorInit } from './core/errors.js';
export * from './core/types.js';
export { RestAdapter, type RestAdapterOptions } from './adapters/rest.js';
