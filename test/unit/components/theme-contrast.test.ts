// The theme's colours (components/theme.css), measured as WCAG measures them: the edge of every
// field and button stands out 3:1 or more from what it sits on (1.4.11), light and dark.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CSS = readFileSync(resolve(import.meta.dirname, '../../../components/theme.css'), 'utf8');

/** The colour tokens set in the first `{…}` block after `marker` (a rule, or a media query's rule). */
function tokensAfter(marker: string): Record<string, string> {
  const at = CSS.indexOf(marker);
  expect(at, marker).toBeGreaterThanOrEqual(0);
  const open = CSS.indexOf(':root, :host {', at);
  const block = CSS.slice(open, CSS.indexOf('}', open));
  return Object.fromEntries([...block.matchAll(/(--ll-[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const light = tokensAfter(':root, :host {');
// Dark mode sets some tokens again; the others stay as in light.
const dark = { ...light, ...tokensAfter('@media (prefers-color-scheme: dark)') };

describe('form controls stand out from the page', () => {
  it('measures as WCAG does (white on black is 21:1, the old border was 1.44:1)', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#d4d7dd', '#ffffff')).toBeCloseTo(1.44, 2);
  });

  for (const [scheme, theme] of Object.entries({ light, dark })) {
    it(`fields and buttons have edges of 3:1 or more against the page and the surface (${scheme})`, () => {
      const edge = theme['--ll-control-border']!;
      expect(edge).toMatch(/^#/);
      expect(contrast(edge, theme['--ll-bg']!)).toBeGreaterThanOrEqual(3);
      expect(contrast(edge, theme['--ll-surface']!)).toBeGreaterThanOrEqual(3);
    });
  }

  it('draws every field and button with that edge', () => {
    expect(CSS).toMatch(/button, select, input, textarea \{[^}]*border: 1px solid var\(--ll-control-border\)/);
  });
});

describe("the in-page warning's edges stand out from its background", () => {
  for (const [scheme, theme] of Object.entries({ light, dark })) {
    it(`its frame and Continue (danger), Go back and the focus ring (accent), the line above the choices (muted): 3:1 or more (${scheme})`, () => {
      for (const edge of ['--ll-danger', '--ll-accent', '--ll-muted']) {
        expect(contrast(theme[edge]!, theme['--ll-bg']!), edge).toBeGreaterThanOrEqual(3);
      }
    });
  }
});
