import type { Send } from '@/lib/messages';
import { matchPatterns } from '@/lib/surfaces';
import { watchPage } from '@/lib/content/watch-page';
import { warnBeforeDeletion } from '@/lib/warning/in-page';

export default defineContentScript({
  matches: matchPatterns('chatgpt'),
  runAt: 'document_idle',
  main(ctx) {
    const send: Send = (message) => browser.runtime.sendMessage(message);
    watchPage('chatgpt', send);
    ctx.onInvalidated(warnBeforeDeletion('chatgpt', send));
  },
});
