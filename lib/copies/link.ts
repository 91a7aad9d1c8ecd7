/**
 * The dashboard link to the "Copies elsewhere" add form: `#copies&add=<address>`, the address
 * percent-encoded so its own `&` and `=` stay in it. Opened by the context menu
 * (lib/background/copy-menu.ts) and the popup; read by components/dashboard/copy-link.ts.
 */
export const COPIES_SECTION = 'copies';

export const addCopyHash = (address?: string) => `${COPIES_SECTION}&add=${address ? encodeURIComponent(address) : ''}`;
