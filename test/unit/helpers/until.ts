/** Waits, letting Preact render between looks, until `check` gives something, or fails after the timeout. */
import { act } from 'preact/test-utils';

export async function until<T>(check: () => T | null | undefined | false, timeoutMs = 4000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${check.toString()}`);
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
}
