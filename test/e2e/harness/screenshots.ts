// Screenshots made by the end-to-end tests: the sample ledger they show, and cutting a page's
// screenshot to the part that matters (the README's images, the store's).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { NewEvent } from '@/lib/ledger/events';
import type { Harness, Page } from './browser';
import { SCREENSHOTS } from './paths';

/** The account the sample ledger's Sora entries belong to. */
export const SAMPLE_ACCOUNT = { service: 'sora', handle: '@maya' } as const;

/**
 * A ledger that looks lived in, and true to the time: a Sora life that ends before Sora closed
 * (26 April 2026) — grants and a revocation, the cameo deleted two weeks before the closure, its
 * purge never confirmed — and a ChatGPT account whose deletion is long overdue and whose privacy
 * request is running now. Entered as the popup enters them (the background's "record"), so the
 * ledger keeps its summary as it always does.
 */
export async function seedSampleLedger(h: Harness) {
  const day = 86_400_000;
  const now = Date.now();
  const work = { service: 'chatgpt', handle: 'maya.k@work' } as const;
  // Sora's part on fixed dates (noon UTC, so no time zone moves a day); ChatGPT's relative to now.
  const on = (date: string) => Date.parse(`${date}T12:00:00Z`);
  const make = (e: Partial<NewEvent> & Pick<NewEvent, 'kind' | 'details'>, at: number) =>
    ({ account: SAMPLE_ACCOUNT, evidence: {}, occurredAt: at, ...e }) as Omit<NewEvent, 'source'>;
  const events = [
    make({ kind: 'cameo-created', details: {} }, on('2025-11-08')),
    make({ kind: 'audience-changed', details: { before: 'only-me', after: 'people-i-approve' } }, on('2025-11-10')),
    make({ kind: 'access-granted', details: { person: '@lena' } }, on('2025-11-21')),
    make({ kind: 'access-granted', details: { person: '@tom' } }, on('2026-01-09')),
    make({ kind: 'access-revoked', details: { person: '@tom' } }, on('2026-02-14')),
    make({ kind: 'appearance-seen', details: { by: '@tom', where: 'draft' } }, on('2026-02-20')),
    make({ kind: 'access-granted', details: { person: '@sami' } }, on('2026-03-27')),
    make({ kind: 'cameo-deleted', details: {} }, on('2026-04-12')),
    make({ kind: 'account-deletion-requested', details: { linkedAccounts: ['sora', 'api-platform'] }, account: work }, now - 52 * day),
    make({ kind: 'privacy-request-sent', details: { law: 'gdpr', channel: 'privacy-portal', request: 'erasure' }, account: work }, now - 12 * day),
  ];
  for (const event of events) {
    const reply = await h.inExtension((e) => ext.runtime.sendMessage({ type: 'record', event: e }) as Promise<{ ok: boolean }>, event);
    expect(reply.ok).toBe(true);
  }
}

/**
 * A screenshot of the part of the page that matters: the popup's width, the sections asked for.
 * Into the tests' screenshot folder (`npm run screenshots` copies the README's into docs/), or `dir`.
 */
export async function shoot(page: Page, name: string, selector: string, options: { fromTop?: boolean; dir?: string } = {}) {
  const box = await page.evaluate(
    ([sel, fromTop]) => {
      const boxes = [...document.querySelectorAll(sel)].map((el) => el.getBoundingClientRect());
      const top = fromTop ? 0 : Math.min(...boxes.map((b) => b.top + scrollY));
      const bottom = Math.max(...boxes.map((b) => b.bottom + scrollY));
      const left = fromTop ? 0 : Math.max(0, Math.min(...boxes.map((b) => b.left)) - 16);
      const width = (sel === '.popup' ? Math.max(...boxes.map((b) => b.right)) : document.documentElement.clientWidth) - left;
      return { x: Math.floor(left), y: Math.max(0, Math.floor(top) - (fromTop ? 0 : 16)), width: Math.ceil(width), height: Math.ceil(bottom - top) + (fromTop ? 16 : 32) };
    },
    [selector, options.fromTop ?? false] as const,
  );
  const source = await fullPage(page);
  const height = Math.min(box.height, source.height - box.y);
  const out = new PNG({ width: box.width, height });
  PNG.bitblt(source, out, box.x, box.y, box.width, height, 0, 0);
  writeFileSync(join(options.dir ?? SCREENSHOTS, name), PNG.sync.write(out));
}

/** The whole page (or with `viewport`, what the viewport shows) as an image, to cut from. */
export async function fullPage(page: Page, options?: { viewport?: boolean }): Promise<PngImage> {
  const full = join(tmpdir(), `ll-full-${process.pid}-${Date.now()}.png`);
  await page.screenshot(full, options);
  const image = PNG.sync.read(readFileSync(full));
  rmSync(full);
  return image;
}

export interface PngImage {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Buffer;
}
interface PngCodec {
  new (options: { width: number; height: number }): PngImage;
  sync: { read(buffer: Buffer): PngImage; write(png: PngImage): Buffer };
  bitblt(src: PngImage, dst: PngImage, srcX: number, srcY: number, width: number, height: number, deltaX: number, deltaY: number): void;
}

/** Playwright's own PNG codec, to cut and compose screenshots. */
export const { PNG } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle') as { PNG: PngCodec };
