// `npm start`: the built extension in Chromium with the demo pages (the fixture site, mapped to
// the real OpenAI host names exactly as in the tests). Without a display, says where the builds are.
// Runs as a normal user: Chromium maps the host names to any port, so the demo takes a free one
// (the end-to-end tests need 443 only for Firefox, which cannot map ports).
import { chromium } from 'playwright-core';
import { startFixtureServer } from './fixture-server';
import { chromiumArgs } from './harness/browser';
import { BROWSER_BINARIES, EXTENSION_DIRS } from './harness/paths';
import { MissingRequirement } from './harness/requirements';

const builds = `Unpacked builds:\n  Chrome:  ${EXTENSION_DIRS.chromium}\n  Firefox: ${EXTENSION_DIRS.firefox}\nLoad them as README.md ("Install it by hand") explains.`;

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`No display here, so no browser to start.\n${builds}`);
  process.exit(0);
}

try {
  const executablePath = BROWSER_BINARIES.chromium;
  const server = await startFixtureServer({ port: 0 });
  const dir = EXTENSION_DIRS.chromium;
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless: false,
    viewport: null,
    args: chromiumArgs(server.port, dir),
  });
  const page = await context.newPage();
  await page.goto('https://sora.chatgpt.com/');
  console.log(`Chromium is running with Likeness Ledger and the demo pages (https://sora.chatgpt.com/, https://chatgpt.com/, …).\n${builds}\nClose the browser window to stop.`);
  context.on('close', () => void server.close().then(() => process.exit(0)));
} catch (error) {
  // What is missing, and how to install it, in one line; anything else is a bug worth its stack.
  if (!(error instanceof MissingRequirement)) throw error;
  console.error(`npm start: ${error.message}`);
  process.exit(1);
}
