import { describe, expect, it } from 'vitest';
import { complaintDraft, followUpSentEvent, mailtoUrl, nextFollowUp, type Draft, type NextStep } from '@/lib/drafts';
import type { LedgerEvent } from '@/lib/events';
import { buildEvent, effectiveEvents } from '@/lib/ledger';
import { ERASURE_RIGHTS, LEGAL_DEADLINES, OPENAI_PRIVACY_CHANNEL, type Law } from '@/lib/policies';
import { computeWindows } from '@/lib/windows';
import { ev } from './helpers/events';

const BERLIN = 'Europe/Berlin';
const at = Date.parse;

function stepFor(events: LedgerEvent[], windowId: string, now: string, jurisdiction: Law = 'gdpr'): NextStep {
  const live = effectiveEvents(events);
  const windows = computeWindows(live, { now: at(now), timeZone: BERLIN });
  const window = windows.find((w) => w.id === windowId);
  if (!window) throw new Error(`no window ${windowId}`);
  return nextFollowUp(window, { now: at(now), timeZone: BERLIN, jurisdiction, events: live, windows });
}

function draftOf(step: NextStep): Draft {
  if (step.step !== 'draft') throw new Error(`expected a draft, got ${JSON.stringify(step)}`);
  return step.draft;
}

/** What an email program reads from the mailto: URL. */
function openMailto(url: string) {
  const [target, query] = url.slice('mailto:'.length).split('?') as [string, string];
  const params = Object.fromEntries(query.split('&').map((p) => p.split('=') as [string, string]).map(([k, v]) => [k, decodeURIComponent(v)]));
  return { to: decodeURIComponent(target), subject: params.subject, body: params.body };
}

/** Sends a draft: the event the dashboard records. */
function send(draft: Draft, events: LedgerEvent[], when: string): LedgerEvent {
  const live = effectiveEvents(events);
  const window = computeWindows(live, { now: at(when), timeZone: BERLIN }).find((w) => w.id === draft.window)!;
  return buildEvent(followUpSentEvent(draft, window, at(when)), at(when), `sent-${draft.kind}-${events.length}`);
}

const deleted = ev('cameo-deleted', {}, '2025-10-03T10:00:00+02:00', {
  source: 'network',
  evidence: { url: 'https://sora.chatgpt.com/profile', rule: 'sora.cameo-deleted.network' },
});

