/**
 * The business's login rules (MINDBODY's "Login security", bounded by NIST SP 800-63B):
 * everyone reads them; those whose group grants "Change security settings" change them,
 * never to anything weaker than the seed's (`checkLoginSecuritySettings`).
 */
import type { LoginSecurity, LoginSecuritySettings } from '../../core/types.js';
import { checkLoginSecuritySettings, DEFAULT_LOGIN_SECURITY } from '../../policy/passwords.js';
import type { RequestContext } from '../context.js';
import { checkFields, conflict, ifMatch, invalid } from '../http.js';
import { mayChangeSettings } from '../masking/routes.js';
import type { LoginSecurityRecord } from '../records.js';
import type { Route } from '../router.js';
import type { Storage } from '../storage.js';

async function answer(
  ctx: RequestContext,
  record?: LoginSecurityRecord,
  tx: Storage = ctx.storage,
): Promise<LoginSecurity> {
  await ctx.viewer();
  const { settings, version, updatedAt, updatedBy } = record ?? (await tx.loginSecurity.loginSecurity());
  const { groups } = await tx.groups.groups();
  return {
    settings: structuredClone(settings),
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    canChange: await ctx.may('manager-tools.security-settings'),
    version,
    updatedAt,
    updatedBy: updatedBy ? { ...updatedBy } : null,
  };
}

/** The rules' own fields: a body with any other is refused. */
const RULES = new Set(Object.keys(DEFAULT_LOGIN_SECURITY));

async function save(ctx: RequestContext): Promise<Response> {
  const viewer = await mayChangeSettings(ctx);
  const version = ifMatch(ctx.request);
  const { value } = await ctx.body();
  const errors = checkFields(value, { settings: 'object' });
  if (Object.keys(errors).length) throw invalid(errors);
  const settings = (value as { settings: LoginSecuritySettings }).settings;
  const fieldErrors: Record<string, string> = { ...checkLoginSecuritySettings(settings) };
  for (const field of Object.keys(settings)) if (!RULES.has(field)) fieldErrors[field] = 'Not a login rule';
  const { groups } = await ctx.storage.groups.groups();
  const known = new Set(groups.map((g) => g.id));
  if (!fieldErrors['twoFactorGroups'] && settings.twoFactorGroups.some((g) => !known.has(g)))
    fieldErrors['twoFactorGroups'] = 'Choose permission groups that exist';
  if (Object.keys(fieldErrors).length) throw invalid(fieldErrors);
  return ctx.write(async (tx) => {
    const before = await tx.loginSecurity.loginSecurity();
    const next: LoginSecurityRecord = {
      settings: { ...settings, twoFactorGroups: [...new Set(settings.twoFactorGroups)] },
      version: before.version + 1,
      updatedAt: ctx.iso(),
      updatedBy: { id: viewer.id, name: viewer.name },
    };
    if (before.version !== version || !(await tx.loginSecurity.saveLoginSecurity(next, version)))
      throw conflict(await answer(ctx, undefined, tx), 'The login rules were changed by someone else');
    await ctx.audit(tx, 'login_security.changed', {
      changes: { settings: { old: before.settings, new: next.settings } },
    });
    return { body: await answer(ctx, next, tx) };
  });
}

export const routes: Route[] = [
  { method: 'GET', path: '/login-security', handler: (ctx) => answer(ctx) },
  { method: 'PUT', path: '/login-security', handler: save },
];
