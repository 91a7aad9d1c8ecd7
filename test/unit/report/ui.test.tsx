// @vitest-environment happy-dom
// The dashboard's "Import and export" section, driven as a user would, and the printable report.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throughBackground } from '../helpers/through-background';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { EvidenceReport } from '@/components/reports/EvidenceReport';
import { ReportPage } from '@/components/reports/ReportPage';
import type { LedgerEvent, NewEvent } from '@/lib/ledger/events';
import { appendAll, buildEvent, LedgerDb } from '@/lib/ledger/ledger';
import { buildReport } from '@/lib/report/build';
import { exportReport, reportText } from '@/lib/report/export';
import { Report } from '@/lib/report/schema';
import { until as waitUntil } from '../helpers/until';
import { freshDb } from '../helpers/report-fixtures';
import type { StorageArea } from '@/lib/settings/storage-area';

Dexie.dependencies.indexedDB = new IDBFactory();
Dexie.dependencies.IDBKeyRange = IDBKeyRange;

const me = { service: 'sora', handle: 'me' } as const;
let n = 0;
const ev = (kind: NewEvent['kind'], details: object, iso: string, extra: object = {}): LedgerEvent => {
  n += 1;
  const at = Date.parse(iso);
  return buildEvent({ kind, details, occurredAt: at, account: me, source: 'manual', evidence: {}, ...extra } as NewEvent, at, `ui-event-${String(n).padStart(4, '0')}`);
};

const deleted = ev('cameo-deleted', {}, '2025-09-01T10:00:00Z', { source: 'network', evidence: { url: 'https://sora.chatgpt.com/settings' } });
const grant = ev('access-granted', { person: 'bob' }, '2025-08-01T10:00:00Z');
const note = ev('note', { text: 'wrong note' }, '2025-08-02T10:00:00Z');
const removal = ev('entry-removed', { target: note.id }, '2025-08-03T10:00:00Z');
const request = ev('privacy-request-sent', { law: 'gdpr', channel: 'email', request: 'erasure' }, '2025-09-02T10:00:00Z');
const lateAnswer = ev('privacy-answer-received', { request: request.id, outcome: 'done' }, '2025-11-20T10:00:00Z');
const LEDGER = [deleted, grant, note, removal, request, lateAnswer];

let db: LedgerDb;
let root: HTMLElement;
let blobs: Blob[];

