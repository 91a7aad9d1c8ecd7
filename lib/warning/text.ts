/**
 * The in-page warning's own words, in the languages it speaks. It speaks the page's language
 * (the <html lang> of the OpenAI page), not the browser's, so the user reads one language.
 * What the deletion takes, and what cannot be had back, come from lib/policies.ts with sources.
 */
import type { WarningLanguage } from '../policies';
import type { ChecklistItem } from './checklist-types';

export interface WarningText {
  title: string;
  intro: string;
  takesHeading: string;
  irreversibleHeading: string;
  checklistHeading: string;
  checklistEmpty: string;
  source: (title: string, asOf: string) => string;
  goBack: string;
  continueAnyway: string;
  footer: string;
  item: (item: ChecklistItem) => string;
}

export const WARNING_TEXT: Record<WarningLanguage, WarningText> = {
  en: {
    title: 'Before you delete this account',
    intro: 'Deleting one OpenAI account deletes the linked ones with it. This cannot be undone.',
    takesHeading: 'This deletion takes with it',
    irreversibleHeading: 'What you cannot get back',
    checklistHeading: 'From your ledger: things to do first',
    checklistEmpty: 'Nothing open in your ledger.',
    source: (title, asOf) => `Source: ${title}, as of ${asOf}`,
    goBack: 'Go back',
    continueAnyway: 'Continue with deletion',
    footer: 'Likeness Ledger · shown on this device only',
    item: (item) => {
      switch (item.id) {
        case 'people-with-access':
          return `${item.people.length} ${item.people.length === 1 ? 'person' : 'people'} can still use your cameo: ${item.people.join(', ')}. Revoke their access first.`;
        case 'cameo-not-deleted':
          return 'Your cameo is not deleted. Delete it first, so that its own 30-day purge clock starts.';
        case 'export-missing':
          return item.state === 'never-requested'
            ? 'You have not exported your data. Request an export first (Settings → Data controls → Export data).'
            : 'Your data export was requested but not received yet. Wait for it: the link expires after 24 hours.';
        case 'open-privacy-requests':
          return `${item.count} privacy ${item.count === 1 ? 'request is' : 'requests are'} still waiting for an answer.`;
      }
    },
  },
  de: {
    title: 'Bevor du dieses Konto löschst',
    intro: 'Wer ein OpenAI-Konto löscht, löscht die verknüpften Konten mit. Das lässt sich nicht rückgängig machen.',
    takesHeading: 'Diese Löschung nimmt mit',
    irreversibleHeading: 'Was du nicht zurückbekommst',
    checklistHeading: 'Aus deinem Protokoll: vorher erledigen',
    checklistEmpty: 'In deinem Protokoll ist nichts offen.',
    source: (title, asOf) => `Quelle: ${title}, Stand ${asOf}`,
    goBack: 'Zurück',
    continueAnyway: 'Mit dem Löschen fortfahren',
    footer: 'Likeness Ledger · nur auf diesem Gerät angezeigt',
    item: (item) => {
      switch (item.id) {
        case 'people-with-access':
          return `${item.people.length} ${item.people.length === 1 ? 'Person kann' : 'Personen können'} deinen Cameo noch nutzen: ${item.people.join(', ')}. Entziehe zuerst den Zugriff.`;
        case 'cameo-not-deleted':
          return 'Dein Cameo ist nicht gelöscht. Lösche ihn zuerst, damit seine eigene 30-Tage-Frist beginnt.';
        case 'export-missing':
          return item.state === 'never-requested'
            ? 'Du hast deine Daten nicht exportiert. Fordere zuerst einen Export an (Einstellungen → Datenkontrollen → Daten exportieren).'
            : 'Dein Datenexport ist angefordert, aber noch nicht da. Warte darauf: Der Link verfällt nach 24 Stunden.';
        case 'open-privacy-requests':
          return `${item.count} ${item.count === 1 ? 'Datenschutzanfrage wartet' : 'Datenschutzanfragen warten'} noch auf Antwort.`;
      }
    },
  },
};

/** The page's language if we speak it, else English. */
export function warningLanguage(pageLang: string | null | undefined): WarningLanguage {
  return pageLang?.toLowerCase().startsWith('de') ? 'de' : 'en';
}
