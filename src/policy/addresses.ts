/** IP addresses and ranges, for groups whose members may sign in only from some places. */

const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * Whether `text` is an IPv4 or IPv6 address, or a range of them in CIDR notation
 * (`203.0.113.0/24`, `2001:db8::/32`): what a group restricted by IP address allows.
 */
export function isAddressRange(text: string): boolean {
  return parseRange(text) !== null;
}

/** An address or range as bits: 32 for IPv4, 128 for IPv6 (an IPv4-mapped IPv6 address is its IPv4 address). */
interface Range {
  family: 4 | 6;
  value: bigint;
  bits: number;
}

function ipv4Value(text: string): bigint {
  return text.split('.').reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

function ipv6Value(text: string): bigint | null {
  let address = text;
  // An IPv4 tail (`::ffff:192.0.2.1`) is its last 32 bits.
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
  if (tail) {
    if (!IPV4.test(tail)) return null;
    const v = ipv4Value(tail);
    address = `${address.slice(0, -tail.length)}${(v >> 16n).toString(16)}:${(v & 0xffffn).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  if (all.some((g) => !/^[\da-f]{1,4}$/i.test(g))) return null;
  return all.reduce((value, g) => (value << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** An address or CIDR range as bits; `null` when it is neither. */
function parseRange(text: string): Range | null {
  const [address = '', bits, ...rest] = text.trim().split('/');
  if (rest.length || (bits !== undefined && !/^\d{1,3}$/.test(bits))) return null;
  if (IPV4.test(address)) {
    const prefix = bits === undefined ? 32 : Number(bits);
    return prefix <= 32 ? { family: 4, value: ipv4Value(address), bits: prefix } : null;
  }
  if (!/^[\da-f:.]+$/i.test(address) || !address.includes(':')) return null;
  const value = ipv6Value(address);
  const prefix = bits === undefined ? 128 : Number(bits);
  if (value === null || prefix > 128) return null;
  // An IPv4-mapped address (::ffff:a.b.c.d) is that IPv4 address.
  if (value >> 32n === 0xffffn && prefix >= 96) return { family: 4, value: value & 0xffffffffn, bits: prefix - 96 };
  return { family: 6, value, bits: prefix };
}

function within(inner: Range, outer: Range): boolean {
  if (inner.family !== outer.family || inner.bits < outer.bits) return false;
  const width = inner.family === 4 ? 32 : 128;
  const shift = BigInt(width - outer.bits);
  return inner.value >> shift === outer.value >> shift;
}

/** Whether the address or range `inner` lies wholly inside the range `outer`. */
export function rangeWithin(inner: string, outer: string): boolean {
  const a = parseRange(inner);
  const b = parseRange(outer);
  return !!a && !!b && within(a, b);
}

/**
 * Whether someone at `address` may sign in under `allowed`: `null` allows every address;
 * otherwise the address must lie in one of the ranges. An address that cannot be read
 * (none known, a hostname) is allowed by no list.
 */
export function addressAllowed(address: string | null | undefined, allowed: readonly string[] | null): boolean {
  if (allowed === null) return true;
  const at = address ? parseRange(address) : null;
  if (!at || at.bits !== (at.family === 4 ? 32 : 128)) return false;
  return allowed.some((range) => {
    const r = parseRange(range);
    return !!r && within(at, r);
  });
}

/**
 * Whether the ranges `next` allow nowhere that `current` does not: every range of `next`
 * lies inside one of `current`. No list (`null`) allows everywhere, so anything narrows it
 * and it narrows nothing.
 */
export function rangesNarrow(next: readonly string[] | null, current: readonly string[] | null): boolean {
  if (current === null) return true;
  if (next === null) return false;
  return next.every((range) => current.some((outer) => rangeWithin(range, outer)));
}

/** Whether a range allows every address of its family (`0.0.0.0/0`, `::/0`): no restriction at all. */
export function isEveryAddress(range: string): boolean {
  return parseRange(range)?.bits === 0;
}
