import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAILTO_MAX_LENGTH, followUpSentEvent, letterText, mailtoUrl, nextFollowUp, type Draft, type NextStep } from '@/lib/letters/drafts';
import type { LedgerEvent } from '@/lib/ledger/events';
import { buildEvent } from '@/lib/ledger/ledger';
import { effectiveEvents } from '@/lib/ledger/relations';
import { LETTERS, LETTER_LANGUAGES, letterLanguageFor, type LetterLanguage } from '@/lib/letters/languages';
import { ISOLATE, neutralText, quoteData } from '@/lib/letters/quote';
import { ACCESS_RIGHTS, ERASURE_RIGHTS, LEGAL_DEADLINES, OPENAI_PRIVACY_CHANNEL, type Law } from '@/lib/facts/policies';
import { computeWindows } from '@/lib/deadlines/windows';
import { ev } from '../helpers/events';

const BERLIN = 'Europe/Berlin';
const at = Date.parse;

function stepFor(events: LedgerEvent[], windowId: string, now: string, jurisdiction: Law = 'gdpr', language: LetterLanguage = 'en'): NextStep {
  const live = effectiveEvents(events);
  const windows = computeWindows(live, { now: at(now), timeZone: BERLIN });
  const window = windows.find((w) => w.id === windowId);
  if (!window) throw new Error(`no window ${windowId}`);
  return nextFollowUp(window, { now: at(now), timeZone: BERLIN, jurisdiction, language, events: live, windows });
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

/** Every line of a letter, split where any program might break one. */
const linesOf = (text: string) => text.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/);

const deleted = ev('cameo-deleted', {}, '2025-10-03T10:00:00+02:00', {
  source: 'network',
  evidence: { url: 'https://sora.chatgpt.com/profile', rule: 'sora.cameo-deleted.network' },
});
const AFTER_WINDOW = '2025-11-12T10:00:00+01:00';

