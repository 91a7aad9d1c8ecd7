/**
 * Reads the deep link to the "Copies elsewhere" add form (lib/copies/link.ts), prefilled with an
 * address by the context menu. The address came from a page (a link on it, its own address), so
 * it is untrusted: it is read back through `sightingAddress`, never shown or stored as given.
 */
import { sightingAddress, type AddressResult } from '@/lib/copies/address';
import type { DeepLink } from './deep-link';

/** The address the link brings, checked; null when it brings none. */
export function linkedCopyAddress(link: DeepLink): AddressResult | null {
  const raw = link.params.add;
  if (!raw) return null;
  try {
    return sightingAddress(decodeURIComponent(raw));
  } catch {
    // A malformed percent-escape: not an address.
    return { ok: false, problem: 'not-an-address' };
  }
}
