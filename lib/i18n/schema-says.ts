/**
 * The reasons our schemas give when they refuse a value (a handle with bidi controls, a date out of
 * range, …). A schema holds the message key, not English: the key becomes words in the UI's
 * language only where a person reads it (an import's list of problems, a refused save).
 */
import { t, type MessageKey } from './i18n';

export const SCHEMA_REASONS = [
  'issueHandleBidi',
  'issueHandleControl',
  'issueHandleInvisible',
  'issueEvidenceUrlQuery',
  'issueSightingAddress',
  'issueDateRange',
  'issueIanaTimeZone',
  'issueUnknownTimeZone',
] as const satisfies readonly MessageKey[];

export type SchemaReason = (typeof SCHEMA_REASONS)[number];

/** A schema's message in words: one of ours translated, anything else (zod's own) as it came. */
export const schemaSays = (message: string): string =>
  (SCHEMA_REASONS as readonly string[]).includes(message) ? t(message as SchemaReason) : message;