describe('the first letter: a request to erase and confirm', () => {
  it('is not drafted while the window is still open', () => {
    expect(stepFor([deleted], deleted.id, '2025-10-20T10:00:00+02:00')).toEqual({ step: 'none', reason: 'not-due' });
  });

  it('under the GDPR: to OpenAI privacy, Art. 17 and Art. 15, the Art. 12(3) deadline counted from today, the dates and the evidence', () => {
    const draft = draftOf(stepFor([deleted], deleted.id, AFTER_WINDOW));
    expect(draft).toMatchObject({ kind: 'erasure-request', to: 'openai-privacy', law: 'gdpr', language: 'en', window: deleted.id, address: OPENAI_PRIVACY_CHANNEL.email.address });
    expect(draft.subject).toBe('Request to confirm erasure and access (Art. 15 and 17 GDPR) – my cameo – Sora account “\u2068alice\u2069”');
    expect(draft.body).toContain('On 3 October 2025 I deleted my cameo from my Sora account “\u2068alice\u2069”.');
    expect(draft.body).toContain('That period ended on 2 November 2025.');
    expect(draft.body).toContain('Under Article 17 GDPR (right to erasure) I ask you to erase my cameo');
    expect(draft.body).toContain('Under Article 15 GDPR (right of access) I ask you to tell me which of this data you still hold');
    expect(draft.body).toContain(`GDPR Art. 12(3): ${LEGAL_DEADLINES.gdpr.statement}`);
    expect(draft.body).toContain('Counting from today, 12 November 2025, your answer is due by 12 December 2025.');
    expect(draft.body).toContain(
      "- 3 October 2025: cameo deleted (confirmed by the service's own response at the time, at https://sora.chatgpt.com/profile)",
    );
  });

  it('for a cameo, asks for the recording and everything derived from it: face and voice data, embeddings, its videos and drafts', () => {
    for (const language of LETTER_LANGUAGES) {
      const body = draftOf(stepFor([deleted], deleted.id, AFTER_WINDOW, 'gdpr', language)).body;
      const words = {
        en: ['recording', 'face and voice data', 'embeddings', 'videos and drafts'],
        de: ['Sprachaufnahme', 'Gesichts- und Stimmdaten', 'Embeddings', 'Videos und Entwürfe'],
        fr: ['enregistrement vidéo et audio', 'données faciales et vocales', 'embeddings', 'vidéos et brouillons'],
        es: ['grabación en vídeo y audio', 'datos faciales y de voz', 'embeddings', 'vídeos y borradores'],
      }[language];
      for (const word of words) expect(body, `${language}: ${word}`).toContain(word);
    }
  });

  it('under the CCPA: the right to know and the right to delete, service providers, the 45-day deadline', () => {
    const draft = draftOf(stepFor([deleted], deleted.id, AFTER_WINDOW, 'ccpa'));
    expect(draft.subject).toMatch(/^Request to confirm erasure and access \(CCPA\/CPRA right to know and delete\)/);
    expect(draft.body).toContain('Cal. Civ. Code §1798.105');
    expect(draft.body).toContain('Cal. Civ. Code §1798.110 (right to know)');
    expect(draft.body).toContain('service providers');
    expect(draft.body).toContain('your answer is due by 27 December 2025.');
  });

  it('without a law chosen: asks plainly and cites no article', () => {
    const draft = draftOf(stepFor([deleted], deleted.id, AFTER_WINDOW, 'none'));
    expect(draft.subject).toBe('Please confirm the erasure of my cameo – Sora account “\u2068alice\u2069”');
    expect(draft.body).not.toMatch(/Art\.|Article|§/);
  });

  it.each(Object.keys(LEGAL_DEADLINES) as Exclude<Law, 'none'>[])('under %s cites that law’s rights and deadline', (law) => {
    const draft = draftOf(stepFor([deleted], deleted.id, AFTER_WINDOW, law));
    expect(draft.body).toContain(ERASURE_RIGHTS[law].right);
    expect(draft.body).toContain(ACCESS_RIGHTS[law].right);
    expect(draft.body).toContain(LEGAL_DEADLINES[law].name);
    expect(draft.law).toBe(law);
  });

  it('for a deleted account, says so and asks for the cameo in it too', () => {
    const account = ev('account-deletion-requested', { linkedAccounts: ['chatgpt'] }, '2025-10-03T10:00:00+02:00');
    const draft = draftOf(stepFor([account], account.id, AFTER_WINDOW));
    expect(draft.body).toContain('On 3 October 2025 I deleted my Sora account “\u2068alice\u2069”.');
    expect(draft.body).toContain('including any cameo');
    expect(draft.subject).toContain('my account data');
  });

  it('names an account without a handle as the user named it', () => {
    const portal = { service: 'chatgpt', handle: 'unknown' } as const;
    const deletion = ev('account-deletion-requested', { linkedAccounts: [] }, '2025-10-03T10:00:00+02:00', { account: portal });
    const named = ev('account-named', { name: 'alice@example.org' }, '2025-10-05T10:00:00+02:00', { account: portal });
    expect(draftOf(stepFor([deletion], deletion.id, AFTER_WINDOW)).body).toContain('account “\u2068unknown\u2069”');
    const body = draftOf(stepFor([deletion, named], deletion.id, AFTER_WINDOW)).body;
    expect(body).toContain('I deleted my ChatGPT account “\u2068alice@example.org\u2069”.');
    expect(body).not.toContain('unknown');
  });

  it('offers nothing once the purge is verified, and nothing for an export link', () => {
    const verified = ev('purge-verified', { window: deleted.id }, '2025-11-05T10:00:00+01:00');
    expect(stepFor([deleted, verified], deleted.id, AFTER_WINDOW)).toEqual({ step: 'none', reason: 'verified' });
    const exported = ev('data-export-received', {}, '2025-10-03T10:00:00+02:00');
    expect(stepFor([exported], exported.id, AFTER_WINDOW)).toEqual({ step: 'none', reason: 'not-a-deletion' });
  });
});

