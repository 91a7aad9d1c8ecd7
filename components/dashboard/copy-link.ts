/**
 * The deep link to the "Copies elsewhere" add form, prefilled with an address: what the context
 * menu opens (entrypoints/background.ts) and the popup's link. The address came from a page (a
 * link or video on it), so it is untrusted: it is read back through `sightingAddress`, never
 * shown or stored as given.
 */
import { sightingAddress, type AddressResult } from '@/lib/copies/address';
import type { DeepLink } from './deep-link';

export const COPIES_SECTION = 'copies';

/** `#copies&add=<address>`; the address percent-encoded, so its own `&` and `=` stay in it. */
export const addCopyHash = (address?: string) => `${COPIES_SECTION}&add=${address ? encodeURIComponent(address) : ''}`;

/** Whether the link asks for the add form, and the address it brings, checked. */
export function addCopyRequest(link: DeepLink): { open: boolean; address: AddressResult | null } {
  const raw = link.params.add;
  if (raw === undefined) return { open: false, address: null };
  if (raw === '') return { open: true, address: null };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { open: true, address: { ok: false, problem: 'not-an-address' } };
  }
  return { open: true, address: sightingAddress(decoded) };
}