describe('the first follow-up: a request to confirm the erasure', () => {
  it('is not drafted while the window is still open', () => {
    expect(stepFor([deleted], deleted.id, '2025-10-20T10:00:00+02:00')).toEqual({ step: 'none', reason: 'not-due' });
  });

  it('under the GDPR: to OpenAI privacy, Art. 17 with the Art. 12(3) deadline counted from today, the dates and the evidence', () => {
    const draft = draftOf(stepFor([deleted], deleted.id, '2025-11-12T10:00:00+01:00'));
    expect(draft).toMatchObject({ kind: 'erasure-confirmation', to: 'openai-privacy', law: 'gdpr', window: deleted.id, address: OPENAI_PRIVACY_CHANNEL.email.address });
    expect(draft.subject).toBe('Request to confirm erasure of my cameo (Article 17 GDPR) – Sora, "alice"');
    expect(draft.body).toContain('On 3 October 2025 I deleted my cameo');
    expect(draft.body).toContain('my Sora account "alice"');
    expect(draft.body).toContain('That period ended on 2 November 2025.');
    expect(draft.body).toContain('Under Article 17 GDPR (right to erasure) I ask you to confirm');
    expect(draft.body).toContain(`GDPR Art. 12(3): ${LEGAL_DEADLINES.gdpr.statement}`);
    expect(draft.body).toContain('Counting from today, 12 November 2025, your answer is due by 12 December 2025.');
    expect(draft.body).toContain(
      "- 3 October 2025: cameo deleted (confirmed by the service's own response at the time, at https://sora.chatgpt.com/profile)",
    );
  });

  it('under the CCPA: a deletion verification, with the 45-day deadline', () => {
    const draft = draftOf(stepFor([deleted], deleted.id, '2025-11-12T10:00:00+01:00', 'ccpa'));
    expect(draft.subject).toMatch(/^Request to verify deletion of my cameo \(CCPA\)/);
    expect(draft.body).toContain('Cal. Civ. Code §1798.105');
    expect(draft.body).toContain('service providers');
    expect(draft.body).toContain('your answer is due by 27 December 2025.');
  });

  it('without a law chosen: asks plainly and cites no article', () => {
    const draft = draftOf(stepFor([deleted], deleted.id, '2025-11-12T10:00:00+01:00', 'none'));
    expect(draft.subject).toBe('Please confirm the deletion of my cameo (Sora, "alice")');
    expect(draft.body).not.toMatch(/Art\.|Article|§/);
  });

  it.each(Object.keys(LEGAL_DEADLINES) as Exclude<Law, 'none'>[])('under %s cites the right and the deadline of that law', (law) => {
    const draft = draftOf(stepFor([deleted], deleted.id, '2025-11-12T10:00:00+01:00', law));
    expect(draft.body).toContain(ERASURE_RIGHTS[law].right);
    expect(draft.body).toContain(LEGAL_DEADLINES[law].name);
    expect(draft.law).toBe(law);
  });

  it('for a deleted account, says so', () => {
    const account = ev('account-deletion-requested', { linkedAccounts: ['chatgpt'] }, '2025-10-03T10:00:00+02:00');
    const draft = draftOf(stepFor([account], account.id, '2025-11-12T10:00:00+01:00'));
    expect(draft.body).toContain('On 3 October 2025 I deleted my Sora account "alice".');
    expect(draft.subject).toContain('erasure of my account');
  });

  it('opens as an email with the subject and the body, line breaks as CRLF (RFC 6068)', () => {
    const draft = draftOf(stepFor([deleted], deleted.id, '2025-11-12T10:00:00+01:00'));
    expect(draft.mailto).toMatch(/^mailto:dsar@openai\.com\?subject=/);
    expect(draft.mailto).not.toMatch(/[\s"<>]/);
    const mail = openMailto(draft.mailto);
    expect(mail).toEqual({ to: 'dsar@openai.com', subject: draft.subject, body: draft.body.replace(/\n/g, '\r\n') });
  });

  it('encodes characters that would end a field early', () => {
    expect(openMailto(mailtoUrl('a@b.example', 'x&y=z?', 'one\ntwo #3 %'))).toEqual({ to: 'a@b.example', subject: 'x&y=z?', body: 'one\r\ntwo #3 %' });
  });

  it('offers nothing once the purge is verified, and nothing for an export link', () => {
    const verified = ev('purge-verified', { window: deleted.id }, '2025-11-05T10:00:00+01:00');
    expect(stepFor([deleted, verified], deleted.id, '2025-11-12T10:00:00+01:00')).toEqual({ step: 'none', reason: 'verified' });
    const exported = ev('data-export-received', {}, '2025-10-03T10:00:00+02:00');
    expect(stepFor([exported], exported.id, '2025-11-12T10:00:00+01:00')).toEqual({ step: 'none', reason: 'not-a-deletion' });
  });
});

describe('after the follow-up is sent', () => {
  const first = draftOf(stepFor([deleted], deleted.id, '2025-11-12T10:00:00+01:00'));
  const sent = send(first, [deleted], '2025-11-12T10:30:00+01:00');

  it('logs it as a follow-up to OpenAI privacy under the law, which starts its legal deadline', () => {
    expect(sent).toMatchObject({ kind: 'follow-up-sent', details: { window: deleted.id, law: 'gdpr', to: 'openai-privacy' }, account: deleted.account });
    const windows = computeWindows([deleted, sent], { now: at('2025-11-13T10:00:00+01:00'), timeZone: BERLIN });
    expect(windows.find((w) => w.id === sent.id)).toMatchObject({ kind: 'legal-deadline', law: 'gdpr', dueAt: at('2025-12-12T23:59:59.999+01:00') });
  });

  it('waits for the legal deadline', () => {
    expect(stepFor([deleted, sent], deleted.id, '2025-12-01T10:00:00+01:00')).toMatchObject({
      step: 'waiting',
      until: at('2025-12-12T23:59:59.999+01:00'),
      sent: { id: sent.id },
    });
  });

  it('when that deadline passes too: a complaint to the data protection authority, with the evidence report attached', () => {
    const draft = draftOf(stepFor([deleted, sent], deleted.id, '2025-12-14T10:00:00+01:00'));
    expect(draft).toMatchObject({ kind: 'complaint', to: 'authority', address: null, recipient: LEGAL_DEADLINES.gdpr.authority, law: 'gdpr', window: deleted.id });
    expect(draft.subject).toBe('Complaint: OpenAI has not answered my erasure request (GDPR Art. 12(3))');
    expect(draft.body).toMatch(new RegExp(`^To ${LEGAL_DEADLINES.gdpr.authority.replace(/[()]/g, '\\$&')},`));
    expect(draft.body).toContain('On 12 November 2025 I asked OpenAI\'s privacy team (dsar@openai.com) to confirm the erasure under Article 17 GDPR (right to erasure).');
    expect(draft.body).toContain('an answer was due by 12 December 2025. I have received none.');
    expect(draft.body).toContain('I attach the evidence report');
    expect(draft.body).toContain("- 12 November 2025: follow-up sent to OpenAI's privacy team (my own record)");
    expect(draft.body).toContain('- 3 October 2025: cameo deleted');
    expect(draft.mailto).toMatch(/^mailto:\?subject=Complaint/);
    // Asked from the follow-up's own deadline, the answer is the same complaint about the cameo.
    expect(stepFor([deleted, sent], sent.id, '2025-12-14T10:00:00+01:00')).toEqual({ step: 'draft', draft });
  });

  it('a refusal leads to the complaint at once', () => {
    const refused = ev('privacy-answer-received', { request: sent.id, outcome: 'refused' }, '2025-11-20T10:00:00+01:00');
    const draft = draftOf(stepFor([deleted, sent, refused], deleted.id, '2025-11-21T10:00:00+01:00'));
    expect(draft.kind).toBe('complaint');
    expect(draft.body).toContain('On 20 November 2025 OpenAI refused.');
    expect(draft.body).toContain('- 20 November 2025: answer received: refused');
  });

  it('an answer that it is done leaves only the verification to the user', () => {
    const done = ev('privacy-answer-received', { request: sent.id, outcome: 'done' }, '2025-11-20T10:00:00+01:00');
    expect(stepFor([deleted, sent, done], deleted.id, '2025-12-14T10:00:00+01:00')).toEqual({ step: 'none', reason: 'answered' });
  });

  it('once the complaint is sent, nothing more is drafted', () => {
    const complaint = draftOf(stepFor([deleted, sent], deleted.id, '2025-12-14T10:00:00+01:00'));
    const filed = send(complaint, [deleted, sent], '2025-12-14T11:00:00+01:00');
    expect(filed.details).toEqual({ window: deleted.id, law: 'gdpr', to: 'authority' });
    expect(stepFor([deleted, sent, filed], deleted.id, '2025-12-20T10:00:00+01:00')).toEqual({ step: 'none', reason: 'complained' });
  });
});

describe('a privacy request whose deadline passed', () => {
  const request = ev('privacy-request-sent', { law: 'ccpa', channel: 'privacy-portal', request: 'erasure', reference: 'DSR-1234' }, '2026-01-05T10:00:00+01:00');

  it('waits while its deadline runs', () => {
    expect(stepFor([request], request.id, '2026-01-20T10:00:00+01:00')).toEqual({ step: 'none', reason: 'not-due' });
  });

  it('goes to the authority of its own law, naming the portal and the reference', () => {
    const draft = draftOf(stepFor([request], request.id, '2026-02-25T10:00:00+01:00', 'gdpr'));
    expect(draft).toMatchObject({ kind: 'complaint', law: 'ccpa', recipient: LEGAL_DEADLINES.ccpa.authority });
    expect(draft.body).toContain(
      'On 5 January 2026 I made an erasure request about my Sora account "alice" to OpenAI through its Privacy Portal (https://privacy.openai.com/) (reference DSR-1234).',
    );
    expect(draft.body).toContain('Under CCPA regulations §7021 an answer was due by 19 February 2026.');
  });

  it('the complaint can be drafted directly from two windows', () => {
    const windows = computeWindows([request], { now: at('2026-02-25T10:00:00+01:00'), timeZone: BERLIN });
    const draft = complaintDraft(windows[0]!, windows[0]!, 'ccpa', { timeZone: BERLIN, events: [request] });
    expect(draft.body).toContain('- 5 January 2026: erasure request sent under CCPA regulations §7021, reference DSR-1234 (my own record)');
  });
});
