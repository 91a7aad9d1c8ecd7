import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import { buildReport } from '@/lib/report/build';
import { reportText } from '@/lib/report/export';
import { SCHEMA_FILE, reportJsonSchemaText } from '@/scripts/report-json-schema';
import { sampleLedger } from '../helpers/report-fixtures';

const committed = readFileSync(SCHEMA_FILE, 'utf8');

describe('the JSON Schema in docs/', () => {
  it('is the one the zod schema generates (run `npx vite-node scripts/write-report-schema.ts` after changing it)', () => {
    expect(committed).toBe(reportJsonSchemaText());
  });

  it('lets a program without the extension check a report', async () => {
    // ajv stands in for "anyone": a validator that knows nothing of zod.
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(committed));
    const report = JSON.parse(
      await reportText(
        await buildReport(sampleLedger(500), { scope: { kind: 'all' }, redact: false, extensionVersion: '0.1.0', now: Date.UTC(2026, 0, 1), timeZone: 'Europe/Berlin' }),
      ),
    );
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);

    report.events[3].details = { person: '' };
    report.events[4].kind = 'cameo-stolen';
    delete report.derived;
    expect(validate(report)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['', '/events/3', '/events/4']));
  });
});
