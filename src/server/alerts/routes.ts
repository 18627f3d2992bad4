/**
 * Client alerts (MINDBODY's "Client alerts and contact logs"): red and yellow alerts in
 * every context, the account balance and arrivals thresholds at sign-in; a resolution
 * covers exactly the alerts staff were shown, gives the reasons the settings ask for,
 * and writes a contact log for each alert that keeps one, with the arrival it signs in,
 * together.
 */
import { AdapterError } from '../../core/errors.js';
import type { AlertContext, AlertResolutionResult, ClientAlert, ClientAlerts } from '../../core/types.js';
import { arrivalsAlertFires, arrivalsInWindow, balanceAlertFires, isThresholdAlert } from '../../policy/alert-rules.js';
import type { RequestContext } from '../context.js';
import { checkFields, invalid, notFound, QueryReader } from '../http.js';
import {
  ALERT_ACTIONS,
  MAX_REASON_LENGTH,
  type AlertSettings,
  type ClientRecord,
  type ContactLogRecord,
} from '../records.js';
import { clientView } from '../reports/rows.js';
import { mayViewClients } from '../masking/routes.js';
import type { Route } from '../router.js';
import type { Storage } from '../storage.js';

const CONTEXTS: readonly AlertContext[] = ['profile', 'booking', 'sign-in'];

/** The alerts that apply to a client in a context; threshold alerts apply on sign-in. */
export function alertsFor(
  client: ClientRecord,
  context: AlertContext,
  s: AlertSettings,
  currency: string,
  now: number,
): ClientAlert[] {
  const alerts: ClientAlert[] = [];
  for (const kind of ['red', 'yellow'] as const) {
    const text = kind === 'red' ? client.redAlert : client.yellowAlert;
    if (!text) continue;
    const settings = s[kind];
    alerts.push({
      id: `${client.id}:${kind}`,
      kind,
      text,
      reasonRequired: settings.reasonToIgnore,
      writesContactLog: settings.writeContactLog,
    });
  }
  if (context !== 'sign-in') return alerts;
  const { accountBalance: bal, arrivals: arr } = s;
  if (bal.enabled && balanceAlertFires(client.balanceMinor, bal.thresholdMinor))
    alerts.push({
      id: `${client.id}:account-balance`,
      kind: 'account-balance',
      balanceMinor: client.balanceMinor,
      thresholdMinor: bal.thresholdMinor,
      currency,
      reasonRequired: bal.reasonToSignIn,
      writesContactLog: bal.writeContactLog,
    });
  if (arr.enabled && arrivalsAlertFires(client.arrivals, now, arr.maxArrivals, arr.windowHours))
    alerts.push({
      id: `${client.id}:arrivals`,
      kind: 'arrivals',
      arrivals: arrivalsInWindow(client.arrivals, now, arr.windowHours) + 1,
      maxArrivals: arr.maxArrivals,
      windowHours: arr.windowHours,
      reasonRequired: arr.reasonToSignIn,
      writesContactLog: arr.writeContactLog,
    });
  return alerts;
}

async function current(ctx: RequestContext, clientId: string, context: AlertContext, tx: Storage = ctx.storage) {
  const client = await tx.alerts.client(clientId);
  if (!client) throw notFound('No such client');
  const { currency } = await tx.masking.business();
  return { client, currency, alerts: alertsFor(client, context, await tx.alerts.alertSettings(), currency, ctx.now()) };
}

async function shown(
  ctx: RequestContext,
  clientId: string,
  context: AlertContext,
  tx: Storage = ctx.storage,
): Promise<ClientAlerts> {
  const viewer = await ctx.viewer();
  const visible = await ctx.seesContacts();
  const { client, currency, alerts } = await current(ctx, clientId, context, tx);
  await tx.alerts.markShown({ viewerId: viewer.id, clientId, context }, ctx.iso());
  return { client: clientView(client, visible, currency), context, alerts };
}

interface Resolution {
  alertId: string;
  action: string;
  reason?: string | null;
}

