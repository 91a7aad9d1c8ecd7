import { matchPatterns } from '@/lib/surfaces';
import { watchPage } from '@/lib/content/watch-page';

export default defineContentScript({
  matches: matchPatterns('privacy'),
  runAt: 'document_idle',
  main() {
    watchPage('privacy', (message) => browser.runtime.sendMessage(message));
  },
});
