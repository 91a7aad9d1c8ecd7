// What `npm start` and the end-to-end harness say when a browser is not where they look
// (test/e2e/harness/requirements.ts): one line, naming the variable or the install command.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserBinary, findProgram, MissingRequirement } from '../../e2e/harness/requirements';

afterEach(() => vi.unstubAllEnvs());

describe('finding the browsers', () => {
  it('takes the program LL_CHROMIUM names', () => {
    vi.stubEnv('LL_CHROMIUM', process.execPath);
    expect(browserBinary('chromium')).toBe(process.execPath);
  });

  it('says in one line that LL_CHROMIUM or LL_FIREFOX names no program', () => {
    vi.stubEnv('LL_CHROMIUM', '/nonexistent');
    vi.stubEnv('LL_FIREFOX', '/tmp');
    expect(() => browserBinary('chromium')).toThrow(MissingRequirement);
    expect(() => browserBinary('chromium')).toThrow(/^LL_CHROMIUM is set to \/nonexistent, which is not a program: .*unset it/);
    expect(() => browserBinary('firefox')).toThrow(/^LL_FIREFOX is set to \/tmp, which is not a program/);
  });

  it('finds a program on the PATH, and nothing where there is none', () => {
    const node = process.execPath.split('/').pop()!;
    vi.stubEnv('PATH', process.execPath.slice(0, -node.length - 1));
    expect(findProgram(['no-such-program-here', node])).toMatch(new RegExp(`/${node}$`));
    expect(findProgram(['no-such-program-here'])).toBeUndefined();
  });
});
