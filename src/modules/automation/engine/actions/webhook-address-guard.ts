import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type { Agent } from 'undici';

/**
 * Webhook URLs are entered by staff, so a webhook must not become a way to reach the instance's own
 * network (database, PgBouncer, cloud metadata at 169.254.169.254). Addresses are checked when the
 * connection is made (in the resolver the socket uses), not before: a name that resolves to a
 * public address at save time and to a private one later (DNS rebinding) is refused too.
 */
// Separate lists: a BlockList also matches IPv4 addresses against IPv4-mapped IPv6 rules.
const NON_PUBLIC_V4 = new BlockList();
const NON_PUBLIC_V6 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) NON_PUBLIC_V4.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['::ffff:0:0', 96], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32],
  ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const) NON_PUBLIC_V6.addSubnet(network, prefix, 'ipv6');

/** True for an address on the public internet; false for loopback, private, link-local, reserved. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return isPublicAddress(mapped[1]);
    return !NON_PUBLIC_V6.check(address, 'ipv6');
  }
  return !NON_PUBLIC_V4.check(address, 'ipv4');
}

export class NonPublicAddressError extends Error {
  override readonly name = 'NonPublicAddressError';
  constructor(readonly host: string, readonly address: string) {
    super(`the webhook host ${host} resolves to ${address}, which is not a public internet address (set WEBHOOK_ALLOW_PRIVATE_NETWORKS=true only where internal receivers are intended)`);
  }
}

const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused) return callback(new NonPublicAddressError(hostname, refused.address), '', 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    return callback(null, addresses[0].address, addresses[0].family);
  });
};

/** Refuses an IP-literal URL host at once (the resolver is not asked for literals). */
export function assertPublicLiteralHost(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && !isPublicAddress(host)) throw new NonPublicAddressError(url.hostname, host);
}

/** The HTTP dispatcher webhooks use: every connection's resolved address must be public. */
export function publicOnlyDispatcher(): Agent {
  const { Agent: PublicOnlyAgent } = require('undici') as typeof import('undici');
  return new PublicOnlyAgent({ connect: { lookup: publicOnlyLookup } });
}
