import { createContext } from '@lit/context';
import type { DeskguardAdapter } from './adapter.js';

/** The adapter a `<deskguard-provider>` gives every deskguard element inside it. */
export const adapterContext = createContext<DeskguardAdapter | undefined>(Symbol.for('deskguard.adapter'));
