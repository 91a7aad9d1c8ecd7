import type { Send } from '@/lib/background/messages';
import { matchPatterns } from '@/lib/facts/surfaces';
import { watchPage } from '@/lib/content/watch-page';
import { PRIVACY } from '@/lib/rules/privacy';
import { warnBeforeDeletion } from '@/lib/warning/in-page';

export default defineContentScript({
  matches: matchPatterns('privacy'),
  runAt: 'document_idle',
  main(ctx) {
    const send: Send = (message) => browser.runtime.sendMessage(message);
    const watch = watchPage(ctx, send, PRIVACY);
    ctx.onInvalidated(warnBeforeDeletion('privacy', send, watch.handle));
  },
});