describe('in German', () => {
  it('the request cites the DSGVO, with German dates, formal address and the German deadline rule', () => {
    const draft = draftOf(stepFor([deleted], deleted.id, AFTER_WINDOW, 'gdpr', 'de'));
    expect(draft).toMatchObject({ language: 'de', recipient: 'das Datenschutzteam von OpenAI', address: OPENAI_PRIVACY_CHANNEL.email.address });
    expect(draft.subject).toBe('Antrag auf Löschung und Auskunft (Art. 15 und 17 DSGVO): mein Cameo – Sora-Konto „\u2068alice\u2069“');
    expect(draft.body).toMatch(/^Sehr geehrte Damen und Herren,\n/);
    expect(draft.body).toContain('Am 3. Oktober 2025 habe ich meinen Cameo aus meinem Sora-Konto „\u2068alice\u2069“ gelöscht.');
    expect(draft.body).toContain('Nach Art. 17 DSGVO (Recht auf Löschung) verlange ich, dass Sie meinen Cameo');
    expect(draft.body).toContain('Nach Art. 15 DSGVO (Auskunftsrecht) bitte ich um Auskunft');
    expect(draft.body).toContain('Von heute, dem 12. November 2025, an gerechnet ist Ihre Antwort bis zum 12. Dezember 2025 fällig.');
    expect(draft.body).toContain('- 3. Oktober 2025: Cameo gelöscht (damals durch die Antwort des Dienstes selbst bestätigt, unter https://sora.chatgpt.com/profile)');
    expect(draft.body).toMatch(/Mit freundlichen Grüßen\n$/);
    // OpenAI's own statement is quoted as OpenAI said it.
    expect(draft.body).toContain('OpenAI erklärt: „Uploads are automatically deleted within 30 days after users delete them.“');
  });

  it('in French: the RGPD, French dates, "vous", the French deadline rule, OpenAI quoted in English', () => {
    const draft = draftOf(stepFor([deleted], deleted.id, AFTER_WINDOW, 'gdpr', 'fr'));
    expect(draft).toMatchObject({ language: 'fr', recipient: 'l’équipe confidentialité d’OpenAI' });
    expect(draft.subject).toBe('Demande d’effacement et d’accès (articles 15 et 17 du RGPD) : mon caméo – compte Sora « \u2068alice\u2069 »');
    expect(draft.body).toMatch(/^Madame, Monsieur,\n/);
    expect(draft.body).toContain('Le 3 octobre 2025, j’ai supprimé mon caméo de mon compte Sora « \u2068alice\u2069 ».');
    expect(draft.body).toContain('En vertu de l’article 17 du RGPD (droit à l’effacement), je vous demande d’effacer mon caméo');
    expect(draft.body).toContain('À compter d’aujourd’hui, 12 novembre 2025, votre réponse est due au plus tard le 12 décembre 2025.');
    expect(draft.body).toContain('OpenAI indique : « Uploads are automatically deleted within 30 days after users delete them. »');
  });

  it('in Spanish: the RGPD, Spanish dates, "usted", the Spanish deadline rule, OpenAI quoted in English', () => {
    const draft = draftOf(stepFor([deleted], deleted.id, AFTER_WINDOW, 'gdpr', 'es'));
    expect(draft).toMatchObject({ language: 'es', recipient: 'el equipo de privacidad de OpenAI' });
    expect(draft.subject).toBe('Solicitud de supresión y acceso (artículos 15 y 17 del RGPD): mi cameo – cuenta de Sora «\u2068alice\u2069»');
    expect(draft.body).toMatch(/^Estimados señores:\n/);
    expect(draft.body).toContain('El 3 de octubre de 2025 eliminé mi cameo de mi cuenta de Sora «\u2068alice\u2069».');
    expect(draft.body).toContain('De acuerdo con el artículo 17 del RGPD (derecho de supresión), les pido que supriman mi cameo');
    expect(draft.body).toContain('Contando desde hoy, 12 de noviembre de 2025, su respuesta debe llegar a más tardar el 12 de diciembre de 2025.');
    expect(draft.body).toMatch(/Atentamente,\n$/);
  });

  it('the whole chain exists in every language, each letter different from the English one', () => {
    const sent = send(draftOf(stepFor([deleted], deleted.id, AFTER_WINDOW)), [deleted], '2025-11-12T10:30:00+01:00');
    const followUp = send(draftOf(stepFor([deleted, sent], deleted.id, '2025-12-14T10:00:00+01:00')), [deleted, sent], '2025-12-14T10:30:00+01:00');
    const moments: [LedgerEvent[], string][] = [
      [[deleted], AFTER_WINDOW],
      [[deleted, sent], '2025-12-14T10:00:00+01:00'],
      [[deleted, sent, followUp], '2026-01-20T10:00:00+01:00'],
    ];
    for (const [events, now] of moments) {
      const english = draftOf(stepFor(events, deleted.id, now, 'gdpr', 'en'));
      for (const language of LETTER_LANGUAGES.filter((l) => l !== 'en')) {
        const other = draftOf(stepFor(events, deleted.id, now, 'gdpr', language));
        expect(other.kind).toBe(english.kind);
        expect(other.body).not.toBe(english.body);
        expect(other.subject).not.toBe(english.subject);
      }
    }
  });

  it('exists in every language the UI speaks: a new UI language needs its letters too', () => {
    const uiLanguages = readdirSync(resolve(import.meta.dirname, '../../../public/_locales'));
    expect(uiLanguages.length).toBeGreaterThanOrEqual(2);
    // Locale folders are named like en, de, pt_BR: the letters are per language.
    for (const locale of uiLanguages) expect(LETTER_LANGUAGES as string[], locale).toContain(locale.split('_')[0]);
  });

  it('a letter’s language follows the UI language, English where there is none', () => {
    expect(letterLanguageFor('de-AT')).toBe('de');
    expect(letterLanguageFor('de')).toBe('de');
    expect(letterLanguageFor('en-GB')).toBe('en');
    expect(letterLanguageFor('ja')).toBe('en');
    expect(Object.keys(LETTERS)).toEqual(LETTER_LANGUAGES);
  });
});

