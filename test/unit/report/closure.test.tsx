// @vitest-environment happy-dom
// The evidence report of a Sora account: Sora's closure with its sources, the closure window with
// the basis of its length, and a month-dated entry printed as its month.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { EvidenceReport } from '@/components/reports/EvidenceReport';
import type { NewEvent } from '@/lib/ledger/events';
import { buildEvent } from '@/lib/ledger/ledger';
import { monthInstant } from '@/lib/deadlines/month-precision';
import { buildReport } from '@/lib/report/build';
import { Report } from '@/lib/report/schema';

const NOW = Date.parse('2026-12-03T09:00:00Z');
const created = buildEvent(
  { kind: 'cameo-created', details: {}, occurredAt: monthInstant({ year: 2025, month: 10 }), occurredPrecision: 'month', account: { service: 'sora', handle: 'me' }, source: 'manual', evidence: {} } as NewEvent,
  NOW,
  'created-in-october',
);
const options = { scope: { kind: 'all' as const }, redact: false, extensionVersion: '0.1.0', now: NOW, timeZone: 'Europe/Berlin' };

describe('the evidence report after Sora', () => {
  it('keeps the month precision and the closure window in the file, valid against its schema', async () => {
    const report = Report.parse(await buildReport([created], options));
    expect(report.events[0]).toMatchObject({ occurredPrecision: 'month' });
    expect(report.derived.windows).toMatchObject([{ id: created.id, kind: 'sora-closure', status: 'overdue', source: { confidence: 'inferred' } }]);
  });

  it('prints that Sora closed, with sources, the inferred window, and the month', async () => {
    const root = document.createElement('div');
    render(<EvidenceReport report={Report.parse(await buildReport([created], options))} locale="en" />, root);
    const closure = root.querySelector('#sora-closure')!.closest('section')!;
    expect(closure.textContent).toMatch(/Sora has closed/);
    expect(closure.textContent).toMatch(/OpenAI has not said what became of cameo recordings/);
    expect(closure.querySelector('a[href^="https://developers.openai.com/"]')).not.toBeNull();
    expect(root.querySelector('#deadlines')!.closest('section')!.textContent).toMatch(/Counting those 30 days from the closure is an inference/);
    expect(root.querySelector(`#entry-${created.id} time`)!.textContent).toBe('October 2025');
  });

  it('says where a deadline counts from the end of a remembered month', async () => {
    const root = document.createElement('div');
    const deleted = buildEvent({ ...created, kind: 'cameo-deleted', account: { service: 'chatgpt', handle: 'me' } } as NewEvent, NOW, 'deleted-in-october');
    render(<EvidenceReport report={Report.parse(await buildReport([deleted], options))} locale="en" />, root);
    expect(root.querySelector('#deadlines')!.closest('section')!.textContent).toMatch(/Counted from the last day of the month you remembered\./);
  });

  it('says nothing of Sora for a ledger without a Sora account', async () => {
    const root = document.createElement('div');
    const chatgpt = buildEvent({ ...created, account: { service: 'chatgpt', handle: 'me' } } as NewEvent, NOW, 'chatgpt-only-1');
    render(<EvidenceReport report={Report.parse(await buildReport([chatgpt], options))} locale="en" />, root);
    expect(root.querySelector('#sora-closure')).toBeNull();
  });
});
