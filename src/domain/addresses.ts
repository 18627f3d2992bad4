/** IP addresses and ranges, for groups whose members may sign in only from some places. */

const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * Whether `text` is an IPv4 or IPv6 address, or a range of them in CIDR notation
 * (`203.0.113.0/24`, `2001:db8::/32`): what a group restricted by IP address allows.
 */
export function isAddressRange(text: string): boolean {
  const [address = '', bits, ...rest] = text.trim().split('/');
  if (rest.length || (bits !== undefined && !/^\d{1,3}$/.test(bits))) return false;
  if (IPV4.test(address)) return bits === undefined || Number(bits) <= 32;
  if (!/^[\da-f:.]+$/i.test(address) || !address.includes(':')) return false;
  try {
    // The URL parser knows IPv6, an embedded IPv4 tail included.
    new URL(`http://[${address}]/`);
  } catch {
    return false;
  }
  return bits === undefined || Number(bits) <= 128;
}
