import { matchPatterns } from '@/lib/surfaces';
import { watchPage } from '@/lib/content/watch-page';

export default defineContentScript({
  matches: matchPatterns('chatgpt'),
  runAt: 'document_idle',
  main() {
    watchPage('chatgpt', (message) => browser.runtime.sendMessage(message));
  },
});
