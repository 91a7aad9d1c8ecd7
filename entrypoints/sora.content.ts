import type { Send } from '@/lib/background/messages';
import { askInPage, closeQuestion } from '@/components/in-page/ask';
import { watchPage } from '@/lib/content/watch-page';
import { SORA } from '@/lib/rules/sora';
import { warnBeforeDeletion } from '@/lib/warning/in-page';

export default defineContentScript({
  // Not in the manifest: registered by the background for the Sora hosts the user granted (lib/site-access/sora-access.ts).
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    // Once per page: the background also puts this script into Sora tabs open when the hosts are
    // granted, and a grant withdrawn and given again must not make two watchers of one page. The
    // mark lives in the extension's isolated world, which the page cannot read or set.
    const world = globalThis as { likenessLedgerSora?: true };
    if (world.likenessLedgerSora) return;
    world.likenessLedgerSora = true;
    const send: Send = (message) => browser.runtime.sendMessage(message);
    // Sora's rules include an ambiguous one ("Deleted" on the cameo page): it asks in the page.
    const watch = watchPage(ctx, send, SORA, { ask: (question) => askInPage(question) });
    ctx.onInvalidated(closeQuestion);
    ctx.onInvalidated(warnBeforeDeletion('sora', send, watch.handle));
  },
});
