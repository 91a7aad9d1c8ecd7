// The in-page warning, injected on demand into the frame that is about to delete an account
// (lib/warning/in-page.ts asks the background for it). Content scripts of one extension share
// their isolated world, so the content script finds the warning here; the page never sees it.
import { showDeletionWarning } from '@/components/in-page/warning-dialog';
import { WARNING_GLOBAL } from '@/lib/warning/in-page-global';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[WARNING_GLOBAL] = showDeletionWarning;
});