async function resolve(ctx: RequestContext): Promise<Response> {
  const viewer = await ctx.viewer();
  const clientId = ctx.params['id']!;
  const { value } = await ctx.body();
  const errors = checkFields(value, { context: 'string', resolutions: 'array' });
  const body = value as { context: AlertContext; resolutions: Resolution[] };
  if (!errors['context'] && !CONTEXTS.includes(body.context)) errors['context'] = `One of ${CONTEXTS.join(', ')}`;
  if (!errors['resolutions'])
    body.resolutions.forEach((r, i) =>
      checkFields(
        r,
        { alertId: 'string', action: 'string', 'reason?': 'string-or-null' },
        `resolutions[${i}].`,
        errors,
      ),
    );
  if (Object.keys(errors).length) throw invalid(errors);
  await mayViewClients(ctx);
  // Signing a client in is for staff whose group signs clients in.
  if (body.resolutions.some((r) => r.action === 'sign-in'))
    await ctx.require('schedule.sign-in-clients', 'Your permission group does not include signing clients in');
  return ctx.write(async (tx) => {
    const { client, alerts: now } = await current(ctx, clientId, body.context, tx);
    const alerts = new Map(now.map((a) => [a.id, a]));
    // Staff decided on the alerts they saw. If those changed (an alert was added, edited
    // away or no longer fires), the decision is stale: answer the current alerts instead.
    const resolved = new Set(body.resolutions.map((r) => r.alertId));
    const rejecting = body.resolutions.some((r) => r.action === 'reject');
    const unseen = now.filter((a) => !resolved.has(a.id) && (!rejecting || isThresholdAlert(a.kind)));
    if ([...resolved].some((id) => !alerts.has(id)) || unseen.length)
      throw new AdapterError('conflict', {
        message: 'The alerts changed',
        current: await shown(ctx, clientId, body.context, tx),
      });
    const fieldErrors: Record<string, string> = {};
    for (const r of body.resolutions) {
      const alert = alerts.get(r.alertId)!;
      const reason = typeof r.reason === 'string' ? r.reason.trim() : '';
      if (!(ALERT_ACTIONS[isThresholdAlert(alert.kind) ? 'threshold' : 'text'] as readonly string[]).includes(r.action))
        fieldErrors[r.alertId] = 'This action does not apply to this alert';
      else if (alert.reasonRequired && r.action !== 'reject' && !reason)
        fieldErrors[r.alertId] = 'A reason is required';
      else if (reason.length > MAX_REASON_LENGTH)
        fieldErrors[r.alertId] = `A reason can be at most ${MAX_REASON_LENGTH} characters`;
    }
    if (!body.resolutions.length) fieldErrors['resolutions'] = 'Nothing to resolve';
    if (Object.keys(fieldErrors).length) throw invalid(fieldErrors);
    const at = ctx.iso();
    const shownAt = (await tx.alerts.shownAt({ viewerId: viewer.id, clientId, context: body.context })) ?? at;
    const logs: Omit<ContactLogRecord, 'id'>[] = body.resolutions
      .map((r) => ({ r, alert: alerts.get(r.alertId)! }))
      .filter(({ alert }) => alert.writesContactLog)
      .map(({ r, alert }) => ({
        type: 'client-alert',
        subtype: alert.kind,
        clientId: client.id,
        alertId: alert.id,
        alertKind: alert.kind,
        // Made afresh by alertsFor(): the alert as it is now, kept as it was.
        alert,
        context: body.context,
        action: r.action as ContactLogRecord['action'],
        reason: r.reason?.trim() || null,
        staff: { id: viewer.id, name: viewer.name },
        locationId: viewer.locationId,
        shownAt,
        at,
        clientName: client.name,
      }));
    const signsIn = body.resolutions.some((r) => r.action === 'sign-in');
    const written = await tx.alerts.saveResolution(logs, signsIn ? { clientId: client.id, at: ctx.now() } : null);
    const result: AlertResolutionResult = {
      resolvedAt: at,
      contactLogs: written.map(({ clientName: _name, ...log }) => log),
    };
    return { status: 201, body: result };
  });
}

export const routes: Route[] = [
  {
    method: 'GET',
    path: '/clients/:id/alerts',
    handler: async (ctx) => {
      await mayViewClients(ctx);
      const q = new QueryReader(ctx.url);
      const context = q.oneOf('context', CONTEXTS) ?? 'profile';
      q.done();
      return shown(ctx, ctx.params['id']!, context);
    },
  },
  { method: 'POST', path: '/clients/:id/alert-resolutions', handler: resolve },
];
