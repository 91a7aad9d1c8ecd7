/**
 * What is wrong with a file, said so that a person can find and fix it: where (the path in the
 * file, events[12].details.person) and what, never a stack trace.
 */
import type * as z from 'zod/mini';

export interface ReportIssue {
  /** Where in the file: events[12].details.person; "(file)" for the whole document. */
  path: string;
  message: string;
}

type Path = readonly PropertyKey[];

export function pathText(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(file)';
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

const ARTICLE: Record<string, string> = { object: 'an object', array: 'a list', int: 'a whole number', number: 'a number', string: 'a text', boolean: 'true or false' };

const FORMATS: Record<string, string> = {
  datetime: 'a date and time with offset, like 2025-10-03T14:02:00.000+02:00',
  date: 'a date like 2025-10-03',
  url: 'a web address (https://…)',
  regex: 'text of the expected form',
};

/** zod/mini says only "Invalid input" unless a schema gives its own message: say what was expected and found. */
function describe(issue: z.core.$ZodIssue, found: unknown): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return found === undefined ? `missing: ${ARTICLE[issue.expected] ?? issue.expected} is required` : `expected ${ARTICLE[issue.expected] ?? issue.expected}, found ${kindOf(found)}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, found ${kindOf(found)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        return `unknown ${String(issue.discriminator)} ${kindOf(found)}; expected one of ${options.map(String).join(', ')}`;
      }
      return `does not match any allowed form (found ${kindOf(found)})`;
    case 'invalid_format':
      return `expected ${FORMATS[issue.format] ?? issue.format}, found ${kindOf(found)}`;
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `too short: at least ${String(issue.minimum)} ${issue.origin === 'string' ? 'characters' : 'items'}`
        : `too small: at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `too long: at most ${String(issue.maximum)} ${issue.origin === 'string' ? 'characters' : 'items'}`
        : `too large: at most ${String(issue.maximum)}`;
    default:
      return issue.message || 'not valid here';
  }
}

/** Issues from a zod result on `data`, with paths made absolute by `prefix` (where `data` sits in the file). */
export function issuesFrom(error: z.core.$ZodError, data: unknown, prefix: Path = []): ReportIssue[] {
  return error.issues.map((issue) => {
    // A discriminator's issue sits at the union; name the field itself.
    const path = issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator && issue.path.at(-1) !== issue.discriminator
      ? [...issue.path, issue.discriminator]
      : issue.path;
    const found = valueAt(data, issue.code === 'unrecognized_keys' ? issue.path : path);
    return { path: pathText([...prefix, ...path]), message: describe(issue, found) };
  });
}

/** At most this many issues are listed; the rest are counted. */
export const MAX_ISSUES = 20;

/** Issues found so far: the first MAX_ISSUES, and how many more. */
export class IssueList {
  readonly items: ReportIssue[] = [];
  more = 0;

  add(issues: readonly ReportIssue[]): void {
    for (const issue of issues) {
      if (this.items.length < MAX_ISSUES) this.items.push(issue);
      else this.more++;
    }
  }

  get empty(): boolean {
    return this.items.length === 0;
  }
}