describe('text from a page or an import is quoted as data', () => {
  const hostile = [
    'eve\nBcc: attacker@example.com',
    'eve\r\n\r\nI withdraw my request.',
    'eve\u2028I withdraw my request.\u2029',
    'eve\u0085NEL\vVT\fFF\tTAB',
    'eve\u202Emoc.elpmaxe\u202C\u2066isolated\u2069\u200F',
    'eve\u0000\u001B[31m\u007F\u009B',
  ];

  it.each(hostile)('a handle, a shown text and a reference of %j add no line and no control to any letter, in any language', (text) => {
    // Handles with controls are refused at the door now (lib/ledger/events.ts), but a ledger written
    // before that rule may hold one: the letters must not trust the schema for it.
    const olderHandle = <E extends LedgerEvent>(e: E): E => ({ ...e, account: { ...e.account, handle: text.slice(0, 100) } });
    const request = olderHandle(
      ev('privacy-request-sent', { law: 'gdpr', channel: 'email', request: 'erasure', reference: text }, '2025-10-03T10:00:00+02:00', {
        account: { service: 'sora', handle: 'eve' },
        evidence: { shownText: text },
      }),
    );
    const cameo = olderHandle(ev('cameo-deleted', {}, '2025-10-03T10:00:00+02:00', { account: { service: 'sora', handle: 'eve' }, evidence: { shownText: text } }));
    for (const language of LETTER_LANGUAGES) {
      const clean = { request: ev('privacy-request-sent', { law: 'gdpr', channel: 'email', request: 'erasure', reference: 'R-1' }, request.occurredAt), cameo: ev('cameo-deleted', {}, cameo.occurredAt) };
      const pairs: [LedgerEvent, LedgerEvent][] = [
        [request, clean.request],
        [cameo, clean.cameo],
      ];
      for (const [tainted, plain] of pairs) {
        const draft = draftOf(stepFor([tainted], tainted.id, '2025-11-20T10:00:00+01:00', 'gdpr', language));
        const reference = draftOf(stepFor([plain], plain.id, '2025-11-20T10:00:00+01:00', 'gdpr', language));
        // The same number of lines as the letter about plain text: nothing quoted made a line of its own.
        expect(linesOf(draft.body)).toHaveLength(linesOf(reference.body).length);
        expect(linesOf(draft.subject)).toHaveLength(1);
        expect(linesOf(letterText(draft))).toHaveLength(linesOf(letterText(reference)).length);
        // The only controls left are the isolates around each quote, paired.
        const controls = [...`${draft.subject}\n${draft.body}`.matchAll(/[\p{Cc}\p{Cf}]/gu)].map((m) => m[0]).filter((c) => c !== '\n');
        expect(controls.every((c) => c === ISOLATE.start || c === ISOLATE.end)).toBe(true);
        expect(controls.join('')).toBe(`${ISOLATE.start}${ISOLATE.end}`.repeat(controls.length / 2));
        // And the email link carries no line break the letter did not have.
        const mail = openMailto(draft.mailto.url);
        expect(linesOf(mail.subject!)).toHaveLength(1);
        const mailLines = mail.body!.split('\r\n').slice(0, draft.mailto.whole ? undefined : -1);
        for (const line of mailLines) expect(linesOf(draft.body)).toContain(line);
      }
    }
  });

  it('shows what was stripped: breaks become spaces, other controls U+FFFD; plain text stays as it was', () => {
    expect(neutralText('a\r\n\r\nb\u2028c')).toBe('a b c');
    expect(neutralText('x\u202Ey\u0000z')).toBe('x\uFFFDy\uFFFDz');
    expect(neutralText('Zoë ✓ 山田')).toBe('Zoë ✓ 山田');
    expect(quoteData('كاميو', ['“', '”'])).toBe('“\u2068كاميو\u2069”');
  });
});

