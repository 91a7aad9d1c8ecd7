import { matchPatterns } from '@/lib/surfaces';
import { watchPage } from '@/lib/content/watch-page';

export default defineContentScript({
  matches: matchPatterns('sora'),
  runAt: 'document_idle',
  main() {
    watchPage('sora', (message) => browser.runtime.sendMessage(message));
  },
});
