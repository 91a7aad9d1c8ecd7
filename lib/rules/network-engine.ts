/**
 * Reads network rules against requests the browser reports: which requests to listen to at all,
 * which body fields to keep, and what a completed request means. Pure: the webRequest wiring is
 * lib/background/network-watch.ts.
 */
import { SURFACES } from '../facts/surfaces';
import type { NetworkRule } from './network-rules';

/** An honest settings update is a few hundred bytes; anything larger is not read (an upload, say). */
export const MAX_BODY_BYTES = 8 * 1024;

/** A completed request, as the rules see it: the body is only the fields the rules listed. */
export interface SeenRequest {
  method: string;
  url: string;
  statusCode: number;
  body?: Readonly<Record<string, string>>;
}

export interface NetworkFinding {
  rule: NetworkRule;
  details: Record<string, unknown>;
}

const urlsOf = (rules: readonly NetworkRule[]) =>
  [...new Set(rules.flatMap((r) => SURFACES[r.surface].hosts.map((host) => `https://${host}${r.filter}`)))];

const bodyFieldsOf = (rule: NetworkRule) =>
  Object.values(rule.details).flatMap((f) => ('body' in f ? [f.body] : []));

/** The webRequest URL filters: every rule's endpoint, and the few whose body is read. */
export function requestFilters(rules: readonly NetworkRule[]): { all: string[]; withBody: string[] } {
  return { all: urlsOf(rules), withBody: urlsOf(rules.filter((r) => bodyFieldsOf(r).length > 0)) };
}

function pathOf(url: string): string | null {
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

/** The rules a request's method, host and path match, with the path's named groups (page-rules `rulesFor` is by route). */
function rulesForRequest(method: string, url: string, rules: readonly NetworkRule[]): { rule: NetworkRule; groups: Record<string, string> }[] {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return [];
  }
  const path = pathOf(url);
  if (path === null) return [];
  return rules.flatMap((rule) => {
    if (rule.method !== method.toUpperCase() || !(SURFACES[rule.surface].hosts as readonly string[]).includes(host)) return [];
    const m = rule.path.exec(path);
    return m ? [{ rule, groups: { ...m.groups } }] : [];
  });
}

/** The body fields the rules read for this request; empty when its body must not be read at all. */
export function bodyFieldsFor(method: string, url: string, rules: readonly NetworkRule[]): string[] {
  return [...new Set(rulesForRequest(method, url, rules).flatMap(({ rule }) => bodyFieldsOf(rule)))];
}

/**
 * Keeps the listed top-level fields of a small JSON body, as text, and nothing else.
 * `raw` is webRequest's requestBody.raw; a body in a file, too large or not JSON is not read.
 */
export function pickBodyFields(raw: readonly { bytes?: ArrayBuffer }[] | undefined, fields: readonly string[]): Record<string, string> | undefined {
  if (!raw || fields.length === 0) return undefined;
  const size = raw.reduce((n, part) => n + (part.bytes?.byteLength ?? Number.POSITIVE_INFINITY), 0);
  if (size > MAX_BODY_BYTES) return undefined;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of raw) {
    bytes.set(new Uint8Array(part.bytes!), at);
    at += part.bytes!.byteLength;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const picked: Record<string, string> = {};
  for (const field of fields) {
    const value = textOf((json as Record<string, unknown>)[field]);
    if (value !== undefined) picked[field] = value;
  }
  return picked;
}

/**
 * A body field as text: a string as it is; an instruction set, `{"value":[{"type":"text","value":"…"}]}`
 * (how Sora sends its restrictions), as its text parts, one per line. Anything else is not read.
 */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const parts = (value as { value?: unknown } | null)?.value;
  if (typeof value !== 'object' || !Array.isArray(parts)) return undefined;
  const texts = parts.flatMap((p) => ((p as { type?: unknown })?.type === 'text' && typeof (p as { value?: unknown }).value === 'string' ? [(p as { value: string }).value] : []));
  return texts.length > 0 || parts.length === 0 ? texts.join('\n') : undefined;
}

/** What a completed request means: one finding per rule it satisfies with all its required fields. */
export function matchRequest(request: SeenRequest, rules: readonly NetworkRule[]): NetworkFinding[] {
  return rulesForRequest(request.method, request.url, rules).flatMap(({ rule, groups }) => {
    if (request.statusCode < rule.status[0] || request.statusCode > rule.status[1]) return [];
    const details: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(rule.details)) {
      let value: unknown;
      if ('const' in field) value = field.const;
      else if ('path' in field) value = groups[field.path];
      else {
        const raw = request.body?.[field.body];
        value = raw === undefined ? undefined : field.map ? field.map.find(([p]) => p.test(raw))?.[1] : raw;
      }
      if (value === undefined) {
        if (field.optional) continue;
        return [];
      }
      details[name] = value;
    }
    return [{ rule, details }];
  });
}
