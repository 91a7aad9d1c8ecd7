// Copies the screenshots the README shows from the end-to-end tests' ignored folder into
// docs/screenshots. The tests never write into docs/ themselves, so a test run leaves the work
// tree clean; run `npm test` (or the e2e files named below), look at the pictures, then this.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const FROM = join(ROOT, 'test-results/screenshots');
const TO = join(ROOT, 'docs/screenshots');

/** The README's pictures: the name the tests give each (and the test that makes it) → its name in docs/. */
const CHOSEN = {
  'popup-light.png': 'popup-light.png', // popup-dashboard.e2e.ts
  'popup-dark.png': 'popup-dark.png',
  'dashboard-light.png': 'dashboard-light.png',
  'dashboard-dark.png': 'dashboard-dark.png',
  'dashboard-access-deadlines.png': 'dashboard-access-deadlines.png',
  'warning-light.png': 'warning-light.png', // warning.e2e.ts
  'warning-dark.png': 'warning-dark.png',
  'after-sora-popup-card.png': 'after-sora-popup-card.png', // after-sora.e2e.ts
  'after-sora-flow.png': 'after-sora-flow.png',
  'draft-chromium-light.png': 'draft-light.png', // drafts.e2e.ts
};

const missing = Object.keys(CHOSEN).filter((name) => !existsSync(join(FROM, name)));
if (missing.length > 0) {
  console.error(`Not made yet (run the end-to-end tests first): ${missing.join(', ')}`);
  process.exit(1);
}
mkdirSync(TO, { recursive: true });
for (const [name, as] of Object.entries(CHOSEN)) copyFileSync(join(FROM, name), join(TO, as));
console.log(`Copied ${Object.keys(CHOSEN).length} screenshots into docs/screenshots.`);
