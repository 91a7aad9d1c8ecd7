import type { Send } from '@/lib/messages';
import { matchPatterns } from '@/lib/surfaces';
import { watchPage } from '@/lib/content/watch-page';
import { PLATFORM } from '@/lib/rules/platform';
import { warnBeforeDeletion } from '@/lib/warning/in-page';

export default defineContentScript({
  matches: matchPatterns('platform'),
  runAt: 'document_idle',
  main(ctx) {
    const send: Send = (message) => browser.runtime.sendMessage(message);
    const watch = watchPage(ctx, send, PLATFORM);
    ctx.onInvalidated(warnBeforeDeletion('platform', send, watch.handle));
  },
});
