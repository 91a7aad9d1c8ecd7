// The warning's borders and focus ring against its background, in the light and the dark theme:
// WCAG 1.4.11 asks 3:1 for the edges a user needs to see a control or the dialog's frame.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const THEME = readFileSync(resolve(import.meta.dirname, '../../components/theme.css'), 'utf8');

/** The custom properties of the light block (the first) and the dark block (inside the media query). */
function palette(scheme: 'light' | 'dark'): Record<string, string> {
  const dark = THEME.indexOf('@media (prefers-color-scheme: dark)');
  const block = scheme === 'light' ? THEME.slice(0, dark) : THEME.slice(dark);
  return Object.fromEntries([...block.matchAll(/(--ll-[a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
}

function luminance(hex: string) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe("the warning's edges", () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`keep 3:1 or more against the dialog's background (${scheme})`, () => {
      const p = palette(scheme);
      // Dialog frame and "Continue" (danger), "Go back" and the focus ring (accent), the line above the choices (muted).
      for (const edge of ['--ll-danger', '--ll-accent', '--ll-muted']) {
        expect(contrast(p[edge]!, p['--ll-bg']!), `${edge} on --ll-bg`).toBeGreaterThanOrEqual(3);
      }
    });
  }
});
