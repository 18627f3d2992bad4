/**
 * The server's cryptography, all Web Crypto (Node 20, Deno, Bun, workers and browsers
 * alike): SHA-256 fingerprints, HMAC-signed cursors, random tokens and PBKDF2 password
 * hashes.
 */

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[\w-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export { base64url, fromBase64url };

/** SHA-256 of a text, hex. */
export async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** `bytes` random bytes, base64url: a session token, a salt, a secret. */
export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Signs and checks texts with one secret (HMAC-SHA-256): what makes a cursor opaque and unforgeable. */
export class Signer {
  readonly #key: Promise<CryptoKey>;

  constructor(secret: string) {
    this.#key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
  }

  async sign(text: string): Promise<string> {
    return base64url(new Uint8Array(await crypto.subtle.sign('HMAC', await this.#key, encoder.encode(text))));
  }

  /** Whether `signature` is this secret's for `text` (compared in constant time by Web Crypto). */
  async verify(text: string, signature: string): Promise<boolean> {
    const bytes = fromBase64url(signature);
    return !!bytes && crypto.subtle.verify('HMAC', await this.#key, bytes, encoder.encode(text));
  }
}

/** PBKDF2 with SHA-256 iterations OWASP's password storage guide asks for (2023). */
export const PASSWORD_ITERATIONS = 600_000;

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password.normalize('NFC')), 'PBKDF2', false, [
    'deriveBits',
  ]);
  return new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256),
  );
}

/** A password as a backend keeps it: `pbkdf2-sha256$<iterations>$<salt>$<hash>`, never the password. */
export async function hashPassword(password: string, iterations = PASSWORD_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `pbkdf2-sha256$${iterations}$${base64url(salt)}$${base64url(await derive(password, salt, iterations))}`;
}

/** Whether `password` is the one `hashPassword` made `stored` of; `false` for anything it did not make. */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const [scheme, rounds, saltText, hashText] = (stored ?? '').split('$');
  const salt = fromBase64url(saltText ?? '');
  const iterations = Number(rounds);
  if (scheme !== 'pbkdf2-sha256' || !salt || !hashText || !Number.isInteger(iterations) || iterations < 1) return false;
  const derived = base64url(await derive(password, salt, iterations));
  // Same length by construction; compare every character whatever the first difference.
  let difference = derived.length ^ hashText.length;
  for (let i = 0; i < derived.length; i++) difference |= derived.charCodeAt(i) ^ (hashText.charCodeAt(i) || 0);
  return difference === 0;
}

/** A password hash of nothing anyone can type, verified against when a username is unknown so that both take as long. */
export const DECOY_HASH = 'pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
