/**
 * The masking oracle: two worlds that a masked viewer must not be able to tell apart.
 * The second has every hidden raw contact replaced by another value with the same mask;
 * both hold probe link requests whose submitted emails, chosen by an attacker, bracket a
 * hidden address. Any answer that differs between the two worlds is computed from a value
 * the viewer may not see: an ordering, a filter, a search, a count.
 */
import type { BackendData } from '../server/records.js';
import { maskEmail, maskPhone, normaliseEmail } from '../policy/policy.js';

/** FNV-1a, 32 bits, in hex: a stable stand-in that differs for different addresses. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * Another address with the same mask (first character, domain): the same for the same
 * address, so which emails match each other stays as it was.
 */
export function twinEmail(raw: string): string {
  const value = raw.trim();
  const at = value.lastIndexOf('@');
  if (at < 1) return raw;
  const twin = `${value.slice(0, 1)}zz${hash(normaliseEmail(value))}${value.slice(at)}`;
  if (maskEmail(twin) !== maskEmail(raw) || twin === value) throw new Error(`No twin for ${raw}`);
  return twin;
}

/** Another number with the same mask: every digit but the country code and the last two changes. */
export function twinPhone(raw: string): string {
  const masked = maskPhone(raw);
  const kept = (masked.match(/^\+(\d+)/)?.[1] ?? '').length + (raw.trim().startsWith('00') ? 2 : 0);
  const digitsSeen = { n: 0 };
  const total = raw.replace(/\D/g, '').length;
  const twin = raw.replace(/\d/g, (d) => {
    const index = digitsSeen.n++;
    return index < kept || index >= total - 2 ? d : String((Number(d) + 5) % 10);
  });
  if (maskPhone(twin) !== masked || twin === raw) throw new Error(`No twin for ${raw}`);
  return twin;
}

/** The hidden address the probes bracket: the first client's, who has link requests in every seed. */
export function hiddenTarget(data: BackendData): { clientId: string; email: string } {
  const client = data.clients.find((c) => c.email);
  if (!client?.email) throw new Error('The data has no client email to hide');
  return { clientId: client.id, email: client.email };
}

/**
 * Link requests an attacker files as consumers, claiming the target's profile with
 * addresses just below and above the hidden one (never the address itself: whether a
 * submitted email matches the profile is the report's purpose, an equality answer by design).
 */
export function plantProbes(data: BackendData): string[] {
  const { clientId, email } = hiddenTarget(data);
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at);
  const below = local.slice(0, -1);
  const next = String.fromCharCode(local.charCodeAt(local.length - 1) + 1);
  const locals = [
    local.slice(0, 1),
    local.slice(0, Math.ceil(local.length / 2)),
    below,
    `${below}${next}`,
    `${local}0`,
  ];
  const probes = [...new Set(locals)]
    .map((l) => `${l}${domain}`)
    .filter((p) => normaliseEmail(p) !== normaliseEmail(email));
  probes.forEach((submittedEmail, i) =>
    data.verificationRequests.push({
      id: `vr-probe-${i + 1}`,
      requestedAt: new Date(Date.parse('2026-11-19T09:00:00Z') + i * 60_000).toISOString(),
      nameEntered: 'Probe',
      submittedEmail,
      clientId,
      status: 'pending',
      version: 1,
      handledBy: null,
      handledAt: null,
      approvalEmailSent: false,
    }),
  );
  return probes;
}

/** Replaces every raw contact the viewer may not see by its twin; the probes are the attacker's own and stay. */
export function twinContacts(data: BackendData): void {
  for (const client of data.clients) {
    if (client.email) client.email = twinEmail(client.email);
    if (client.phone) client.phone = twinPhone(client.phone);
  }
  for (const request of data.verificationRequests) {
    if (!request.id.startsWith('vr-probe-')) request.submittedEmail = twinEmail(request.submittedEmail);
  }
}

/** The two worlds, set up on the same seed: as seeded with probes, and the same with every hidden value twinned. */
export const WORLDS = {
  seeded: (data: BackendData) => void plantProbes(data),
  twinned: (data: BackendData) => {
    plantProbes(data);
    twinContacts(data);
  },
} as const;
