/**
 * Masking (MioSalon): the "Mask customer phone numbers and email addresses for all
 * staff" choice, the "Data Visibility Override Control for Staff" list, and the staff and
 * client lists as a viewer may see them. Only staff whose group grants "Change security
 * settings" change the choice or the list, on premium only; a downgrade keeps the stored
 * choice, which applies again on premium.
 */
import { AdapterError } from '../../core/errors.js';
import type { MaskingSettings, Role, StaffMember, VisibilityOverrides } from '../../core/types.js';
import { foldForSearch } from '../../policy/fold.js';
import { isAdminRole, maskingInEffect, planSupportsMasking } from '../../policy/policy.js';
import type { RequestContext } from '../context.js';
import { checkFields, conflict, ifMatch, invalid, QueryReader } from '../http.js';
import type { MaskingRecord, OverridesRecord } from '../records.js';
import { clientView } from '../reports/rows.js';
import { DEFAULT_PAGE, MAX_PAGE } from '../reports/queries.js';
import type { Route } from '../router.js';
import type { StaffSearch } from './storage.js';

const ROLES: readonly Role[] = ['owner', 'admin', 'manager', 'staff'];

/** Clients' names, balances and alerts are for staff whose group lets them view client profiles. */
export function mayViewClients(ctx: RequestContext) {
  return ctx.require('client.view-profile', 'Your permission group does not include viewing client profiles');
}

/** Who changes security settings: those whose group grants it (owners and admins by default). */
export function mayChangeSettings(ctx: RequestContext) {
  return ctx.require('manager-tools.security-settings', 'Only owners and admins can change security settings');
}

async function requirePremium(ctx: RequestContext): Promise<void> {
  const { plan } = await ctx.storage.masking.business();
  if (!planSupportsMasking(plan))
    throw new AdapterError('plan-required', { requiredPlan: 'premium', message: 'Masking needs the premium plan' });
}

async function settings(ctx: RequestContext, record?: MaskingRecord): Promise<MaskingSettings> {
  await ctx.viewer();
  const masking = record ?? (await ctx.storage.masking.masking());
  const { plan } = await ctx.storage.masking.business();
  return {
    enabled: masking.enabled,
    plan,
    effective: maskingInEffect({ enabled: masking.enabled, plan }),
    version: masking.version,
    updatedAt: masking.updatedAt,
    updatedBy: masking.updatedBy ? { ...masking.updatedBy } : null,
  };
}

function overridesAnswer(record: OverridesRecord): VisibilityOverrides {
  return {
    staffIds: [...record.staffIds],
    version: record.version,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy ? { ...record.updatedBy } : null,
  };
}

async function saveMasking(ctx: RequestContext): Promise<Response> {
  const viewer = await mayChangeSettings(ctx);
  await requirePremium(ctx);
  const version = ifMatch(ctx.request);
  const { value } = await ctx.body();
  const errors = checkFields(value, { enabled: 'boolean' });
  if (Object.keys(errors).length) throw invalid(errors);
  const { enabled } = value as { enabled: boolean };
  return ctx.write(async (tx) => {
    const before = await tx.masking.masking();
    const next: MaskingRecord = {
      enabled,
      version: before.version + 1,
      updatedAt: ctx.iso(),
      updatedBy: { id: viewer.id, name: viewer.name },
    };
    if (before.version !== version || !(await tx.masking.saveMasking(next, version)))
      throw conflict(await settings(ctx, await tx.masking.masking()), 'The setting was changed by someone else');
    await ctx.audit(tx, 'masking.changed', { changes: { enabled: { old: before.enabled, new: enabled } } });
    return { body: await settings(ctx, next) };
  });
}

/** A staff search from a URL's filters. */
function staffSearch(q: QueryReader): StaffSearch {
  const search = q.text('search');
  return {
    search: search ? foldForSearch(search.trim()) : undefined,
    role: q.oneOf('role', ROLES),
    locationId: q.text('locationId'),
  };
}

