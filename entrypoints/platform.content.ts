import { matchPatterns } from '@/lib/surfaces';
import { watchPage } from '@/lib/content/watch-page';

export default defineContentScript({
  matches: matchPatterns('platform'),
  runAt: 'document_idle',
  main() {
    watchPage('platform', (message) => browser.runtime.sendMessage(message));
  },
});
