import type { AdapterError } from '../core/errors.js';
import { msg } from './localize.js';

/** The way forward a fault offers. */
export type FaultAction = 'retry' | 'reload' | 'upgrade' | 'sign-in';

export interface FaultView {
  message: string;
  action: FaultAction;
  actionLabel: string;
}

/**
 * What to tell the user about a failed call and what they can do next. `saving`
 * faults promise that nothing the user chose is lost.
 */
export function describeFault(error: AdapterError, activity: 'loading' | 'saving'): FaultView {
  const saving = activity === 'saving';
  const view = (message: string, action: FaultAction): FaultView => ({
    message,
    action,
    actionLabel: {
      retry: msg('Try again'),
      reload: msg('Reload'),
      upgrade: msg('See plans'),
      'sign-in': msg('Sign in again'),
    }[action],
  });
  switch (error.kind) {
    case 'network':
      return view(msg('The server could not be reached. Check your connection, then try again.'), 'retry');
    case 'timeout':
      return view(msg('The server took too long to answer. Try again in a moment.'), 'retry');
    case 'server':
      return view(
        saving
          ? msg('The server had a problem and did not save your change. Try again in a moment.')
          : msg('The server had a problem. Try again in a moment.'),
        'retry',
      );
    case 'malformed':
      return view(
        msg(
          'The server sent an answer this page does not understand. Try again; if it keeps happening, contact support.',
        ),
        'retry',
      );
    case 'unauthorized':
      return view(msg('Your session has ended. Sign in again, then try again.'), 'sign-in');
    case 'forbidden':
      return view(msg('You do not have permission to do this. Ask an owner or admin.'), 'reload');
    case 'plan-required':
      return view(msg('This needs the Premium plan. Upgrade the plan to use it.'), 'upgrade');
    case 'conflict':
      return view(
        msg('Someone else changed this while you were working. It now shows what they saved; review it and try again.'),
        'reload',
      );
    case 'not-found':
      return view(msg('This was not found. It may have been removed; reload to see the current state.'), 'reload');
    case 'validation': {
      const details = Object.values(error.fieldErrors).join(' ');
      return view(
        details
          ? msg('The server did not accept this:') + ' ' + details
          : msg('The server did not accept this change.'),
        'reload',
      );
    }
    default:
      return view(msg('Something went wrong. Try again.'), 'retry');
  }
}
