import { describe, expect, it } from 'vitest';
import { COPY_MENU_ID, copyAddressOf, copyMenuPath, startCopyMenu, type MenuClick } from '@/lib/background/copy-menu';
import { parseDeepLink } from '@/components/dashboard/deep-link';
import { linkedCopyAddress } from '@/components/dashboard/copy-link';
import { addressWithHandleReplaced, sightingAddress } from '@/lib/copies/address';
import { ROUTES, TAKEDOWN_ROUTES, routesFor } from '@/lib/copies/routes';
import { screenshotSha256 } from '@/lib/copies/screenshot';
import { copiesOf, inFilter } from '@/lib/copies/sightings';
import { loadSummaryInputs, recordEvent } from '@/lib/ledger/ledger';
import { effectiveEvents } from '@/lib/ledger/relations';
import { computeWindows, nextDueMoment, windowsClosedUnverified } from '@/lib/deadlines/windows';
import { ev } from '../helpers/events';
import { freshDb } from '../helpers/report-fixtures';

const BERLIN = 'Europe/Berlin';
const at = Date.parse;

describe('a sighting address', () => {
  it.each([
    // The query stays only where it is the video's identity, without tracking parameters.
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&si=track&t=42#comments', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube'],
    ['https://m.youtube.com/watch?feature=share&v=abc', 'https://m.youtube.com/watch?v=abc', 'youtube'],
    ['https://youtu.be/abc?si=xyz', 'https://youtu.be/abc', 'youtube'],
    ['https://www.youtube.com/shorts/abc?feature=share', 'https://www.youtube.com/shorts/abc', 'youtube'],
    ['https://www.facebook.com/watch/?v=123&ref=sharing', 'https://www.facebook.com/watch/?v=123', 'facebook'],
    ['https://www.tiktok.com/@someone/video/7?is_from_webapp=1#x', 'https://www.tiktok.com/@someone/video/7', 'tiktok'],
    ['https://twitter.com/someone/status/1?s=20', 'https://twitter.com/someone/status/1', 'x'],
    // A query elsewhere is dropped even if it is named v: only YouTube's /watch and Facebook's name a video by it.
    ['https://example.com/watch?v=1&token=secret', 'https://example.com/watch', 'other'],
    ['https://user:pass@example.com/a', 'https://example.com/a', 'other'],
    ['  http://notyoutube.com/watch?v=1 ', 'http://notyoutube.com/watch', 'other'],
  ])('%s is kept as %s on %s', (raw, address, platform) => {
    expect(sightingAddress(raw)).toEqual({ ok: true, address, platform });
  });

  it.each([
    ['javascript:alert(1)', 'not-http'],
    ['data:text/html,<script>1</script>', 'not-http'],
    ['file:///home/me/video.mp4', 'not-http'],
    ['chrome-extension://abc/dashboard.html', 'not-http'],
    ['not an address', 'not-an-address'],
    ['', 'not-an-address'],
    [`https://example.com/${'a'.repeat(2100)}`, 'too-long'],
  ])('%s is refused: %s', (raw, problem) => {
    expect(sightingAddress(raw)).toEqual({ ok: false, problem });
  });

  it.each([
    ['https://www.tiktok.com/@alice.b/video/7', 'https://www.tiktok.com/@person-1/video/7'],
    ['https://www.youtube.com/@alice/shorts', 'https://www.youtube.com/@person-1/shorts'],
    ['https://x.com/alice/status/1', 'https://x.com/person-1/status/1'],
    ['https://www.instagram.com/alice/reel/1', 'https://www.instagram.com/person-1/reel/1'],
    // Paths that name no one stay as they are.
    ['https://www.instagram.com/reel/1', 'https://www.instagram.com/reel/1'],
    ['https://www.youtube.com/watch?v=abc', 'https://www.youtube.com/watch?v=abc'],
    ['https://example.com/alice/1', 'https://example.com/alice/1'],
  ])('in a pseudonymised export %s becomes %s', (address, expected) => {
    expect(addressWithHandleReplaced(address, () => 'person-1')).toBe(expected);
  });
});

