// @vitest-environment happy-dom
// The guard with the real dialog, on a page that takes the warning away (issue 18: before, the
// promise never settled and 0 of 5 deletion clicks went through).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showDeletionWarning } from '@/components/in-page/warning-dialog';
import { guardDeletions } from '@/lib/warning/guard';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function page() {
  document.body.innerHTML = `<form id="f"><input value="DELETE"><button id="delete" type="submit">Permanently delete my account</button></form>`;
  const deleted = vi.fn();
  document.getElementById('f')!.addEventListener('submit', (e) => {
    e.preventDefault();
    deleted();
  });
  return { deleted, button: document.getElementById('delete')! };
}

/** A page script that does something to every warning host as soon as it appears. */
function onEveryWarning(act: (host: HTMLElement) => void) {
  const observer = new MutationObserver(() => {
    const host = document.querySelector<HTMLElement>('[data-likeness-ledger="warning"]:not([data-seen])');
    if (!host) return;
    host.setAttribute('data-seen', '');
    act(host);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  return () => observer.disconnect();
}

let stop = () => {};
afterEach(() => stop());

describe('a page that takes the warning away', () => {
  for (const [name, act] of [
    ['removes it', (host: HTMLElement) => host.remove()],
    ['hides what it sits in', () => (document.documentElement.style.display = 'none')],
  ] as const) {
    it(`${name}: every deletion click goes through, and none is logged as a warning shown`, async () => {
      const { deleted, button } = page();
      const logChoice = vi.fn();
      const unguard = guardDeletions({ surface: 'chatgpt', checklist: async () => [], show: showDeletionWarning, logChoice });
      const unwatch = onEveryWarning(act);
      stop = () => {
        unguard();
        unwatch();
        document.documentElement.style.display = '';
      };
      for (let i = 1; i <= 5; i += 1) {
        button.click();
        await vi.waitFor(() => expect(deleted).toHaveBeenCalledTimes(i), { timeout: 3000 });
        document.documentElement.style.display = '';
      }
      expect(logChoice).not.toHaveBeenCalled();
      await sleep(50);
      expect(document.querySelector('[data-likeness-ledger="warning"]')).toBeNull();
    });
  }
});
