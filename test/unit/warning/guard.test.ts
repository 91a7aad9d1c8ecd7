// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ATTEMPT_MS, guardDeletions } from '@/lib/warning/guard';
import type { WarningChoice, WarningOptions } from '@/lib/warning/choice';

/** A page with ChatGPT's last deletion step: the button that deletes, and a form around it. */
function page() {
  document.body.innerHTML = `
    <form id="f"><input id="confirm" value="DELETE"><button id="delete" type="submit">Permanently delete my account</button></form>
    <button id="other">Cancel</button>`;
  const deleted = vi.fn();
  document.getElementById('f')!.addEventListener('submit', (e) => {
    e.preventDefault();
    deleted();
  });
  return { deleted, button: document.getElementById('delete')!, other: document.getElementById('other')! };
}

let clock = 1_800_000_000_000;
let answer: (choice: WarningChoice) => void = () => {};
const deps = () => ({
  surface: 'chatgpt' as const,
  checklist: vi.fn(async () => [{ id: 'cameo-not-deleted' as const }]),
  show: vi.fn((_options: WarningOptions) => new Promise<WarningChoice>((resolve) => (answer = resolve))),
  logChoice: vi.fn(),
  now: () => clock,
});
const settle = () => new Promise((r) => setTimeout(r, 0));

let stop: () => void = () => {};
beforeEach(() => (clock = 1_800_000_000_000));
afterEach(() => stop());

describe('the deletion guard', () => {
  it('holds back the destructive click until the user chooses; Go back sends nothing', async () => {
    const { deleted, button } = page();
    const d = deps();
    stop = guardDeletions(d);
    button.click();
    await settle();
    expect(d.show).toHaveBeenCalledTimes(1);
    expect(d.show.mock.calls[0]![0].checklist).toEqual([{ id: 'cameo-not-deleted' }]);
    expect(deleted).not.toHaveBeenCalled();
    answer('go-back');
    await settle();
    expect(deleted).not.toHaveBeenCalled();
    expect(d.logChoice).toHaveBeenCalledWith(expect.objectContaining({ id: 'chatgpt.delete-account.confirm' }), 'go-back');
    // A new attempt warns again.
    button.click();
    await settle();
    expect(d.show).toHaveBeenCalledTimes(2);
  });

  it("Continue lets the page's own flow go on, once per attempt", async () => {
    const { deleted, button } = page();
    const d = deps();
    stop = guardDeletions(d);
    button.click();
    await settle();
    answer('continue');
    await settle();
    expect(deleted).toHaveBeenCalledTimes(1);
    expect(d.logChoice).toHaveBeenCalledWith(expect.anything(), 'continue');
    // A retry within the attempt passes without a second warning…
    button.click();
    expect(deleted).toHaveBeenCalledTimes(2);
    expect(d.show).toHaveBeenCalledTimes(1);
    // …a later one is a new attempt.
    clock += ATTEMPT_MS + 1;
    button.click();
    await settle();
    expect(d.show).toHaveBeenCalledTimes(2);
    expect(deleted).toHaveBeenCalledTimes(2);
  });

  it('catches implicit submission by Enter, which browsers turn into a click on the submit button', async () => {
    const { deleted, button } = page();
    const d = deps();
    stop = guardDeletions(d);
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 0 }));
    await settle();
    expect(d.show).toHaveBeenCalledTimes(1);
    expect(deleted).not.toHaveBeenCalled();
  });

  it('leaves every other button alone, and warns once however often the step is clicked while showing', async () => {
    const { other, button } = page();
    const d = deps();
    stop = guardDeletions(d);
    const otherClicked = vi.fn();
    other.addEventListener('click', otherClicked);
    other.click();
    expect(otherClicked).toHaveBeenCalled();
    button.click();
    button.click();
    await settle();
    expect(d.show).toHaveBeenCalledTimes(1);
  });

  it('fails open: if the warning cannot be shown, the click goes through', async () => {
    const { deleted, button } = page();
    const d = { ...deps(), show: vi.fn(async (_options: WarningOptions): Promise<WarningChoice> => Promise.reject(new Error('broken'))) };
    stop = guardDeletions(d);
    button.click();
    await settle();
    await settle();
    expect(deleted).toHaveBeenCalledTimes(1);
  });

  it('shows the warning without a checklist when the ledger cannot be read', async () => {
    const { button } = page();
    const d = { ...deps(), checklist: vi.fn(async () => Promise.reject(new Error('background asleep'))) };
    stop = guardDeletions(d);
    button.click();
    await settle();
    expect(d.show.mock.calls[0]![0].checklist).toEqual([]);
  });
});
