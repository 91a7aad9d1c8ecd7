// @vitest-environment happy-dom
// The warning as the content scripts wire it: a background that never answers must not hold the
// user's deletion click for ever (fail open).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentMessage, ContentReply } from '@/lib/background/messages';
import { showDeletionWarning } from '@/components/in-page/warning-dialog';
import { WARNING_GLOBAL } from '@/lib/warning/in-page-global';
import { CHECKLIST_WITHIN_MS, LOAD_WITHIN_MS, warnBeforeDeletion } from '@/lib/warning/in-page';

const never = () => new Promise<ContentReply | undefined>(() => {});
const scope = globalThis as Record<string, unknown>;
const happyDOM = (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;

function page() {
  happyDOM.setURL('https://chatgpt.com/#settings/Account');
  document.body.innerHTML = `<div role="dialog"><button id="delete">Permanently delete my account</button></div>`;
  const deleted = vi.fn();
  document.getElementById('delete')!.addEventListener('click', deleted);
  return { deleted, button: document.getElementById('delete')! };
}

let stop = () => {};
afterEach(() => {
  stop();
  vi.useRealTimers();
  delete scope[WARNING_GLOBAL];
  document.querySelectorAll('[data-likeness-ledger]').forEach((n) => n.remove());
});

describe('a background that does not answer', () => {
  it('the warning cannot be loaded in time: the deletion click goes through, and the next one too', async () => {
    vi.useFakeTimers();
    const { deleted, button } = page();
    const sent: string[] = [];
    stop = warnBeforeDeletion('chatgpt', (m: ContentMessage) => (sent.push(m.type), m.type === 'warning-checklist' ? Promise.resolve({ ok: true, checklist: [] }) : never()));
    button.click();
    expect(deleted).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(LOAD_WITHIN_MS - 100);
    expect(deleted).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(deleted).toHaveBeenCalledTimes(1);
    button.click();
    await vi.advanceTimersByTimeAsync(LOAD_WITHIN_MS + 100);
    expect(deleted).toHaveBeenCalledTimes(2);
    expect(sent.filter((t) => t === 'load-warning')).toHaveLength(2);
  });

  it('the checklist does not come: the warning shows without it', async () => {
    vi.useFakeTimers();
    const { deleted, button } = page();
    scope[WARNING_GLOBAL] = showDeletionWarning;
    stop = warnBeforeDeletion('chatgpt', () => never());
    button.click();
    await vi.advanceTimersByTimeAsync(CHECKLIST_WITHIN_MS + 100);
    expect(document.querySelector('[data-likeness-ledger="warning"]')).not.toBeNull();
    expect(deleted).not.toHaveBeenCalled();
  });
});
