/**
 * The Security Verification report (MINDBODY): link requests from consumer accounts,
 * each with the email entered beside the profile's, masked for a viewer who may not see
 * contacts and ordered by what that viewer receives. Every page of it, and its export,
 * is on record: a first page records the opening; a later page of the same filters is
 * tied to the viewer's opening of them in the last hour, or recorded as one.
 */
import type { Page, VerificationRequest } from '../../core/types.js';
import { contactForViewer, emailsMatch } from '../../policy/policy.js';
import type { RequestContext } from '../context.js';
import { checkFields, conflict, ifMatch, invalid, notFound } from '../http.js';
import type { ClientRecord, VerificationRecord } from '../records.js';
import { exportFile, MAX_EXPORT_ROWS } from '../reports/export.js';
import { accessFingerprint, recordAccess } from '../reports/paging.js';
import { exportFormat, MAX_PAGE, verificationQuery } from '../reports/queries.js';
import { mayOpen } from '../reports/routes.js';
import type { Route } from '../router.js';
import type { Storage } from '../storage.js';

/** How long after opening the report its later pages count as the same opening. */
const SAME_OPENING = 3_600_000;

export function requestView(
  request: VerificationRecord,
  client: ClientRecord | undefined,
  visible: boolean,
): VerificationRequest {
  const profileEmail = client?.email ?? null;
  return {
    id: request.id,
    requestedAt: request.requestedAt,
    nameEntered: request.nameEntered,
    submittedEmail: contactForViewer(request.submittedEmail, 'email', visible) ?? { value: '', masked: false },
    client: { id: request.clientId, name: client?.name ?? '' },
    profileEmail: contactForViewer(profileEmail, 'email', visible),
    // The one answer computed from hidden values: whether one exact address is the profile's.
    emailMatch: profileEmail
      ? emailsMatch(profileEmail, request.submittedEmail)
        ? 'match'
        : 'mismatch'
      : 'no-profile-email',
    status: request.status,
    version: request.version,
    handledBy: request.handledBy ? { ...request.handledBy } : null,
    handledAt: request.handledAt,
    approvalEmailSent: request.approvalEmailSent,
  };
}

async function list(ctx: RequestContext): Promise<Page<VerificationRequest>> {
  const viewer = await mayOpen(ctx, 'security-verification');
  const visible = await ctx.seesContacts();
  const { search, filters, limit, offset } = verificationQuery(ctx.url.searchParams);
  const page = await ctx.storage.verification.requestPage({ ...search, masked: !visible }, offset, limit);
  // The rows go out only once this opening, or the one it continues, is on record.
  const opening =
    offset > 0
      ? await ctx.storage.audit.latestAccess(
          viewer.id,
          'security-verification',
          await accessFingerprint('security-verification', filters, !visible),
          new Date(ctx.now() - SAME_OPENING).toISOString(),
        )
      : undefined;
  if (!opening) await recordAccess(ctx, { report: 'security-verification', filters, masked: !visible });
  return {
    items: page.items.map(({ request, client }) => requestView(request, client, visible)),
    total: page.total,
    offset,
    limit,
  };
}

async function exportRequests(ctx: RequestContext) {
  await mayOpen(ctx, 'security-verification');
  const visible = await ctx.seesContacts();
  const format = exportFormat(ctx.url.searchParams);
  const { search, filters } = verificationQuery(ctx.url.searchParams);
  const items: VerificationRequest[] = [];
  // Page by page, in the list's order, to the end.
  for (let total = 1; items.length < total;) {
    const page = await ctx.storage.verification.requestPage({ ...search, masked: !visible }, items.length, MAX_PAGE);
    if (page.total > MAX_EXPORT_ROWS)
      throw invalid({
        filters: `Narrow the filters: an export holds at most ${MAX_EXPORT_ROWS.toLocaleString('en')} rows`,
      });
    if (!page.items.length) break;
    items.push(...page.items.map(({ request, client }) => requestView(request, client, visible)));
    total = page.total;
  }
  return exportFile(ctx, {
    report: 'security-verification',
    filters,
    masked: !visible,
    format,
    entries: items,
    header: [
      'Requested',
      'Name entered',
      'Email entered',
      'Client',
      'Email match',
      'Status',
      'Handled by',
      'Handled at',
    ],
    cells: (r) => [
      r.requestedAt,
      r.nameEntered,
      r.submittedEmail.value,
      r.client.name,
      r.emailMatch,
      r.status,
      r.handledBy?.name ?? '',
      r.handledAt ?? '',
    ],
  });
}

/** Applies `change` to a pending request at the expected version. */
async function act(
  ctx: RequestContext,
  shape: Parameters<typeof checkFields>[1],
  change: (
    request: VerificationRecord,
    client: ClientRecord | undefined,
    body: Record<string, unknown>,
    tx: Storage,
  ) => Promise<VerificationRecord>,
): Promise<Response> {
  await mayOpen(ctx, 'security-verification');
  const visible = await ctx.seesContacts();
  const version = ifMatch(ctx.request);
  const { value } = await ctx.body();
  const errors = checkFields(value, shape);
  if (Object.keys(errors).length) throw invalid(errors);
  return ctx.write(async (tx) => {
    const found = await tx.verification.request(ctx.params['id']!);
    if (!found) throw notFound('No such request');
    const { request, client } = found;
    if (request.version !== version || request.status !== 'pending')
      throw conflict(requestView(request, client, visible), 'This request was already handled');
    const next = await change(request, client, value as Record<string, unknown>, tx);
    if (!(await tx.verification.saveRequest(next, version)))
      throw conflict(requestView(request, client, visible), 'This request was already handled');
    await ctx.audit(tx, next.status === 'verified' ? 'verification.verified' : 'verification.declined', {
      changes: { status: { old: request.status, new: next.status } },
      metadata: { request: request.id },
    });
    return { body: requestView(next, client, visible) };
  });
}

export const routes: Route[] = [
  { method: 'GET', path: '/verification-requests', handler: list },
  { method: 'GET', path: '/verification-requests/export', handler: exportRequests },
  {
    method: 'POST',
    path: '/verification-requests/:id/verify',
    handler: async (ctx) => {
      const viewer = await ctx.viewer();
      return act(
        ctx,
        { 'sendApprovalEmail?': 'boolean', 'acknowledgeMismatch?': 'boolean' },
        async (request, client, body, tx) => {
          const matches = !!client?.email && emailsMatch(client.email, request.submittedEmail);
          if (!matches && body['acknowledgeMismatch'] !== true)
            throw invalid({ acknowledgeMismatch: 'The emails do not match: verifying needs an explicit confirmation' });
          const at = ctx.iso();
          const approvalEmailSent = body['sendApprovalEmail'] === true;
          if (approvalEmailSent)
            await tx.verification.sendEmail({
              to: request.submittedEmail,
              template: 'security-verification-approved',
              at,
            });
          return {
            ...request,
            status: 'verified',
            version: request.version + 1,
            handledBy: { id: viewer.id, name: viewer.name },
            handledAt: at,
            approvalEmailSent,
          };
        },
      );
    },
  },
  {
    method: 'POST',
    path: '/verification-requests/:id/decline',
    handler: async (ctx) => {
      const viewer = await ctx.viewer();
      return act(ctx, {}, async (request) => ({
        ...request,
        status: 'declined',
        version: request.version + 1,
        handledBy: { id: viewer.id, name: viewer.name },
        handledAt: ctx.iso(),
      }));
    },
  },
];