beforeEach(() => {
  db = new LedgerDb(`t-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  root = document.createElement('div');
  document.body.append(root);
  blobs = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:report-${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  // The browser's own download: here only recorded.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});
afterEach(() => {
  render(null, root);
  root.remove();
  db.close();
  vi.restoreAllMocks();
});

const until = <T,>(check: () => T | null | undefined | false) => waitUntil(check, 8000);
const $ = (selector: string) => root.querySelector<HTMLElement>(selector);
const settingsArea = (): StorageArea => {
  const store: Record<string, unknown> = { settings: { remindersOn: true, leadDays: 3, jurisdiction: 'gdpr', timeZone: 'Europe/Berlin' } };
  return { get: async (k) => ({ [k]: store[k] }), set: async (items) => void Object.assign(store, items) };
};

async function showSection() {
  await act(() => render(<Dashboard db={db} settingsArea={settingsArea()} writes={throughBackground(db)} />, root));
  // The section's choices wait for the whole ledger to be read (the first page comes before it).
  return until(() => $('main[aria-busy="false"] section#import-export'));
}

async function choose(file: File) {
  const input = $('[data-testid="import-file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('Import and export in the dashboard', () => {
  it('exports the ledger as a file to download, from a blob: URL', async () => {
    await appendAll(db, LEDGER);
    await showSection();
    await act(() => $('[data-testid="export"]')!.click());
    const link = await until(() => $('[data-testid="download"]') as HTMLAnchorElement | null);
    expect(link.getAttribute('download')).toMatch(/^likeness-ledger-report-\d{4}-\d\d-\d\d\.json$/);
    expect(link.getAttribute('href')).toBe('blob:report-1');
    expect(HTMLAnchorElement.prototype.click).toHaveBeenCalled();
    const report = Report.parse(JSON.parse(await blobs[0]!.text()));
    expect(report.events.map((e) => e.id).sort()).toEqual(LEDGER.map((e) => e.id).sort());
    expect(report.timeZone).toBe('Europe/Berlin');
  });

  it('exports one account, redacted, and links the printable report with the same choice', async () => {
    await appendAll(db, [...LEDGER, ev('access-granted', { person: 'carol' }, '2025-08-05T10:00:00Z', { account: { service: 'chatgpt', handle: 'other' } })]);
    await showSection();
    await act(() => ($('[data-testid="scope-account"]') as HTMLInputElement).click());
    await act(() => ($('[data-testid="redact"]') as HTMLInputElement).click());
    expect($('[data-testid="printable"]')?.getAttribute('href')).toBe('/report.html?scope=account&service=sora&handle=me&redact=1');
    await act(() => $('[data-testid="export"]')!.click());
    await until(() => $('[data-testid="download"]'));
    const report = Report.parse(JSON.parse(await blobs[0]!.text()));
    expect(report).toMatchObject({ redacted: true, scope: { kind: 'account', account: me } });
    expect(report.events.every((e) => e.account.service === 'sora')).toBe(true);
    expect(JSON.stringify(report)).not.toContain('bob');
  });

  it('says where in a bad file what is wrong, and writes nothing', async () => {
    await showSection();
    const doc = JSON.parse(await reportText(await buildReport(LEDGER, { scope: { kind: 'all' }, redact: false, extensionVersion: '0.1.0', now: Date.parse('2025-12-01T00:00:00Z'), timeZone: 'Europe/Berlin' })));
    doc.events[0].details.person = '';
    await choose(new File([JSON.stringify(doc)], 'report.json', { type: 'application/json' }));
    const problem = await until(() => $('[data-testid="import-problem"]'));
    expect(problem.getAttribute('role')).toBe('alert');
    expect(problem.textContent).toContain('events[0].details.person: a handle cannot be empty');
    expect(problem.textContent).not.toMatch(/\bat .*\.ts:\d+/);
    expect(await db.events.count()).toBe(0);
  });

  it('lists conflicts, then imports the rest once the user keeps their versions', async () => {
    const text = await reportText(await buildReport(LEDGER, { scope: { kind: 'all' }, redact: false, extensionVersion: '0.1.0', now: Date.parse('2025-12-01T00:00:00Z'), timeZone: 'Europe/Berlin' }));
    const mine = { ...grant, details: { person: 'robert' } } as LedgerEvent;
    await appendAll(db, [mine]);
    await showSection();
    const file = new File([text], 'report.json', { type: 'application/json' });
    await choose(file);
    const conflicts = await until(() => $('[data-testid="import-conflicts"]'));
    expect(conflicts.textContent).toContain(grant.id);
    expect(conflicts.textContent).toContain('details.person: yours “robert”, the file\'s “bob”');
    expect(await db.events.count()).toBe(1);
    await act(() => $('[data-testid="keep-own"]')!.click());
    // Nothing is written before the preview's button.
    const preview = await until(() => $('[data-testid="import-preview"]'));
    expect(preview.textContent).toContain('New entries: 5. Already in your ledger: 0.');
    expect(await db.events.count()).toBe(1);
    await act(() => $('[data-testid="import-confirm"]')!.click());
    const done = await until(() => $('[data-testid="import-done"]'));
    expect(done.textContent).toBe('Imported new entries: 5. Already in your ledger: 0. 1 kept in your version.');
    expect(await db.events.count()).toBe(6);
    expect(await db.events.get(grant.id)).toEqual(mine);
  });

  it('previews the entries of the user\'s a file would change, keeps them by default, and changes them only when asked', async () => {
    const text = await reportText(await buildReport(LEDGER, { scope: { kind: 'all' }, redact: false, extensionVersion: '0.1.0', now: Date.parse('2025-12-01T00:00:00Z'), timeZone: 'Europe/Berlin' }));
    // The user holds the note that the file's removal aims at.
    await appendAll(db, [note]);
    await showSection();
    await choose(new File([text], 'theirs.json', { type: 'application/json' }));
    const changes = await until(() => $('[data-testid="import-changes"]'));
    expect(changes.textContent).toMatch(/^Removes: Note.* of Aug 2, 2025, .*me/);
    expect(($('[data-testid="import-apply-changes"]') as HTMLInputElement).checked).toBe(false);
    await act(() => $('[data-testid="import-confirm"]')!.click());
    const done = await until(() => $('[data-testid="import-done"]'));
    expect(done.textContent).toContain('Left out, so your entries stay as they were: 1.');
    expect(await db.events.get(removal.id)).toBeUndefined();
    expect((await db.events.get(grant.id))?.imported).toMatchObject({ file: 'theirs.json', fingerprint: 'none' });

    await choose(new File([text], 'theirs.json', { type: 'application/json' }));
    await until(() => $('[data-testid="import-changes"]'));
    await act(() => ($('[data-testid="import-apply-changes"]') as HTMLInputElement).click());
    expect($('[data-testid="import-confirm"]')?.textContent).toBe('Import and change my entries');
    await act(() => $('[data-testid="import-confirm"]')!.click());
    expect((await until(() => $('[data-testid="import-done"]'))).textContent).toContain('Changes to your entries applied: 1.');
    expect(await db.events.get(removal.id)).toBeDefined();
  });

  it('refuses a file changed after export, saying where; keeps it as unverified only when asked', async () => {
    const source = freshDb();
    await appendAll(source, LEDGER);
    const doc = JSON.parse(await (await exportReport(source, { scope: { kind: 'all' }, redact: false, extensionVersion: '0.1.0', timeZone: 'Europe/Berlin' })).file.text());
    doc.events.find((e: { kind: string }) => e.kind === 'access-granted').details.person = 'mallory';
    await showSection();
    await choose(new File([JSON.stringify(doc)], 'edited.json', { type: 'application/json' }));
    const problem = await until(() => $('[data-testid="import-problem"][data-problem="chain-broken"]'));
    expect(problem.textContent).toContain('chain.links[');
    expect(await db.events.count()).toBe(0);
    await act(() => $('[data-testid="keep-unverified"]')!.click());
    const fingerprint = await until(() => $('[data-testid="import-fingerprint"]'));
    expect(fingerprint.getAttribute('data-fingerprint')).toBe('unverified');
    await act(() => $('[data-testid="import-confirm"]')!.click());
    await until(() => $('[data-testid="import-done"]'));
    expect((await db.events.toArray()).every((e) => e.imported?.fingerprint === 'unverified')).toBe(true);
  });

  it('refuses a newer format version, naming the version needed', async () => {
    await showSection();
    await choose(new File([JSON.stringify({ format: 'likeness-ledger-report', version: 7, createdBy: { name: 'Likeness Ledger', version: '4.2.0' } })], 'r.json'));
    const problem = await until(() => $('[data-testid="import-problem"]'));
    expect(problem.textContent).toContain('format version 7');
    expect(problem.textContent).toContain('Likeness Ledger 4.2.0');
  });
});

describe('the printable report', () => {
  const report = async () =>
    Report.parse(await buildReport(LEDGER, { scope: { kind: 'all' }, redact: false, extensionVersion: '0.1.0', now: Date.parse('2025-12-01T00:00:00Z'), timeZone: 'Europe/Berlin' }));

  it('shows deadlines with what was missed, every entry in order of time with corrections, and the sources', async () => {
    await act(async () => render(<EvidenceReport report={await report()} locale="en" />, root));
    // The cameo purge was never verified; the privacy request was answered late.
    expect($('[data-testid="deadline-summary"]')?.textContent).toBe('2 deadlines; 2 of them missed or met late (as of Dec 1, 2025, 1:00 AM).');
    const late = [...root.querySelectorAll('table tr.late')].map((tr) => tr.getAttribute('data-status'));
    expect(late.sort()).toEqual(['overdue', 'verified']);
    expect(root.textContent).toMatch(/Done \d+ days after the deadline\./);
    expect(root.textContent).toMatch(/Not confirmed done \d+ days after the deadline\./);
    const chronology = [...root.querySelectorAll('[data-testid="chronology"] tbody tr')];
    expect(chronology.map((tr) => tr.id)).toEqual([grant, note, removal, deleted, request, lateAnswer].map((e) => `entry-${e.id}`));
    expect(root.querySelector(`#entry-${note.id}`)?.className).toBe('gone');
    expect(root.querySelector(`#entry-${note.id}`)?.textContent).toContain(`Removed by entry ${removal.id.slice(0, 8)}`);
    expect(root.querySelector('a[href="https://eur-lex.europa.eu/eli/reg/2016/679/oj"]')).not.toBeNull();
    expect(root.textContent).toContain('All times are given in the time zone Europe/Berlin');
  });

  it('renders a long chronology in steps, and offers to print once all of it is there', async () => {
    const big = await report();
    big.events = Array.from({ length: 2100 }, (_, i) => ({ ...big.events[0]!, id: `bulk-entry-${String(i).padStart(5, '0')}` }));
    await act(() => render(<ReportPage load={async () => big} />, root));
    const print = await until(() => $('[data-testid="print"]'));
    expect(print.textContent).toBe('Print or save as PDF');
    expect(root.querySelectorAll('[data-testid="chronology"] tbody tr')).toHaveLength(2100);
  });

  it('says why when the report cannot be made', async () => {
    await act(() => render(<ReportPage load={() => Promise.reject(new Error('This address does not describe a report.'))} />, root));
    const alert = await until(() => $('[role="alert"]'));
    expect(alert.textContent).toBe('Could not make the report: This address does not describe a report.');
  });
});
