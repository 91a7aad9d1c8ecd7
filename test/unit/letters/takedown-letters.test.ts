import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTES, TAKEDOWN_ROUTES } from '@/lib/copies/routes';
import type { EventOf } from '@/lib/ledger/events';
import { TAKEDOWN_LANGUAGES, TAKEDOWN_LETTERS, takedownFacts, takedownLanguageFor, type TakedownLanguage } from '@/lib/letters/takedown';
import { pseudonymsFor } from '@/lib/report/redact';
import { ev } from '../helpers/events';

// The UI's languages, from its locale folders (en, de, pt_BR …): each must get its own letters.
const UI_LANGUAGES = [...new Set(readdirSync(resolve(import.meta.dirname, '../../../public/_locales')).map((locale) => locale.split('_')[0]!))];
const LANGUAGES = [...new Set([...TAKEDOWN_LANGUAGES, ...UI_LANGUAGES])] as TakedownLanguage[];
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

  it.each(LANGUAGES.filter((l) => l !== 'en'))('the notices in %s are a translation, not the English ones', (language) => {
    for (const route of TAKEDOWN_ROUTES) {
      const facts = takedownFacts(sighting, route, options);
      const [english, other] = [TAKEDOWN_LETTERS.en.notice(facts), TAKEDOWN_LETTERS[language].notice(facts)];
      expect(other.subject, route).not.toBe(english.subject);
      expect(other.body, route).not.toBe(english.body);
    }
  });
});

describe('a UI language gets takedown letters in it, not the English ones', () => {
  it('the locale folders name more than one language', () => {
    expect(UI_LANGUAGES.length).toBeGreaterThanOrEqual(4);
    expect(UI_LANGUAGES).toEqual(expect.arrayContaining(['en', 'de', 'fr', 'es']));
  });

  it.each(UI_LANGUAGES)('%s has letters of its own, and the UI in it picks them', (language) => {
    expect(TAKEDOWN_LANGUAGES as string[]).toContain(language);
    expect(takedownLanguageFor(language)).toBe(language);
    expect(takedownLanguageFor(`${language}-XX`)).toBe(language);
    if (language === 'en') return;
    const letters = TAKEDOWN_LETTERS[language as TakedownLanguage];
    expect(letters).not.toBe(TAKEDOWN_LETTERS.en);
    const facts = takedownFacts(sighting, 'eu-dsa', options);
    for (const [element, line] of Object.entries(letters.element)) expect(line(facts), element).not.toBe(TAKEDOWN_LETTERS.en.element[element as keyof typeof letters.element](facts));
  });

  it('a language without letters falls back to English', () => {
    expect(takedownLanguageFor('ja')).toBe('en');
    expect(takedownLanguageFor('')).toBe('en');
  });

  it('the French letters keep French typography: a narrow no-break space before : ; ? ! and none missing', () => {
    const texts = TAKEDOWN_ROUTES.flatMap((route) => {
      const request = ev('takedown-requested', { sighting: sighting.id, route, reference: 'R-1' }, '2026-12-01T10:00:00Z') as EventOf<'takedown-requested'>;
      const facts = takedownFacts(sighting, route, options, { request, dueAt: Date.parse('2026-12-03T10:00:00Z'), refused: false });
      const letters = [TAKEDOWN_LETTERS.fr.notice(facts), ...ROUTES[route].escalation.map((to) => TAKEDOWN_LETTERS.fr.escalation(facts, to))];
      return letters.flatMap((l) => [l.subject, l.body]);
    });
    for (const text of texts) {
      expect(text).not.toMatch(/[ \u00a0][:;?!]/);
      expect(text).not.toMatch(/[^\u202f\s][:;?!](\s|$)/);
    }
  });
});

describe('the escalation', () => {
  const request = ev('takedown-requested', { sighting: sighting.id, route: 'take-it-down-act', reference: 'case 7\nBcc: evil@example.com' }, '2026-12-01T10:00:00Z') as EventOf<'takedown-requested'>;
  const dueAt = Date.parse('2026-12-03T10:00:00Z');

  // The due date as each language writes it, and its word for a refusal: a new language needs a row.
  const WRITTEN: Record<TakedownLanguage, { dueAt: string; refused: RegExp }> = {
    en: { dueAt: '3 December 2026', refused: /was refused/ },
    de: { dueAt: '3. Dezember 2026', refused: /abgelehnt/ },
    fr: { dueAt: '3 décembre 2026', refused: /a été refusée/ },
    es: { dueAt: '3 de diciembre de 2026', refused: /fue rechazada/ },
  };

  it.each(LANGUAGES)('in %s recounts the request, its deadline and reference, on lines of its own making', (language) => {
    const facts = takedownFacts(sighting, 'take-it-down-act', options, { request, dueAt, refused: false });
    const letter = TAKEDOWN_LETTERS[language].escalation(facts, 'ftc');
    expect(letter.body).toContain(WRITTEN[language].dueAt);
    expect(letter.body).toContain('case 7 Bcc: evil@example.com');
    expect(letter.body.split('\n').some((line) => line.startsWith('Bcc:'))).toBe(false);
  });

  it.each(LANGUAGES)('in %s says when the request was refused', (language) => {
    const facts = takedownFacts(sighting, 'eu-dsa', options, { request, dueAt, refused: true });
    for (const to of ROUTES['eu-dsa'].escalation) {
      expect(TAKEDOWN_LETTERS[language].escalation(facts, to).body).toMatch(WRITTEN[language].refused);
    }
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('in %s is a translation of every escalation, not the English one', (language) => {
    for (const route of TAKEDOWN_ROUTES) {
      const facts = takedownFacts(sighting, route, options, { request, dueAt, refused: false });
      for (const to of ROUTES[route].escalation) {
        const [english, other] = [TAKEDOWN_LETTERS.en.escalation(facts, to), TAKEDOWN_LETTERS[language].escalation(facts, to)];
        expect(other.subject, `${route} ${to}`).not.toBe(english.subject);
        expect(other.body, `${route} ${to}`).not.toBe(english.body);
      }
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
