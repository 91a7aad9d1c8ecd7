/** Die Entfernungsbriefe auf Deutsch (takedown.ts). Keine Rechtsberatung: das Dashboard sagt es daneben. */
import type { Platform } from '../copies/address';
import type { Escalation, TakedownRouteId } from '../copies/routes';
import { quoteData } from './quote';
import { noticeLines, PLATFORM_NAME, type TakedownFacts, type TakedownLetters } from './takedown-template';
import { longDate, type Letter } from './template';

const date = longDate('de-DE');
const q = (text: string) => quoteData(text, ['„', '“']);
const on = (instant: number, f: TakedownFacts) => date(instant, f.timeZone);

const PLATFORM: Record<Platform, string> = { ...PLATFORM_NAME, other: 'Ihr Dienst' };
const SHOWS: Record<TakedownFacts['shows'], string> = { face: 'meines Gesichts', voice: 'meiner Stimme', both: 'meines Gesichts und meiner Stimme' };
const MADE_WITH: Record<TakedownFacts['madeWith'], string> = {
  sora: 'Sie wurde offenbar mit OpenAIs Sora aus einer Aufnahme von mir erstellt und ohne Wasserzeichen erneut hochgeladen.',
  other: 'Sie wurde offenbar mit einem KI-Werkzeug erstellt.',
  unknown: 'Sie wurde offenbar mit einem KI-Werkzeug erstellt oder verändert.',
};

const SUBJECT: Record<TakedownRouteId, string> = {
  'youtube-privacy': 'Datenschutzbeschwerde: KI-veränderte Inhalte mit meinem Abbild',
  'x-take-it-down': 'Antrag auf Entfernung nach dem US TAKE IT DOWN Act',
  'tiktok-report': 'Meldung: Inhalte, die sich mit meinem Abbild als mich ausgeben',
  'meta-report': 'Meldung: Inhalte mit meinem Abbild ohne meine Einwilligung',
  'snapchat-report': 'Meldung: Inhalte mit meinem Abbild ohne meine Einwilligung',
  'take-it-down-act': 'Antrag auf Entfernung nach dem US TAKE IT DOWN Act',
  'eu-dsa': 'Meldung rechtswidriger Inhalte nach Art. 16 des Gesetzes über digitale Dienste (DSA)',
  'gdpr-erasure': 'Antrag auf Löschung nach Art. 17 DSGVO',
  other: 'Bitte um Entfernung von Inhalten mit meinem Abbild',
};

const ASK: Record<TakedownRouteId, string> = {
  'youtube-privacy': 'Bitte fordern Sie die hochladende Person auf, den Inhalt innerhalb von 48 Stunden zu entfernen, und entfernen Sie ihn, wenn sie es nicht tut.',
  'x-take-it-down': 'Bitte entfernen Sie den Inhalt und identische Kopien so bald wie möglich, spätestens 48 Stunden nach diesem Antrag, und teilen Sie mir das Ergebnis mit.',
  'tiktok-report': 'Bitte entfernen Sie den Inhalt und teilen Sie mir das Ergebnis mit.',
  'meta-report': 'Bitte entfernen Sie den Inhalt und teilen Sie mir das Ergebnis mit.',
  'snapchat-report': 'Bitte entfernen Sie den Inhalt und teilen Sie mir das Ergebnis mit.',
  'take-it-down-act':
    'Nach Section 3 des TAKE IT DOWN Act bitte ich Sie, die Darstellung so bald wie möglich, spätestens 48 Stunden nach Eingang dieses Antrags, zu entfernen und sich angemessen zu bemühen, bekannte identische Kopien zu entfernen.',
  'eu-dsa': 'Bitte bestätigen Sie den Eingang dieser Meldung und teilen Sie mir Ihre Entscheidung unverzüglich mit, samt den möglichen Rechtsbehelfen (Art. 16 Abs. 4–5 DSA).',
  'gdpr-erasure': 'Bitte antworten Sie unverzüglich, spätestens innerhalb eines Monats nach Eingang dieses Antrags (Art. 12 Abs. 3 DSGVO).',
  other: 'Bitte entfernen Sie den Inhalt und teilen Sie mir das Ergebnis mit.',
};

