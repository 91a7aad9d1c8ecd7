/**
 * The in-page warning's own words, in the languages it speaks. It speaks the page's language
 * (the <html lang> of the OpenAI page), not the browser's, so the user reads one language.
 * What the deletion takes, and what cannot be had back, come from lib/facts/policies.ts with sources.
 */
import type { WarningLanguage } from '@/lib/facts/policies';
import type { ChecklistItem } from '@/lib/warning/checklist-types';

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

/**
 * The form for a count in the warning's language. The warning is injected into the page on its own
 * (no extension messages there: it speaks the page's language, not the UI's), so it picks plural
 * forms itself, by the same Intl.PluralRules categories as lib/i18n/plural.ts.
 */
const pick = (lang: WarningLanguage, count: number, one: string, other: string) =>
  new Intl.PluralRules(lang).select(count) === 'one' ? one : other;

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
          return `${item.people.length} ${pick('en', item.people.length, 'person', 'people')} can still use your cameo: ${item.people.join(', ')}. Revoke their access first.`;
        case 'cameo-not-deleted':
          return 'Your cameo is not deleted. Delete it first, so that its own 30-day purge clock starts.';
        case 'export-missing':
          return item.state === 'never-requested'
            ? 'You have not exported your data. Request an export first (Settings → Data controls → Export data).'
            : 'Your data export was requested but not received yet. Wait for it: the link expires after 24 hours.';
        case 'open-privacy-requests':
          return `${item.count} privacy ${pick('en', item.count, 'request is', 'requests are')} still waiting for an answer.`;
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
          return `${item.people.length} ${pick('de', item.people.length, 'Person kann', 'Personen können')} deinen Cameo noch nutzen: ${item.people.join(', ')}. Entziehe zuerst den Zugriff.`;
        case 'cameo-not-deleted':
          return 'Dein Cameo ist nicht gelöscht. Lösche ihn zuerst, damit seine eigene 30-Tage-Frist beginnt.';
        case 'export-missing':
          return item.state === 'never-requested'
            ? 'Du hast deine Daten nicht exportiert. Fordere zuerst einen Export an (Einstellungen → Datenkontrollen → Daten exportieren).'
            : 'Dein Datenexport ist angefordert, aber noch nicht da. Warte darauf: Der Link verfällt nach 24 Stunden.';
        case 'open-privacy-requests':
          return `${item.count} ${pick('de', item.count, 'Datenschutzanfrage wartet', 'Datenschutzanfragen warten')} noch auf Antwort.`;
      }
    },
  },
  fr: {
    title: 'Avant de supprimer ce compte',
    intro: 'Supprimer un compte OpenAI supprime aussi les comptes qui y sont liés. C’est irréversible.',
    takesHeading: 'Cette suppression emporte',
    irreversibleHeading: 'Ce que vous ne récupérerez pas',
    checklistHeading: 'D’après votre registre : à faire d’abord',
    checklistEmpty: 'Rien n’est en attente dans votre registre.',
    source: (title, asOf) => `Source : ${title}, au ${asOf}`,
    goBack: 'Revenir en arrière',
    continueAnyway: 'Poursuivre la suppression',
    footer: 'Likeness Ledger · affiché sur cet appareil uniquement',
    item: (item) => {
      switch (item.id) {
        case 'people-with-access':
          return `${item.people.length} ${pick('fr', item.people.length, 'personne peut', 'personnes peuvent')} encore utiliser votre caméo : ${item.people.join(', ')}. Retirez-leur d’abord l’accès.`;
        case 'cameo-not-deleted':
          return 'Votre caméo n’est pas supprimé. Supprimez-le d’abord, pour que son propre délai d’effacement de 30 jours commence.';
        case 'export-missing':
          return item.state === 'never-requested'
            ? 'Vous n’avez pas exporté vos données. Demandez d’abord un export (Paramètres → Gestion des données → Exporter les données).'
            : 'Votre export de données est demandé mais pas encore reçu. Attendez-le : le lien expire au bout de 24 heures.';
        case 'open-privacy-requests':
          return `${item.count} ${pick('fr', item.count, 'demande de confidentialité attend', 'demandes de confidentialité attendent')} encore une réponse.`;
      }
    },
  },
  es: {
    title: 'Antes de eliminar esta cuenta',
    intro: 'Eliminar una cuenta de OpenAI elimina también las cuentas vinculadas. No se puede deshacer.',
    takesHeading: 'Esta eliminación se lleva consigo',
    irreversibleHeading: 'Lo que no podrás recuperar',
    checklistHeading: 'Según tu registro: qué hacer antes',
    checklistEmpty: 'No hay nada pendiente en tu registro.',
    source: (title, asOf) => `Fuente: ${title}, a fecha de ${asOf}`,
    goBack: 'Volver atrás',
    continueAnyway: 'Continuar con la eliminación',
    footer: 'Likeness Ledger · se muestra solo en este dispositivo',
    item: (item) => {
      switch (item.id) {
        case 'people-with-access':
          return `${item.people.length} ${pick('es', item.people.length, 'persona aún puede', 'personas aún pueden')} usar tu cameo: ${item.people.join(', ')}. Retírales antes el acceso.`;
        case 'cameo-not-deleted':
          return 'Tu cameo no está eliminado. Elimínalo antes, para que empiece su propio plazo de borrado de 30 días.';
        case 'export-missing':
          return item.state === 'never-requested'
            ? 'No has exportado tus datos. Solicita antes una exportación (Configuración → Controles de datos → Exportar datos).'
            : 'Has solicitado la exportación de tus datos, pero aún no ha llegado. Espérala: el enlace caduca a las 24 horas.';
        case 'open-privacy-requests':
          return `${item.count} ${pick('es', item.count, 'solicitud de privacidad sigue', 'solicitudes de privacidad siguen')} esperando respuesta.`;
      }
    },
  },
};
