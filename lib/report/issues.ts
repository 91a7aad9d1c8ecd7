/**
 * What is wrong with a file, said so that a person can find and fix it: where (the path in the
 * file, events[12].details.person) and what, never a stack trace.
 */
import type * as z from 'zod/mini';
import { t, uiLocale, type MessageKey } from '../i18n/i18n';
import { plural } from '../i18n/plural';
import { schemaSays } from '../i18n/schema-says';

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
  if (value === undefined) return t('issueFoundNothing');
  if (value === null) return 'null';
  if (Array.isArray(value)) return t('issueTypeList');
  if (typeof value === 'object') return t('issueTypeObject');
  if (typeof value === 'string') return t('issueFoundText', JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value));
  return t('issueFoundValue', String(value));
}

// The words for what a field holds, in the UI's language; zod's own names where we have none.
const ARTICLE: Record<string, MessageKey> = {
  object: 'issueTypeObject',
  array: 'issueTypeList',
  int: 'issueTypeInt',
  number: 'issueTypeNumber',
  string: 'issueTypeText',
  boolean: 'issueTypeBoolean',
};
const article = (expected: string) => (expected in ARTICLE ? t(ARTICLE[expected]!) : expected);

const FORMATS: Record<string, MessageKey> = {
  datetime: 'issueFormatDateTime',
  date: 'issueFormatDate',
  url: 'issueFormatUrl',
  regex: 'issueFormatPattern',
};
const format = (name: string) => (name in FORMATS ? t(FORMATS[name]!) : name);
const sized = (origin: string, n: number) =>
  origin === 'string' ? plural(['countCharactersOne', 'countCharactersOther'], n) : origin === 'array' ? plural(['countItemsOne', 'countItemsOther'], n) : n.toLocaleString(uiLocale());

/** zod/mini says only "Invalid input" unless a schema gives its own message: say what was expected and found. */
function describe(issue: z.core.$ZodIssue, found: unknown): string {
  if (issue.message && issue.message !== 'Invalid input') return schemaSays(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      return found === undefined ? t('issueMissing', article(issue.expected)) : t('issueExpectedFound', article(issue.expected), kindOf(found));
    case 'invalid_value':
      return t('issueExpectedFound', new Intl.ListFormat(uiLocale(), { type: 'disjunction' }).format(issue.values.map((v) => JSON.stringify(v))), kindOf(found));
    case 'unrecognized_keys':
      return plural(['issueUnknownFieldsOne', 'issueUnknownFieldsOther'], issue.keys.length, issue.keys.join(', '));
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        return t('issueUnknownVariant', String(issue.discriminator), kindOf(found), options.map(String).join(', '));
      }
      return t('issueNoForm', kindOf(found));
    case 'invalid_format':
      return t('issueExpectedFound', format(issue.format), kindOf(found));
    case 'too_small': {
      const least = sized(issue.origin, Number(issue.minimum));
      return issue.origin === 'string' || issue.origin === 'array' ? t('issueTooShort', least) : t('issueTooSmall', least);
    }
    case 'too_big': {
      const most = sized(issue.origin, Number(issue.maximum));
      return issue.origin === 'string' || issue.origin === 'array' ? t('issueTooLong', most) : t('issueTooLarge', most);
    }
    default:
      return issue.message || t('issueNotValid');
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
