/** Where the injected warning script leaves the dialog for the content script (their shared isolated world). */
export const WARNING_GLOBAL = '__likenessLedgerShowWarning';
