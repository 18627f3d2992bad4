import type { Context } from '@lit/context';
import type { DeskguardAdapter } from './adapter.js';

/**
 * The adapter a `<deskguard-provider>` gives every deskguard element inside it, as a
 * context of the community context protocol (the key `@lit/context` uses; a context
 * is its key, so no runtime code is needed here).
 */
export const adapterContext = Symbol.for('deskguard.adapter') as Context<symbol, DeskguardAdapter | undefined>;
