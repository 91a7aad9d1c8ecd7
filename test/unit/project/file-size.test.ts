/**
 * A file a newcomer can read in one sitting: no module of lib/, components/ or entrypoints/ over
 * 300 lines unless its opening comment says why ("Over 300 lines because …": data that belongs in
 * one place, say). A long file without a reason is usually two or three concerns in one (issue 21).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const LIMIT = 300;
const SOURCE = /\.(tsx?|mjs|js|css|html)$/;

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
const sources = ['lib', 'components', 'entrypoints']
  .flatMap((d) => files(join(ROOT, d)))
  .filter((f) => SOURCE.test(f))
  .map((f) => ({ path: relative(ROOT, f).split('\\').join('/'), text: readFileSync(f, 'utf8') }));

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** The comment a file opens with: a block comment (/** … *\/, /* … *\/, <!-- … -->) or a run of // lines. */
function openingComment(text: string): string {
  const t = text.replace(/^\uFEFF?(#![^\n]*\n)?\s*/, '');
  const block = /^(\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->)/.exec(t);
  if (block) return block[1]!;
  return /^(\s*\/\/[^\n]*\n?)+/.exec(t)?.[0] ?? '';
}

const saysWhy = (text: string) => /\b(over|longer than) 300 lines\b/i.test(openingComment(text));

describe(`no file over ${LIMIT} lines without a reason`, () => {
  it('finds the sources it checks', () => {
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.some((s) => s.path.startsWith('entrypoints/'))).toBe(true);
  });

  it(`every file over ${LIMIT} lines says why in its opening comment`, () => {
    const long = sources.filter((s) => lineCount(s.text) > LIMIT && !saysWhy(s.text));
    expect(long.map((s) => `${s.path} (${lineCount(s.text)} lines)`)).toEqual([]);
  });

  it('reads a reason where the convention puts it, and only there', () => {
    expect(saysWhy('/**\n * Facts as data.\n * Over 300 lines because it is data: one place per fact.\n */\nexport {};')).toBe(true);
    expect(saysWhy('// Longer than 300 lines: the table of steps.\nexport {};')).toBe(true);
    expect(saysWhy('/** A module. */\n// over 300 lines because nobody split it\nexport {};')).toBe(false);
    expect(saysWhy('export const a = 1; /* over 300 lines */')).toBe(false);
    expect(lineCount('a\nb\n')).toBe(2);
    expect(lineCount('a\nb')).toBe(2);
  });
});
