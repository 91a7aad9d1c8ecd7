// Renders docs/icon/icon.svg to the PNG sizes the stores ask for (Chrome: 16, 32, 48, 128;
// Firefox: 48, 96), with Debian's Chromium. Run after editing the SVG: npx vite-node docs/icon/render.ts
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 96, 128];
const svg = readFileSync(resolve(import.meta.dirname, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: resolve(import.meta.dirname, `../../public/icon/${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
