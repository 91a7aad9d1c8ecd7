import type { Send } from '@/lib/messages';
import { matchPatterns } from '@/lib/surfaces';
import { watchPage } from '@/lib/content/watch-page';
import { warnBeforeDeletion } from '@/lib/warning/in-page';

export default defineContentScript({
  matches: matchPatterns('privacy'),
  runAt: 'document_idle',
  main(ctx) {
    const send: Send = (message) => browser.runtime.sendMessage(message);
    watchPage('privacy', send);
    ctx.onInvalidated(warnBeforeDeletion('privacy', send));
  },
});
