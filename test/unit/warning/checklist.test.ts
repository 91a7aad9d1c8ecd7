import { describe, expect, it } from 'vitest';
import { deletionChecklist } from '@/lib/warning/checklist';
import { ev } from '../helpers/events';

const ids = (events: ReturnType<typeof ev>[]) => deletionChecklist(events).map((i) => i.id);
const exported = [ev('data-export-requested', {}, '2026-10-01T10:00:00Z'), ev('data-export-received', {}, '2026-10-02T10:00:00Z')];

describe('the deletion checklist', () => {
  it('names the people who still have access, and only them', () => {
    const events = [
      ev('access-granted', { person: 'bob' }, '2026-09-01T10:00:00Z'),
      ev('access-granted', { person: 'carol' }, '2026-09-02T10:00:00Z'),
      ev('access-revoked', { person: 'Bob' }, '2026-09-03T10:00:00Z'),
      ...exported,
    ];
    expect(deletionChecklist(events)).toEqual([{ id: 'people-with-access', people: ['carol'] }]);
    expect(ids([...events, ev('access-revoked', { person: 'carol' }, '2026-09-04T10:00:00Z')])).toEqual([]);
  });

  it('asks to delete the cameo first while one exists, not after it was deleted', () => {
    expect(ids([ev('cameo-created', {}, '2026-09-01T10:00:00Z'), ...exported])).toEqual(['cameo-not-deleted']);
    expect(ids([ev('cameo-created', {}, '2026-09-01T10:00:00Z'), ev('cameo-deleted', {}, '2026-09-05T10:00:00Z'), ...exported])).toEqual([]);
    // Created again after a deletion: a live cameo again.
    expect(
      ids([ev('cameo-created', {}, '2026-09-01T10:00:00Z'), ev('cameo-deleted', {}, '2026-09-05T10:00:00Z'), ev('cameo-created', {}, '2026-09-06T10:00:00Z'), ...exported]),
    ).toEqual(['cameo-not-deleted']);
    expect(ids(exported)).toEqual([]);
  });

  it('asks for a data export until one was received', () => {
    expect(deletionChecklist([])).toEqual([{ id: 'export-missing', state: 'never-requested' }]);
    expect(deletionChecklist([exported[0]!])).toEqual([{ id: 'export-missing', state: 'requested-not-received' }]);
    expect(deletionChecklist(exported)).toEqual([]);
    // A newer request than the last received export is waiting again.
    expect(deletionChecklist([...exported, ev('data-export-requested', {}, '2026-10-05T10:00:00Z')])).toEqual([
      { id: 'export-missing', state: 'requested-not-received' },
    ]);
  });

  it('counts privacy requests without a final answer', () => {
    const request = ev('privacy-request-sent', { law: 'gdpr', channel: 'email', request: 'erasure' }, '2026-10-01T10:00:00Z');
    const other = ev('privacy-request-sent', { law: 'ccpa', channel: 'privacy-portal', request: 'access' }, '2026-10-02T10:00:00Z');
    expect(deletionChecklist([request, other, ...exported])).toEqual([{ id: 'open-privacy-requests', count: 2 }]);
    const extended = ev('privacy-answer-received', { request: request.id, outcome: 'extended' }, '2026-10-20T10:00:00Z');
    expect(deletionChecklist([request, other, extended, ...exported])).toEqual([{ id: 'open-privacy-requests', count: 2 }]);
    const done = ev('privacy-answer-received', { request: request.id, outcome: 'done' }, '2026-10-21T10:00:00Z');
    expect(deletionChecklist([request, other, done, ...exported])).toEqual([{ id: 'open-privacy-requests', count: 1 }]);
  });
});