describe('the takedown routes', () => {
  it.each(TAKEDOWN_ROUTES)('%s has a source with a date, a clock and what its notice contains', (id) => {
    const route = ROUTES[id];
    expect(route.id).toBe(id);
    expect(route.source.title).not.toBe('');
    expect(route.source.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(route.clock.statement).not.toBe('');
    expect(route.contains).toContain('locate');
    if (route.url) expect(route.url).toMatch(/^https:\/\//);
  });

  it('offers the platform’s own route first, then the laws and "other"', () => {
    expect(routesFor('youtube').map((r) => r.id)).toEqual(['youtube-privacy', 'take-it-down-act', 'eu-dsa', 'gdpr-erasure', 'other']);
    expect(routesFor('other').map((r) => r.id)).toEqual(['take-it-down-act', 'eu-dsa', 'gdpr-erasure', 'other']);
  });

  it('states the clocks of the facts file: 48 hours under TAKE IT DOWN, a month under the GDPR, the user’s choice under the DSA', () => {
    expect(ROUTES['take-it-down-act'].clock).toMatchObject({ type: 'legal', length: { days: 2 }, counted: 'elapsed' });
    expect(ROUTES['gdpr-erasure'].clock).toMatchObject({ type: 'legal', length: { months: 1 }, counted: 'days' });
    expect(ROUTES['eu-dsa'].clock.type).toBe('user');
    expect(ROUTES['take-it-down-act'].intimateOnly).toBe(true);
  });
});

describe('a takedown window', () => {
  const sighting = ev('sighting-logged', { address: 'https://www.tiktok.com/@x/video/1', platform: 'tiktok', shows: 'face', madeWith: 'sora' }, '2026-12-01T09:00:00+01:00');
  const request = (route: string, when: string, extra: Record<string, unknown> = {}) => ev('takedown-requested', { sighting: sighting.id, route, ...extra }, when);

  it('under TAKE IT DOWN is due 48 hours after the request, then overdue at once (no grace days)', () => {
    const r = request('take-it-down-act', '2026-12-01T10:00:00+01:00');
    const windowAt = (now: string) => computeWindows([sighting, r], { now: at(now), timeZone: BERLIN })[0]!;
    const w = windowAt('2026-12-01T11:00:00+01:00');
    expect(w).toMatchObject({ kind: 'takedown', route: 'take-it-down-act', dueAt: at('2026-12-03T10:00:00+01:00'), status: 'due-soon' });
    expect(windowAt('2026-12-03T10:00:00.001+01:00').status).toBe('overdue');
    expect(windowsClosedUnverified([windowAt('2026-12-03T10:00:00.001+01:00')])).toHaveLength(1);
    expect(nextDueMoment([w], at('2026-12-01T11:00:00+01:00'))).toBe(at('2026-12-03T10:00:00.001+01:00'));
  });

  it('under the DSA runs for the days the user chose', () => {
    const r = request('eu-dsa', '2026-12-01T10:00:00+01:00', { remindInDays: 10 });
    const windows = (now: string) => computeWindows([sighting, r], { now: at(now), timeZone: BERLIN });
    expect(windows('2026-12-02T10:00:00+01:00')[0]).toMatchObject({ dueAt: at('2026-12-11T23:59:59.999+01:00'), status: 'open' });
    expect(windows('2026-12-09T00:00:00+01:00')[0]!.status).toBe('due-soon');
    expect(windows('2026-12-12T00:00:00+01:00')[0]!.status).toBe('overdue');
  });

  it('under the GDPR runs a month', () => {
    const r = request('gdpr-erasure', '2026-12-01T10:00:00+01:00');
    expect(computeWindows([sighting, r], { now: at('2026-12-02T00:00:00+01:00'), timeZone: BERLIN })[0]!.dueAt).toBe(at('2027-01-01T23:59:59.999+01:00'));
  });

  it('is closed by "I checked: it is gone", and by a refusal, which it remembers', () => {
    const r = request('take-it-down-act', '2026-12-01T10:00:00+01:00');
    const gone = ev('takedown-outcome', { request: r.id, outcome: 'gone-verified' }, '2026-12-05T10:00:00+01:00');
    const w = computeWindows([sighting, r, gone], { now: at('2026-12-06T00:00:00+01:00'), timeZone: BERLIN })[0]!;
    expect(w).toMatchObject({ status: 'verified', closedAt: gone.occurredAt });
    expect(w.refused).toBeUndefined();
    const refusal = ev('takedown-outcome', { request: r.id, outcome: 'refused' }, '2026-12-02T10:00:00+01:00');
    expect(computeWindows([sighting, r, refusal], { now: at('2026-12-06T00:00:00+01:00'), timeZone: BERLIN })[0]).toMatchObject({ status: 'verified', refused: true });
  });

  it('is not closed by an outcome about another request', () => {
    const r = request('take-it-down-act', '2026-12-01T10:00:00+01:00');
    const other = ev('takedown-outcome', { request: sighting.id, outcome: 'gone-verified' }, '2026-12-02T10:00:00+01:00');
    expect(computeWindows([sighting, r, other], { now: at('2026-12-06T00:00:00+01:00'), timeZone: BERLIN })[0]!.status).toBe('overdue');
  });
});

describe('the copies list', () => {
  const NOW = at('2026-12-10T12:00:00+01:00');
  const seen = (address: string, when: string) => ev('sighting-logged', { address, platform: 'other', shows: 'face', madeWith: 'unknown' }, when);
  const a = seen('https://example.com/a', '2026-12-01T09:00:00+01:00');
  const b = seen('https://example.com/b', '2026-12-02T09:00:00+01:00');
  const c = seen('https://example.com/c', '2026-12-03T09:00:00+01:00');
  const again = seen('https://example.com/a', '2026-12-09T09:00:00+01:00');
  const onA = ev('takedown-requested', { sighting: a.id, route: 'take-it-down-act' }, '2026-12-01T10:00:00+01:00');
  const goneA = ev('takedown-outcome', { request: onA.id, outcome: 'gone-verified' }, '2026-12-02T10:00:00+01:00');
  const onB = ev('takedown-requested', { sighting: b.id, route: 'take-it-down-act' }, '2026-12-02T10:00:00+01:00');
  const events = [a, b, c, again, onA, goneA, onB];
  const copies = copiesOf(events, computeWindows(events, { now: NOW, timeZone: BERLIN }));

  it('lists each sighting, newest first, with where its takedown stands; a copy seen again is a new, open sighting', () => {
    expect(copies.map((x) => [x.sighting.id, x.state])).toEqual([
      [again.id, 'no-takedown'],
      [c.id, 'no-takedown'],
      [b.id, 'overdue'],
      [a.id, 'gone'],
    ]);
    expect(copies[3]!.takedowns.map((t) => t.request.id)).toEqual([onA.id]);
  });

  it.each([
    ['all', 4],
    ['open', 3],
    ['overdue', 1],
    ['settled', 1],
  ] as const)('the filter %s shows %i', (filter, n) => {
    expect(copies.filter((x) => inFilter(x, filter))).toHaveLength(n);
  });
});

describe('the context menu', () => {
  it.each([
    // A link: its address, checked and trimmed.
    [{ linkUrl: 'https://www.youtube.com/watch?v=abc&si=t#x', pageUrl: 'https://news.example/a' }, 'https://www.youtube.com/watch?v=abc'],
    // A link that is no web address falls back to the page.
    [{ linkUrl: 'javascript:alert(1)', pageUrl: 'https://news.example/a?utm=1' }, 'https://news.example/a'],
    // A video in an embedded player: the player's frame names the video.
    [{ mediaType: 'video', frameUrl: 'https://www.youtube.com/embed/abc', pageUrl: 'https://news.example/a' }, 'https://www.youtube.com/embed/abc'],
    // An image: the post's page, not the blob: or CDN source.
    [{ mediaType: 'image', pageUrl: 'https://www.instagram.com/p/xyz/' }, 'https://www.instagram.com/p/xyz/'],
    [{ pageUrl: 'https://x.com/someone/status/1' }, 'https://x.com/someone/status/1'],
    [{ pageUrl: 'file:///home/me/a.html' }, null],
  ])('a click on %o logs %s', (click, address) => {
    expect(copyAddressOf({ menuItemId: COPY_MENU_ID, ...click })).toBe(address);
  });

  it('opens the add form with the address encoded, so the dashboard reads back exactly it', () => {
    const path = copyMenuPath({ menuItemId: COPY_MENU_ID, linkUrl: 'https://www.youtube.com/watch?v=a&b' });
    expect(path).toBe('/options.html#copies&add=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3Da');
    const link = parseDeepLink(path.split('#')[1]!, ['copies']);
    expect(link.section).toBe('copies');
    expect(linkedCopyAddress(link)).toEqual({ ok: true, address: 'https://www.youtube.com/watch?v=a', platform: 'youtube' });
    expect(copyMenuPath({ menuItemId: COPY_MENU_ID, pageUrl: 'about:blank' })).toBe('/options.html#copies&add=');
  });

  it('the dashboard refuses a link that brings a script or garbage, with the reason', () => {
    expect(linkedCopyAddress(parseDeepLink(`#copies&add=${encodeURIComponent('javascript:alert(1)')}`, ['copies']))).toEqual({ ok: false, problem: 'not-http' });
    expect(linkedCopyAddress(parseDeepLink('#copies&add=%E0%A4%A', ['copies']))).toEqual({ ok: false, problem: 'not-an-address' });
    expect(linkedCopyAddress(parseDeepLink('#copies', ['copies']))).toBeNull();
  });

  it('creates one item for pages, links, videos and images, and opens the form on its click only', async () => {
    const created: unknown[] = [];
    let listener: ((info: MenuClick) => void) | undefined;
    const opened: string[] = [];
    const menu = startCopyMenu(
      { removeAll: async () => void created.splice(0), create: (item) => created.push(item), onClicked: { addListener: (fn) => void (listener = fn) } },
      { title: () => 'Log', open: async (p) => opened.push(p) },
    );
    await menu.create();
    await menu.create();
    expect(created).toEqual([{ id: COPY_MENU_ID, title: 'Log', contexts: ['page', 'link', 'video', 'image'] }]);
    listener!({ menuItemId: 'other', pageUrl: 'https://a.example/' });
    listener!({ menuItemId: COPY_MENU_ID, pageUrl: 'https://a.example/' });
    expect(opened).toEqual(['/options.html#copies&add=https%3A%2F%2Fa.example%2F']);
  });
});

describe('the summary the background reminds from', () => {
  it('holds a takedown while it runs, and knows when it is closed', async () => {
    const db = freshDb();
    const seen = ev('sighting-logged', { address: 'https://example.com/v', platform: 'other', shows: 'face', madeWith: 'sora' }, '2026-12-01T09:00:00Z');
    const asked = ev('takedown-requested', { sighting: seen.id, route: 'take-it-down-act' }, '2026-12-01T10:00:00Z');
    for (const e of [seen, asked]) await recordEvent(db, e);
    const options = { now: at('2026-12-04T00:00:00Z'), timeZone: BERLIN };
    const running = computeWindows(effectiveEvents((await loadSummaryInputs(db, 0)).events), options);
    expect(running.map((w) => [w.id, w.status])).toEqual([[asked.id, 'overdue']]);
    await recordEvent(db, ev('takedown-outcome', { request: asked.id, outcome: 'gone-verified' }, '2026-12-04T10:00:00Z'));
    const closed = computeWindows(effectiveEvents((await loadSummaryInputs(db, 0)).events), options);
    expect(windowsClosedUnverified(closed)).toEqual([]);
  });
});

describe('a screenshot is kept only as its SHA-256', () => {
  it('is the SHA-256 of the file’s bytes, the same as of the same text', async () => {
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(await screenshotSha256(new Blob(['abc']))).toBe(abc);
    expect(await screenshotSha256(new Blob([new Uint8Array([0x61, 0x62, 0x63])]))).toBe(abc);
  });
});
