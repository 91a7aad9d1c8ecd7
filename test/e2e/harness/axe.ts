/** Accessibility checks with axe-core, in any page of either browser. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from './browser';

const AXE = resolve(import.meta.dirname, '../../../node_modules/axe-core/axe.min.js');
const axeSource = readFileSync(AXE, 'utf8');

export interface AxeFinding {
  id: string;
  impact: string;
  nodes: string[];
}

/** What axe finds on the page as it is shown (light or dark, any width): every violation, and how many rules passed. */
export async function axeAudit(page: Page): Promise<{ violations: AxeFinding[]; passes: number }> {
  // The extension's CSP (script-src 'self') refuses an injected <script> (page.addScript); the
  // harness's evaluate runs as the debugger does, outside the page's CSP.
  await page.evaluate(axeSource as never);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[]; passes: unknown[] }> } }).axe;
    const { violations, passes } = await axe.run(document, { resultTypes: ['violations'] });
    return {
      passes: passes.length,
      violations: violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })),
    };
  });
  // A run that checked nothing would pass too: it must have checked the page.
  if (result.passes < 10) throw new Error(`axe checked only ${result.passes} rules`);
  return result;
}

export const isSerious = (v: AxeFinding) => v.impact === 'serious' || v.impact === 'critical';

/** Serious and critical violations axe finds on the page (light or dark, as the page is shown). */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  return (await axeAudit(page)).violations.filter(isSerious);
}
