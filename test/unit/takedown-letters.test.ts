import { describe, expect, it } from 'vitest';
import { ROUTES, TAKEDOWN_ROUTES } from '@/lib/copies/routes';
import type { EventOf } from '@/lib/events';
import { TAKEDOWN_LETTERS, takedownFacts, type TakedownLanguage } from '@/lib/letters/takedown';
import { pseudonymsFor } from '@/lib/report/redact';
import { ev } from './helpers/events';

const LANGUAGES = Object.keys(TAKEDOWN_LETTERS) as TakedownLanguage[];
const options = { now: Date.parse('2026-12-10T12:00:00Z'), timeZone: 'Europe/Berlin' };
const sighting = ev(
  'sighting-logged',
  { address: 'https://www.youtube.com/watch?v=abc123', platform: 'youtube', shows: 'both', madeWith: 'sora', screenshotSha256: 'f'.repeat(64) },
  '2026-12-01T09:00:00Z',
) as EventOf<'sighting-logged'>;

describe('every route has its notice in every letter language', () => {
  const cases = TAKEDOWN_ROUTES.flatMap((route) => LANGUAGES.map((language) => [route, language] as const));
  it.each(cases)('%s in %s: names the route, holds every element the route asks for, and the copy', (route, language) => {
    const letters = TAKEDOWN_LETTERS[language];
    const facts = takedownFacts(sighting, route, options);
    const letter = letters.notice(facts);
    expect(letter.subject.length).toBeGreaterThan(10);
    for (const element of ROUTES[route].contains) expect(letter.body).toContain(letters.element[element](facts));
    expect(letter.body).toContain('https://www.youtube.com/watch?v=abc123');
    expect(letter.body).toContain('f'.repeat(64));
    expect(letter.body).not.toMatch(/undefined|NaN|\[object/);
  });

  it('the English and German notices differ (a translation, not a copy)', () => {
    for (const route of TAKEDOWN_ROUTES) {
      const facts = takedownFacts(sighting, route, options);
      expect(TAKEDOWN_LETTERS.de.notice(facts).body).not.toBe(TAKEDOWN_LETTERS.en.notice(facts).body);
    }
  });
});

describe('the escalation', () => {
  const request = ev('takedown-requested', { sighting: sighting.id, route: 'take-it-down-act', reference: 'case 7\nBcc: evil@example.com' }, '2026-12-01T10:00:00Z') as EventOf<'takedown-requested'>;
  const dueAt = Date.parse('2026-12-03T10:00:00Z');

  it.each(LANGUAGES)('in %s recounts the request, its deadline and reference, on lines of its own making', (language) => {
    const facts = takedownFacts(sighting, 'take-it-down-act', options, { request, dueAt, refused: false });
    const letter = TAKEDOWN_LETTERS[language].escalation(facts, 'ftc');
    expect(letter.body).toContain(language === 'en' ? '3 December 2026' : '3. Dezember 2026');
    expect(letter.body).toContain('case 7 Bcc: evil@example.com');
    expect(letter.body.split('\n').some((line) => line.startsWith('Bcc:'))).toBe(false);
  });

  it.each(LANGUAGES)('in %s says when the request was refused', (language) => {
    const facts = takedownFacts(sighting, 'eu-dsa', options, { request, dueAt, refused: true });
    for (const to of ROUTES['eu-dsa'].escalation) {
      expect(TAKEDOWN_LETTERS[language].escalation(facts, to).body).toMatch(language === 'en' ? /was refused/ : /abgelehnt/);
    }
  });
});

describe('a pseudonymised export', () => {
  it('replaces the uploader’s handle in a copy’s address, and keeps the platform, the video and the user’s own handle', () => {
    const tiktok = ev('sighting-logged', { address: 'https://www.tiktok.com/@bob.uploads/video/7', platform: 'tiktok', shows: 'face', madeWith: 'sora' }, '2026-12-01T09:00:00Z');
    const own = ev('sighting-logged', { address: 'https://www.tiktok.com/@alice/video/8', platform: 'tiktok', shows: 'face', madeWith: 'sora' }, '2026-12-01T09:00:00Z');
    const request = ev('takedown-requested', { sighting: tiktok.id, route: 'tiktok-report' }, '2026-12-01T10:00:00Z');
    const p = pseudonymsFor([sighting, tiktok, own, request]);
    const [youtube, redacted, ownRedacted, requestRedacted] = [sighting, tiktok, own, request].map((e) => p.inEvent(e));
    expect(redacted!.details).toMatchObject({ address: 'https://www.tiktok.com/@person-1/video/7', platform: 'tiktok' });
    expect(JSON.stringify(redacted)).not.toContain('bob');
    expect(ownRedacted!.details).toMatchObject({ address: 'https://www.tiktok.com/@alice/video/8' });
    expect(youtube!.details).toMatchObject({ address: 'https://www.youtube.com/watch?v=abc123' });
    // The request still points at its copy, by the copy's pseudonymous id.
    expect(requestRedacted!.details).toMatchObject({ sighting: redacted!.id });
  });
});
