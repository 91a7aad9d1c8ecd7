/** The dashboard shows what writes bring at a pace set by what showing costs, and not while behind other tabs. */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { PACE, pacedShowing } from '@/components/dashboard/paced-showing';

let hidden = false;
let shown: number[] = [];
// Each showing takes `cost` ms of the (faked) clock, as a render would, with no timer firing meanwhile.
let cost = 0;
const make = () =>
  pacedShowing<number>(
    (v) => {
      shown.push(v);
      vi.setSystemTime(Date.now() + cost);
    },
    () => hidden,
    () => Date.now(),
  );
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
  [hidden, shown, cost] = [false, [], 0];
});
afterEach(() => vi.useRealTimers());

it('shows the first value at once, then the newest of those offered meanwhile, PACE times a showing\'s cost after it', async () => {
  cost = 500;
  const showing = make();
  showing.offer(1);
  expect(shown).toEqual([1]);
  for (const v of [2, 3, 4]) showing.offer(v);
  await wait(PACE * 500 - 10);
  expect(shown).toEqual([1]);
  await wait(20);
  expect(shown).toEqual([1, 4]);
  showing.stop();
});

it('takes no time to speak of when showing is cheap', async () => {
  cost = 2;
  const showing = make();
  showing.offer(1);
  showing.offer(2);
  await wait(PACE * 2 + 1);
  expect(shown).toEqual([1, 2]);
  showing.stop();
});

it('holds what comes while the tab is behind others, and shows the newest when it is in front again', async () => {
  const showing = make();
  showing.offer(1);
  hidden = true;
  showing.offer(2);
  showing.offer(3);
  await wait(10_000);
  expect(shown).toEqual([1]);
  hidden = false;
  showing.visibilityChanged();
  await wait(1);
  expect(shown).toEqual([1, 3]);
  showing.stop();
});

it('shows nothing once stopped', async () => {
  const showing = make();
  showing.offer(1);
  showing.offer(2);
  showing.stop();
  await wait(1000);
  expect(shown).toEqual([1]);
});
