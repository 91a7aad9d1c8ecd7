// `npm start`: the built extension in Chromium with the demo pages (the fixture site, mapped to
// the real OpenAI host names exactly as in the tests). Without a display, says where the builds are.
import { chromium } from 'playwright-core';
import { startFixtureServer } from './fixture-server';
import { chromiumArgs } from './harness/browser';
import { BROWSER_BINARIES, EXTENSION_DIRS } from './harness/paths';

const builds = `Unpacked builds:\n  Chrome:  ${EXTENSION_DIRS.chromium}\n  Firefox: ${EXTENSION_DIRS.firefox}\nLoad them as README.md ("Install it by hand") explains.`;

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`No display here, so no browser to start.\n${builds}`);
  process.exit(0);
}

const server = await startFixtureServer();
const dir = EXTENSION_DIRS.chromium;
const context = await chromium.launchPersistentContext('', {
  executablePath: BROWSER_BINARIES.chromium,
  headless: false,
  viewport: null,
  args: chromiumArgs(server.port, dir),
});
const page = await context.newPage();
await page.goto('https://sora.chatgpt.com/');
console.log(`Chromium is running with Likeness Ledger and the demo pages (https://sora.chatgpt.com/, https://chatgpt.com/, …).\n${builds}\nClose the browser window to stop.`);
context.on('close', () => void server.close().then(() => process.exit(0)));