describe('the email link (mailto:)', () => {
  it('carries the subject and the body, line breaks as CRLF (RFC 6068)', () => {
    const draft = draftOf(stepFor([deleted], deleted.id, AFTER_WINDOW, 'none'));
    expect(draft.mailto.whole).toBe(true);
    expect(draft.mailto.url).toMatch(/^mailto:dsar@openai\.com\?subject=/);
    expect(draft.mailto.url).not.toMatch(/[\s"<>]/);
    expect(openMailto(draft.mailto.url)).toEqual({ to: 'dsar@openai.com', subject: draft.subject, body: draft.body.replace(/\n/g, '\r\n') });
  });

  it('encodes characters that would end a field early, and non-ASCII as UTF-8', () => {
    expect(openMailto(mailtoUrl('a@b.example', 'x&y=z?', 'one\ntwo #3 %').url)).toEqual({ to: 'a@b.example', subject: 'x&y=z?', body: 'one\r\ntwo #3 %' });
    const { url } = mailtoUrl('a@b.example', 'Löschung „alice“', 'Grüße 🗑️ 山田');
    expect(url).toContain('subject=L%C3%B6schung%20%E2%80%9Ealice%E2%80%9C');
    expect(openMailto(url)).toMatchObject({ subject: 'Löschung „alice“', body: 'Grüße 🗑️ 山田' });
  });

  it(`cuts a long body at a whole line to stay within ${MAILTO_MAX_LENGTH} characters, and says so at the end`, () => {
    const body = Array.from({ length: 80 }, (_, i) => `Zeile ${i}: Löschbestätigung für „alice“`).join('\n');
    const { url, whole } = mailtoUrl('a@b.example', 'Betreff', body, '[goes on]');
    expect(whole).toBe(false);
    expect(url.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
    const mail = openMailto(url);
    const lines = mail.body!.split('\r\n');
    expect(lines.at(-1)).toBe('[goes on]');
    expect(body.startsWith(lines.slice(0, -1).join('\n'))).toBe(true);
    expect(lines.length).toBeGreaterThan(10);
    // Never half a line, so never half a percent-escape.
    for (const line of lines.slice(0, -1)) expect(body.split('\n')).toContain(line);
  });

  it('a letter with a long evidence list opens cut, with the language’s note; its full text is intact', () => {
    const entries = Array.from({ length: 20 }, (_, i) => ev('follow-up-sent', { window: deleted.id, law: 'none', to: 'openai-privacy' }, at('2025-11-03T10:00:00+01:00') + i * 60_000));
    const draft = draftOf(stepFor([deleted, ...entries], deleted.id, AFTER_WINDOW, 'gdpr', 'de'));
    expect(draft.mailto.whole).toBe(false);
    expect(draft.mailto.url.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
    expect(openMailto(draft.mailto.url).body!.split('\r\n').at(-1)).toBe(LETTERS.de.cutForEmail);
    expect(draft.body.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(21);
  });
});

describe('after the request is sent', () => {
  const first = draftOf(stepFor([deleted], deleted.id, AFTER_WINDOW));
  const sent = send(first, [deleted], '2025-11-12T10:30:00+01:00');

  it('logs it as a letter to OpenAI privacy under the law, which starts its legal deadline', () => {
    expect(sent).toMatchObject({ kind: 'follow-up-sent', details: { window: deleted.id, law: 'gdpr', to: 'openai-privacy' }, account: deleted.account });
    const windows = computeWindows([deleted, sent], { now: at('2025-11-13T10:00:00+01:00'), timeZone: BERLIN });
    expect(windows.find((w) => w.id === sent.id)).toMatchObject({ kind: 'legal-deadline', law: 'gdpr', dueAt: at('2025-12-12T23:59:59.999+01:00') });
  });

  it('waits for the legal deadline, asked from the window or from the deadline', () => {
    const waiting = { step: 'waiting', until: at('2025-12-12T23:59:59.999+01:00'), sent: { id: sent.id } };
    expect(stepFor([deleted, sent], deleted.id, '2025-12-01T10:00:00+01:00')).toMatchObject(waiting);
    expect(stepFor([deleted, sent], sent.id, '2025-12-01T10:00:00+01:00')).toMatchObject(waiting);
  });

  it('when that deadline passes unanswered: the follow-up to OpenAI, naming the deadline missed and the authority next', () => {
    const draft = draftOf(stepFor([deleted, sent], deleted.id, '2025-12-14T10:00:00+01:00'));
    expect(draft).toMatchObject({ kind: 'follow-up', to: 'openai-privacy', law: 'gdpr', window: deleted.id });
    expect(draft.subject).toMatch(/^Follow-up: my request of 12 November 2025 is unanswered \(Art\. 15 and 17 GDPR\)/);
    expect(draft.body).toContain('On 12 November 2025 I asked you, under Article 17 GDPR (right to erasure), to erase my cameo and everything derived from it, and to confirm the erasure.');
    expect(draft.body).toContain('your answer was due by 12 December 2025. I have received none.');
    expect(draft.body).toContain(`If I have no answer by 14 January 2026, I will lodge a complaint with ${LEGAL_DEADLINES.gdpr.authority}.`);
    expect(draft.body).toContain("- 12 November 2025: letter sent to OpenAI's privacy team (my own record)");
  });

  it('when the follow-up goes unanswered too: the complaint to the authority, with the evidence report attached', () => {
    const followUp = send(draftOf(stepFor([deleted, sent], deleted.id, '2025-12-14T10:00:00+01:00')), [deleted, sent], '2025-12-14T10:30:00+01:00');
    expect(stepFor([deleted, sent, followUp], deleted.id, '2026-01-05T10:00:00+01:00')).toMatchObject({ step: 'waiting', sent: { id: followUp.id } });
    const draft = draftOf(stepFor([deleted, sent, followUp], deleted.id, '2026-01-20T10:00:00+01:00'));
    expect(draft).toMatchObject({ kind: 'complaint', to: 'authority', address: null, recipient: LEGAL_DEADLINES.gdpr.authority, law: 'gdpr', window: deleted.id });
    expect(draft.subject).toBe('Complaint: OpenAI has not answered my erasure request (GDPR Art. 12(3))');
    expect(draft.body.startsWith(`To ${LEGAL_DEADLINES.gdpr.authority},`)).toBe(true);
    expect(draft.body).toContain("On 12 November 2025 I asked OpenAI's privacy team (dsar@openai.com) to confirm the erasure under Article 17 GDPR (right to erasure). I followed it up on 14 December 2025.");
    expect(draft.body).toContain('an answer was due by 14 January 2026. I have received none.');
    expect(draft.body).toContain('I attach the evidence report');
    expect(draft.body).toContain('- 3 October 2025: cameo deleted');
    expect(draft.mailto.url).toMatch(/^mailto:\?subject=Complaint/);
    // Asked from the follow-up's own deadline, the answer is the same complaint about the cameo.
    expect(stepFor([deleted, sent, followUp], followUp.id, '2026-01-20T10:00:00+01:00')).toEqual({ step: 'draft', draft });
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
    const refused = ev('privacy-answer-received', { request: sent.id, outcome: 'refused' }, '2025-11-20T10:00:00+01:00');
    const complaint = draftOf(stepFor([deleted, sent, refused], deleted.id, '2025-12-14T10:00:00+01:00'));
    const filed = send(complaint, [deleted, sent, refused], '2025-12-14T11:00:00+01:00');
    expect(filed.details).toEqual({ window: deleted.id, law: 'gdpr', to: 'authority' });
    expect(stepFor([deleted, sent, refused, filed], deleted.id, '2025-12-20T10:00:00+01:00')).toEqual({ step: 'none', reason: 'complained' });
  });

  it('a request sent without a law has no deadline: a new one under the law now chosen, or nothing', () => {
    const plain = send(draftOf(stepFor([deleted], deleted.id, AFTER_WINDOW, 'none')), [deleted], '2025-11-12T10:30:00+01:00');
    expect(stepFor([deleted, plain], deleted.id, '2025-12-20T10:00:00+01:00', 'none')).toEqual({ step: 'none', reason: 'no-deadline' });
    expect(draftOf(stepFor([deleted, plain], deleted.id, '2025-12-20T10:00:00+01:00', 'uk-gdpr'))).toMatchObject({ kind: 'erasure-request', law: 'uk-gdpr' });
  });
});

describe('a privacy request the user logged, whose deadline passed', () => {
  const request = ev('privacy-request-sent', { law: 'ccpa', channel: 'privacy-portal', request: 'erasure', reference: 'DSR-1234' }, '2026-01-05T10:00:00+01:00');

  it('waits while its deadline runs', () => {
    expect(stepFor([request], request.id, '2026-01-20T10:00:00+01:00')).toMatchObject({ step: 'waiting', sent: { id: request.id } });
  });

  it('then the follow-up under its own law, naming the portal and the reference', () => {
    const draft = draftOf(stepFor([request], request.id, '2026-02-25T10:00:00+01:00', 'gdpr'));
    expect(draft).toMatchObject({ kind: 'follow-up', law: 'ccpa', to: 'openai-privacy' });
    expect(draft.body).toContain(
      'On 5 January 2026 I made an erasure request about my Sora account “\u2068alice\u2069” to OpenAI through its Privacy Portal (https://privacy.openai.com/) (reference “\u2068DSR-1234\u2069”).',
    );
    expect(draft.body).toContain('Under CCPA regulations §7021 your answer was due by 19 February 2026.');
  });

  it('then the complaint to the authority of that law', () => {
    const followUp = send(draftOf(stepFor([request], request.id, '2026-02-25T10:00:00+01:00')), [request], '2026-02-25T10:30:00+01:00');
    const draft = draftOf(stepFor([request, followUp], request.id, '2026-04-20T10:00:00+02:00'));
    expect(draft).toMatchObject({ kind: 'complaint', law: 'ccpa', recipient: LEGAL_DEADLINES.ccpa.authority });
    expect(draft.body).toContain('- 5 January 2026: erasure request sent under CCPA regulations §7021, reference “\u2068DSR-1234\u2069” (my own record)');
    expect(draft.body).toContain('I followed it up on 25 February 2026.');
  });
});
