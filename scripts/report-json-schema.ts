/** The report's JSON Schema, generated from the zod schema: docs/report.schema.json is this, written out. */
import * as z from 'zod/mini';
import { Report } from '../lib/report/schema';

export const SCHEMA_FILE = 'docs/report.schema.json';

export function reportJsonSchema(): Record<string, unknown> {
  // 'input': the file as written. Checks that JSON Schema cannot express (a plausible date, a
  // known time zone, a URL without a query) are left to the extension's own import.
  return z.toJSONSchema(Report, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

export const reportJsonSchemaText = () => `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
