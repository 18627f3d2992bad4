/**
 * `deskguard/server`: the whole REST contract as one handler over the Fetch API,
 * `(request: Request) => Promise<Response>`, built from a `Storage` and the host's own
 * answer to "who is asking". Every policy decision, validation, idempotency key, cursor
 * and audit record is made here, once: a host writes who is signed in and where its data
 * lives, and nothing else.
 *
 *   const server = createServer({ storage, viewer: async (request) => ({ staffId }) });
 *   export default { fetch: server.fetch };
 */
import { AdapterError } from '../core/errors.js';
import type { AuditEvent } from '../core/types.js';
import { DEFAULT_CATALOGUE, type PermissionCatalogue } from '../policy/permissions.js';
import { isCommonPassword as kitCommonPasswords } from '../policy/common-passwords.js';
import { routes as access } from './access/routes.js';
import { bearerIdentity, signIn, type SignInAttempt, type SignInResult } from './access/sign-in.js';
import { routes as alerts } from './alerts/routes.js';
import { RequestContext, type Identity, type ServerCore } from './context.js';
import { PASSWORD_ITERATIONS, randomToken, Signer } from './crypto.js';
import { routes as giftCards } from './giftcards/routes.js';
import { routes as groups } from './groups/routes.js';
import { errorResponse, json } from './http.js';
import { routes as loginSecurity } from './login-security/routes.js';
import { routes as masking } from './masking/routes.js';
import { routes as reports } from './reports/routes.js';
import { Router } from './router.js';
import type { Storage } from './storage.js';
import { routes as verification } from './verification/routes.js';

export interface ServerOptions {
  /** Where the records live: `MemoryStorage`, `PostgresStorage`, or the host's own. */
  storage: Storage;
  /**
   * Who is asking: the host's own authentication, from the request (a cookie, a header).
   * `null` is nobody (`401`). Without it, the server's own sessions decide: a bearer
   * token from `POST /sessions`.
   */
  viewer?: (request: Request) => Identity | null | Promise<Identity | null>;
  /** The path the contract is served under, e.g. `/api/deskguard`; the request's path must start with it. */
  basePath?: string;
  /**
   * Signs cursors. Give every instance of a host's server the same secret (16 characters
   * or more), or a cursor made by one is refused by another; a random one by default.
   */
  secret?: string;
  /** The clock, epoch milliseconds; `Date.now` by default. */
  now?: () => number;
  /** The permissions groups grant: the kit's, or with a host's own added. */
  catalogue?: PermissionCatalogue;
  /**
   * The password checks on every password set: the kit's list of common and breached
   * passwords by default. A backend without it must say so (`isCommon: () => false`).
   */
  passwords?: { isCommon?: (password: string) => boolean; iterations?: number; maxAgeDays?: number | null };
  /** Where a request comes from (a proxy's `X-Forwarded-For`, the socket): for sign-in and the entry logs. */
  address?: (request: Request) => string | undefined;
  /** Checks a second factor's code, for groups that sign in with one (`twoFactorGroups`). */
  verifySecondFactor?: (staffId: string, code: string) => boolean | Promise<boolean>;
  /** Told of every audit event once it is stored: a host ends its own sessions on `staff.signed_out_everywhere`. */
  onEvent?: (event: AuditEvent) => void | Promise<void>;
  /** Told of an error no rule answers (a storage that failed): `console.error` by default. The answer is a `500` that tells nothing of it. */
  onError?: (error: unknown) => void;
}

export interface DeskguardServer {
  /**
   * Answers one request of the contract. `identity` speaks for a caller in the same
   * process (an in-page adapter, a host's server-side render), instead of `viewer`.
   */
  fetch(request: Request, identity?: Identity | null, connection?: { address?: string }): Promise<Response>;
  /** Signs someone in by the login rules, for a host's own sign-in page; recorded as an entry. */
  signIn(attempt: SignInAttempt): Promise<SignInResult>;
  /** Every endpoint served, as `METHOD /path`. */
  readonly endpoints: string[];
  readonly storage: Storage;
}

const ROUTES = [
  ...access,
  ...masking,
  ...alerts,
  ...verification,
  ...giftCards,
  ...groups,
  ...loginSecurity,
  ...reports,
];

export function createServer(options: ServerOptions): DeskguardServer {
  if (options.secret !== undefined && options.secret.length < 16)
    throw new Error('deskguard/server: a secret has at least 16 characters');
  const core: ServerCore = {
    storage: options.storage,
    now: options.now ?? Date.now,
    catalogue: options.catalogue ?? DEFAULT_CATALOGUE,
    signer: new Signer(options.secret ?? randomToken(32)),
    isCommonPassword: options.passwords?.isCommon ?? kitCommonPasswords,
    passwordIterations: options.passwords?.iterations ?? PASSWORD_ITERATIONS,
    maxPasswordAgeDays: options.passwords?.maxAgeDays ?? null,
    onEvent: options.onEvent,
    address: options.address ?? (() => undefined),
    verifySecondFactor: options.verifySecondFactor,
  };
  const router = new Router(ROUTES);
  const base = (options.basePath ?? '').replace(/\/+$/, '');
  const resolve = options.viewer ?? ((request: Request) => bearerIdentity(core, request));

  async function handle(
    request: Request,
    given: Identity | null | undefined,
    connection: { address?: string } | undefined,
  ): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.startsWith(base) ? url.pathname.slice(base.length) || '/' : undefined;
    const found = path === undefined ? undefined : router.match(request.method, path);
    if (!found)
      return errorResponse(
        new AdapterError('not-found', { message: `Nothing is served at ${request.method} ${url.pathname}` }),
      );
    if (found === 'method')
      return errorResponse(
        new AdapterError('validation', { status: 405, message: `${request.method} is not served at ${url.pathname}` }),
      );
    const identity = given !== undefined ? given : await resolve(request);
    const ctx = new RequestContext(core, request, url, found.params, identity, connection?.address);
    const answer = await found.route.handler(ctx);
    return answer instanceof Response ? answer : json(answer, found.route.status ?? 200);
  }

  return {
    async fetch(request, identity, connection) {
      try {
        return await handle(request, identity, connection);
      } catch (error) {
        if (error instanceof AdapterError) return errorResponse(error);
        // A storage that throws: nothing was written (the transaction rolled back), and nothing of it is told.
        (options.onError ?? ((e: unknown) => console.error('deskguard/server:', e)))(error);
        return json(
          {
            error: {
              code: 'server',
              message: 'The server failed; nothing was written. Try again.',
              fields: null,
              current: null,
              currentVersion: null,
              requiredPlan: null,
            },
          },
          500,
        );
      }
    },
    signIn: (attempt) => signIn(core, attempt),
    endpoints: router.endpoints(),
    storage: options.storage,
  };
}
