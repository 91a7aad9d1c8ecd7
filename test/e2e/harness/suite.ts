/**
 * Runs a describe block once per real browser, with a fresh browser and profile per block.
 * Usage: inEachBrowser('popup', (h) => { it('…', async () => { const page = await h().newPage(…) }) })
 */
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { BROWSERS, launch, waitForSoraScript, type BrowserName, type Harness, type LaunchOptions } from './browser';

export function inEachBrowser(title: string, body: (harness: () => Harness) => void, options: LaunchOptions = {}) {
  for (const name of BROWSERS) onlyIn(name, title, body, options);
}

/** The same, in one browser only: for behaviour that differs by browser (Chrome's notification buttons, say). */
export function onlyIn(name: BrowserName, title: string, body: (harness: () => Harness) => void, options: LaunchOptions = {}) {
  describe(`${title} [${name}]`, () => {
    let harness: Harness | undefined;
    beforeAll(async () => {
      harness = await launch(name, inject('fixturePort'), options);
      // The background registers the Sora script at its start: pages opened before that are not watched.
      if (options.soraGranted) await waitForSoraScript(harness);
    });
    afterAll(async () => {
      await harness?.close();
    });
    body(() => {
      if (!harness) throw new Error(`${name} did not start`);
      return harness;
    });
  });
}

export const fixtureUrl = (host: string, path = '/') => `https://${host}${path}`;
