// Writes docs/report.schema.json from the zod schema: `npx vite-node scripts/write-report-schema.ts`.
// test/unit/report/schema.test.ts fails until the committed file matches.
import { writeFileSync } from 'node:fs';
import { SCHEMA_FILE, reportJsonSchemaText } from './report-json-schema';

writeFileSync(SCHEMA_FILE, reportJsonSchemaText());
console.log(`wrote ${SCHEMA_FILE}`);
