/**
 * Used when a page did not show whose account it is. Its own module (no schemas here) so that
 * content scripts can use it without pulling the validation code into their bundles.
 */
export const UNKNOWN_HANDLE = 'unknown';