const ESCALATION: Record<Escalation, { subject: string; to: string; ask: string }> = {
  'platform-appeal': {
    subject: 'Widerspruch gegen die Entscheidung über meine Meldung',
    to: 'An das Überprüfungsteam der Plattform,',
    ask: 'Ich bitte Sie, die Entscheidung zu überprüfen und den Inhalt zu entfernen.',
  },
  ftc: {
    subject: 'Beschwerde: Eine erfasste Plattform hat eine nicht einvernehmliche intime Darstellung nicht binnen 48 Stunden entfernt',
    to: 'An die Federal Trade Commission,',
    ask: 'Die Plattform hat die Darstellung nicht innerhalb der 48 Stunden entfernt, die der TAKE IT DOWN Act erlaubt. Ich bitte die Kommission, deswegen tätig zu werden.',
  },
  'dsa-complaint': {
    subject: 'Beschwerde gegen die Entscheidung über meine Meldung (Art. 20 DSA)',
    to: 'An das interne Beschwerdemanagementsystem der Plattform,',
    ask: 'Nach Art. 20 DSA beschwere ich mich gegen die Entscheidung über meine Meldung oder deren Ausbleiben und bitte Sie, sie aufzuheben und den Inhalt zu entfernen.',
  },
  'dsa-out-of-court': {
    subject: 'Antrag auf außergerichtliche Streitbeilegung (Art. 21 DSA)',
    to: 'An die zertifizierte außergerichtliche Streitbeilegungsstelle,',
    ask: 'Nach Art. 21 DSA bitte ich Sie, die Streitigkeit über die Entscheidung der Plattform zu meiner Meldung beizulegen.',
  },
  'data-protection-authority': {
    subject: 'Beschwerde nach Art. 77 DSGVO: Löschantrag nicht beantwortet oder abgelehnt',
    to: 'An die Datenschutzaufsichtsbehörde,',
    ask: 'Nach Art. 77 DSGVO reiche ich Beschwerde ein: Der Verantwortliche hat meine personenbezogenen Daten nicht gelöscht, wie Art. 17 es verlangt, und nicht in der Frist des Art. 12 Abs. 3 geantwortet.',
  },
};

const element: TakedownLetters['element'] = {
  locate: (f) => `Der Inhalt ist unter ${q(f.address)} (${PLATFORM[f.platform]}) abrufbar; ich habe ihn am ${on(f.seenAt, f)} gesehen.`,
  signature: () => 'Unterschrift: [Ihr vollständiger Name als elektronische Unterschrift]',
  'good-faith-non-consensual': (f) =>
    `Ich erkläre in gutem Glauben, dass diese Darstellung ${SHOWS[f.shows]} ohne meine Einwilligung veröffentlicht wurde. ${MADE_WITH[f.madeWith]}`,
  contact: () => 'Kontakt: [Ihre E-Mail-Adresse oder Telefonnummer]',
  'explanation-illegal': (f) =>
    `Warum der Inhalt rechtswidrig ist: Er ist eine realistische, mit KI erstellte Darstellung ${SHOWS[f.shows]}, ohne meine Einwilligung veröffentlicht, unter Verstoß gegen [das Gesetz, das dort, wo Sie leben, Ihr Bild oder Ihre Stimme schützt, etwa das Recht am eigenen Bild]. ${MADE_WITH[f.madeWith]}`,
  'name-email': () => 'Name: [Ihr vollständiger Name]. E-Mail: [Ihre E-Mail-Adresse].',
  'accurate-complete': () => 'Ich bestätige in gutem Glauben, dass die Angaben und Behauptungen in dieser Meldung richtig und vollständig sind.',
  'identity-proof': () => 'Identitätsnachweis: [fügen Sie den Ausweis bei, den das Formular verlangt].',
  'first-party': () => 'Ich bin die dargestellte Person.',
  'synthetic-likeness': (f) => `Er zeigt eine realistische, mit KI erstellte oder veränderte Fassung ${SHOWS[f.shows]}, ohne meine Einwilligung. ${MADE_WITH[f.madeWith]}`,
  'erasure-grounds': () =>
    'Ich habe in diese Verarbeitung meiner personenbezogenen Daten nicht eingewilligt bzw. widerrufe jede Einwilligung und widerspreche ihr (Art. 21 DSGVO). Bitte löschen Sie die Daten unverzüglich (Art. 17 Abs. 1 DSGVO) und informieren Sie, da Sie sie öffentlich gemacht haben, andere Verantwortliche, die sie kopiert haben (Art. 17 Abs. 2).',
};

const screenshot = (f: TakedownFacts) => (f.screenshotSha256 ? [`Ich habe einen Screenshot davon aufbewahrt (SHA-256 ${f.screenshotSha256}).`] : []);

function notice(f: TakedownFacts): Letter {
  const lines = ['Guten Tag,', '', 'ich bitte Sie, Inhalte zu entfernen, die mein Abbild zeigen.', '', ...noticeLines(takedownDe, f), ...screenshot(f), '', ASK[f.route], '', 'Mit freundlichen Grüßen', '[Ihr Name]'];
  return { subject: SUBJECT[f.route], body: lines.join('\n') };
}

function escalation(f: TakedownFacts, to: Escalation): Letter {
  const { subject, to: greeting, ask } = ESCALATION[to];
  const sent = f.sent;
  const reference = sent?.reference ? ` (Aktenzeichen ${q(sent.reference)})` : '';
  const history = sent
    ? sent.refused
      ? `Am ${on(sent.at, f)} habe ich die Entfernung beantragt${reference}. Der Antrag wurde abgelehnt.`
      : `Am ${on(sent.at, f)} habe ich die Entfernung beantragt${reference}; sie war bis ${on(sent.dueAt, f)} fällig. Der Inhalt ist noch abrufbar.`
    : '';
  const lines = [greeting, '', element.locate(f), history, ...screenshot(f), '', ask, '', 'Mit freundlichen Grüßen', '[Ihr Name]', 'Kontakt: [Ihre E-Mail-Adresse]'];
  return { subject: `${subject}: ${SUBJECT[f.route]}`, body: lines.join('\n') };
}

export const takedownDe: TakedownLetters = { notice, escalation, element };
