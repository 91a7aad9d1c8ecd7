// Inside functions the harness runs in extension pages, `ext` is the extension API
// (`browser` in Firefox, `chrome` in Chromium; both promise-based in MV3).
declare var ext: typeof import('wxt/browser').browser;