async function listStaff(ctx: RequestContext) {
  await ctx.viewer();
  const q = new QueryReader(ctx.url);
  const search: StaffSearch = { ...staffSearch(q), ids: q.list('ids'), groupId: q.text('groupId') };
  const offset = q.integer('offset', 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const limit = q.integer('limit', 1, MAX_PAGE, true) ?? DEFAULT_PAGE;
  q.done();
  const [page, overrides, locations] = await Promise.all([
    ctx.storage.masking.staffPage(search, offset, limit),
    ctx.storage.masking.overrides(),
    ctx.storage.masking.locations(),
  ]);
  const listed = new Set(overrides.staffIds);
  const names = new Map(locations.map((l) => [l.id, l.name]));
  return {
    items: page.items.map((s): StaffMember => ({
      id: s.id,
      name: s.name,
      role: s.role,
      locationId: s.locationId,
      locationName: names.get(s.locationId) ?? '',
      contactAccess: isAdminRole(s.role) ? 'always' : listed.has(s.id) ? 'override' : 'masked',
    })),
    total: page.total,
    offset,
    limit,
  };
}

async function saveOverrides(ctx: RequestContext): Promise<Response> {
  const viewer = await mayChangeSettings(ctx);
  await requirePremium(ctx);
  const version = ifMatch(ctx.request);
  const { value } = await ctx.body();
  const errors = checkFields(value, { staffIds: 'strings' });
  if (Object.keys(errors).length) throw invalid(errors);
  const staffIds = [...new Set((value as { staffIds: string[] }).staffIds)];
  const found = await ctx.storage.access.staffByIds(staffIds);
  const eligible = new Set(found.filter((s) => s.hasLoginAccess && !isAdminRole(s.role)).map((s) => s.id));
  if (staffIds.some((id) => !eligible.has(id)))
    throw invalid({ staffIds: 'Only staff with login access who are not admins can be granted visibility' });
  return ctx.write(async (tx) => {
    const before = await tx.masking.overrides();
    const next: OverridesRecord = {
      staffIds,
      version: before.version + 1,
      updatedAt: ctx.iso(),
      updatedBy: { id: viewer.id, name: viewer.name },
    };
    if (before.version !== version || !(await tx.masking.saveOverrides(next, version)))
      throw conflict(overridesAnswer(await tx.masking.overrides()), 'The list was changed by someone else');
    await ctx.audit(tx, 'override_list.changed', { changes: { staffIds: { old: before.staffIds, new: staffIds } } });
    return { body: overridesAnswer(next) };
  });
}

export const routes: Route[] = [
  { method: 'GET', path: '/masking-settings', handler: (ctx) => settings(ctx) },
  { method: 'PUT', path: '/masking-settings', handler: saveMasking },
  {
    method: 'GET',
    path: '/locations',
    handler: async (ctx) => {
      await ctx.viewer();
      return (await ctx.storage.masking.locations()).map((l) => ({ ...l }));
    },
  },
  { method: 'GET', path: '/staff', handler: listStaff },
  {
    method: 'GET',
    path: '/staff/ids',
    handler: async (ctx) => {
      await ctx.viewer();
      const q = new QueryReader(ctx.url);
      const search = { ...staffSearch(q), exceptRoles: ['owner', 'admin'] as const };
      q.done();
      return { ids: await ctx.storage.masking.staffIds(search) };
    },
  },
  {
    method: 'GET',
    path: '/visibility-overrides',
    handler: async (ctx) => {
      await ctx.viewer();
      return overridesAnswer(await ctx.storage.masking.overrides());
    },
  },
  { method: 'PUT', path: '/visibility-overrides', handler: saveOverrides },
  {
    method: 'GET',
    path: '/clients',
    handler: async (ctx) => {
      await mayViewClients(ctx);
      const visible = await ctx.seesContacts();
      const q = new QueryReader(ctx.url);
      const search = q.text('search');
      const offset = q.integer('offset', 0, Number.MAX_SAFE_INTEGER) ?? 0;
      const limit = q.integer('limit', 1, MAX_PAGE, true) ?? DEFAULT_PAGE;
      q.done();
      const { currency } = await ctx.storage.masking.business();
      const page = await ctx.storage.masking.clientPage(
        search ? foldForSearch(search.trim()) : undefined,
        offset,
        limit,
      );
      return { items: page.items.map((c) => clientView(c, visible, currency)), total: page.total, offset, limit };
    },
  },
];
