import type { Send } from '@/lib/background/messages';
import { matchPatterns } from '@/lib/facts/surfaces';
import { watchPage } from '@/lib/content/watch-page';
import { CHATGPT } from '@/lib/rules/chatgpt';
import { warnBeforeDeletion } from '@/lib/warning/in-page';

export default defineContentScript({
  matches: matchPatterns('chatgpt'),
  runAt: 'document_idle',
  main(ctx) {
    const send: Send = (message) => browser.runtime.sendMessage(message);
    const watch = watchPage(ctx, send, CHATGPT);
    ctx.onInvalidated(warnBeforeDeletion('chatgpt', send, watch.handle));
  },
});
