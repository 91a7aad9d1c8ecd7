/**
 * Runs a describe block once per real browser, with a fresh browser and profile per block.
 * Usage: inEachBrowser('popup', (h) => { it('…', async () => { const page = await h().newPage(…) }) })
 */
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { BROWSERS, launch, type Harness } from './browser';

export function inEachBrowser(title: string, body: (harness: () => Harness) => void) {
  for (const name of BROWSERS) {
    describe(`${title} [${name}]`, () => {
      let harness: Harness | undefined;
      beforeAll(async () => {
        harness = await launch(name, inject('fixturePort'));
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
}

export const fixtureUrl = (host: string, path = '/') => `https://${host}${path}`;
