/**
 * What `npm start`, the end-to-end tests and the benchmarks need from the machine: a Chromium (or
 * Chrome), a Firefox, and openssl. Found where the common Linux distributions put them, or where
 * LL_CHROMIUM / LL_FIREFOX say (README.md, "Quick start"). A missing one is a MissingRequirement:
 * one line that says what is missing and the command that installs it, not a stack trace.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export class MissingRequirement extends Error {
  override name = 'MissingRequirement';
}

export const BROWSER_ENV = { chromium: 'LL_CHROMIUM', firefox: 'LL_FIREFOX' } as const;
type BrowserName = keyof typeof BROWSER_ENV;

/** Program names, tried in this order: Debian's first (what CI installs), then Fedora's and Ubuntu's, Arch's, Google's. */
const PROGRAMS: Record<BrowserName, readonly string[]> = {
  chromium: ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'],
  firefox: ['firefox-esr', 'firefox'],
};
const LABELS: Record<BrowserName, string> = { chromium: 'Chromium or Chrome', firefox: 'Firefox' };
const INSTALL = {
  chromium: 'Debian/Ubuntu: sudo apt-get install chromium; Fedora: sudo dnf install chromium; Arch: sudo pacman -S chromium',
  firefox: 'Debian: sudo apt-get install firefox-esr; Fedora: sudo dnf install firefox; Arch: sudo pacman -S firefox',
  openssl: 'Debian/Ubuntu: sudo apt-get install openssl; Fedora: sudo dnf install openssl; Arch: sudo pacman -S openssl',
};

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** /usr/bin first (so CI keeps Debian's packages), then the PATH, then snaps. */
const searchDirs = () => [...new Set(['/usr/bin', ...(process.env.PATH ?? '').split(delimiter).filter(Boolean), '/snap/bin'])];

export function findProgram(names: readonly string[]): string | undefined {
  for (const name of names) {
    for (const dir of searchDirs()) {
      const path = join(dir, name);
      if (isExecutable(path)) return path;
    }
  }
  return undefined;
}

/** The browser's program: the environment variable's, if set, else the first found. */
export function browserBinary(name: BrowserName): string {
  const variable = BROWSER_ENV[name];
  const chosen = process.env[variable];
  if (chosen) {
    if (isExecutable(chosen)) return chosen;
    throw new MissingRequirement(`${variable} is set to ${chosen}, which is not a program: point it at ${LABELS[name]}, or unset it to use an installed one.`);
  }
  const found = findProgram(PROGRAMS[name]);
  if (found) return found;
  throw new MissingRequirement(
    `No ${LABELS[name]} found (looked for ${PROGRAMS[name].join(', ')}). Install it (${INSTALL[name]}) or set ${variable} to its path.`,
  );
}

export function opensslProgram(): string {
  const found = findProgram(['openssl']);
  if (!found) throw new MissingRequirement(`No openssl found; it makes the demo pages' HTTPS certificate. Install it (${INSTALL.openssl}).`);
  return found;
}
