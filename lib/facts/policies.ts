/**
 * Facts about OpenAI's retention and the law, as data with their sources.
 * This is the one place such facts live: a policy change is an edit here.
 * Source of each fact: ../shared/docs/openai-surfaces.md, which cites the primary texts.
 * Over 300 lines because it is data: every fact with its source, date and confidence, kept in
 * one file so that a change in a policy or a law is one edit, reviewed in one place.
 *
 * Folder lib/facts/: facts about OpenAI's services and the law, as data with their source, date and
 * confidence: retention, purge windows and legal deadlines (policies.ts), the watched sites and
 * their hosts (surfaces.ts), the laws' names as the UI shows them. A policy change is an edit here
 * and nowhere else.
 */

export type Confidence = 'confirmed' | 'secondary' | 'inferred';

export interface Source {
  /** Absent where the source is press coverage we cite by name (see openai-surfaces.md). */
  url?: string;
  title: string;
  /** The day the fact was last checked against its source (YYYY-MM-DD). */
  asOf: string;
  confidence: Confidence;
}

const HELP_DELETE: Source = {
  url: 'https://help.openai.com/en/articles/6378407-how-to-delete-your-account',
  title: 'OpenAI Help: How to delete your account',
  asOf: '2025-10-01',
  confidence: 'confirmed',
};
const HELP_REACTIVATE: Source = {
  url: 'https://help.openai.com/en/articles/9019931-can-you-reactivate-my-deleted-account',
  title: 'OpenAI Help: Can you reactivate my deleted account?',
  asOf: '2025-11-01',
  confidence: 'confirmed',
};
const HELP_EXPORT: Source = {
  url: 'https://help.openai.com/en/articles/7260999-how-do-i-export-my-chatgpt-history-and-data',
  title: 'OpenAI Help: How do I export my ChatGPT history and data?',
  asOf: '2025-10-01',
  confidence: 'confirmed',
};
const PCMAG_CAMEO: Source = {
  title: 'OpenAI, quoted by PCMag (Oct 2025)',
  asOf: '2025-10-15',
  confidence: 'secondary',
};
const SORA_LAUNCH_DELETION: Source = {
  title: 'Sora account deletion at launch, reported by Decrypt and PCMag (Oct 2025)',
  asOf: '2025-10-10',
  confidence: 'secondary',
};
const GDPR: Source = {
  url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
  title: 'GDPR Art. 12(3), 15, 17',
  asOf: '2016-04-27',
  confidence: 'confirmed',
};
const CCPA_REGS: Source = {
  url: 'https://cppa.ca.gov/regulations/pdf/cppa_regs.pdf',
  title: 'CCPA regulations §7021',
  asOf: '2023-03-29',
  confidence: 'confirmed',
};
const LGPD: Source = {
  url: 'https://www.planalto.gov.br/ccivil_03/_ato2015-2018/2018/lei/l13709.htm',
  title: 'LGPD Art. 19',
  asOf: '2018-08-14',
  confidence: 'confirmed',
};

/** A length of time, in calendar units: months and days are counted on the calendar of the user's time zone. */
export interface Duration {
  months?: number;
  days?: number;
}

// ---------------------------------------------------------------------------
// Retention windows: how long OpenAI says it takes to purge what was deleted.

export type WindowKind = 'cameo-purge' | 'account-purge' | 'export-link';

export interface RetentionPolicy {
  id: WindowKind;
  /** The deletion event kind that opens this window. */
  opensOn: 'cameo-deleted' | 'account-deletion-requested' | 'data-export-received';
  length: Duration;
  /**
   * How the length is read. 'days': a promise in days ("within 30 days"), due at the end of the
   * local day it reaches. 'elapsed': a clock time ("expires after 24 hours"), due at that moment,
   * a day counted as 24 hours.
   */
  counted: 'days' | 'elapsed';
  statement: string;
  source: Source;
}

export const RETENTION_POLICIES: Record<WindowKind, RetentionPolicy> = {
  'cameo-purge': {
    id: 'cameo-purge',
    opensOn: 'cameo-deleted',
    length: { days: 30 },
    counted: 'days',
    statement: 'Uploads are automatically deleted within 30 days after users delete them.',
    source: PCMAG_CAMEO,
  },
  'account-purge': {
    id: 'account-purge',
    opensOn: 'account-deletion-requested',
    length: { days: 30 },
    counted: 'days',
    statement:
      'We will delete your data within 30 days, except we may retain a limited set of data for longer where required or permitted by law.',
    source: HELP_DELETE,
  },
  'export-link': {
    id: 'export-link',
    opensOn: 'data-export-received',
    length: { days: 1 },
    counted: 'elapsed',
    statement: 'The download link in the export email expires after 24 hours.',
    source: HELP_EXPORT,
  },
};

// ---------------------------------------------------------------------------
// Legal deadlines for privacy requests.

export const LAWS = ['gdpr', 'uk-gdpr', 'ccpa', 'us-state', 'lgpd', 'pipeda', 'none'] as const;
export type Law = (typeof LAWS)[number];

export interface LegalDeadline {
  law: Law;
  name: string;
  /** The answer is due this long after the request was sent. */
  respondWithin: Duration;
  /** How much longer the controller may take if it says so in time. */
  extension: Duration;
  /** The rule in plain words, shown with a window that counts down to it. */
  statement: string;
  /** Where a complaint goes when the deadline passes unanswered. */
  authority: string;
  source: Source;
}

const GDPR_DEADLINE =
  'An answer is due without undue delay and at the latest one month after the request; the controller may take two further months if it says so, with reasons, within the first month.';

export const LEGAL_DEADLINES: Record<Exclude<Law, 'none'>, LegalDeadline> = {
  gdpr: {
    law: 'gdpr',
    name: 'GDPR Art. 12(3)',
    respondWithin: { months: 1 },
    extension: { months: 2 },
    statement: GDPR_DEADLINE,
    authority: 'your national data protection authority (for OpenAI Ireland: the Irish Data Protection Commission)',
    source: GDPR,
  },
  'uk-gdpr': {
    law: 'uk-gdpr',
    name: 'UK GDPR Art. 12(3)',
    respondWithin: { months: 1 },
    extension: { months: 2 },
    statement: GDPR_DEADLINE,
    authority: "the Information Commissioner's Office (ICO)",
    source: { ...GDPR, title: 'UK GDPR Art. 12(3) (same as GDPR)', confidence: 'inferred' },
  },
  ccpa: {
    law: 'ccpa',
    name: 'CCPA regulations §7021',
    respondWithin: { days: 45 },
    extension: { days: 45 },
    statement: 'A business must respond within 45 calendar days; it may take 45 more if it tells you so, with reasons, within the first 45.',
    authority: 'the California Privacy Protection Agency',
    source: CCPA_REGS,
  },
  'us-state': {
    law: 'us-state',
    name: 'US state privacy laws (VA, CO, CT …)',
    respondWithin: { days: 45 },
    extension: { days: 45 },
    statement: 'Most US state privacy laws give 45 days to respond, once extendable by 45 more when reasonably necessary.',
    authority: "your state's attorney general",
    source: { ...CCPA_REGS, title: 'US state privacy laws', confidence: 'inferred' },
  },
  lgpd: {
    law: 'lgpd',
    name: 'LGPD Art. 19',
    respondWithin: { days: 15 },
    extension: {},
    statement: 'A complete answer about your data is due within 15 days of the request.',
    authority: 'the ANPD (Autoridade Nacional de Proteção de Dados)',
    source: LGPD,
  },
  pipeda: {
    law: 'pipeda',
    name: 'PIPEDA',
    respondWithin: { days: 30 },
    extension: { days: 30 },
    statement: 'An organization must respond within 30 days; it may take up to 30 more if it tells you so within the first 30.',
    authority: 'the Office of the Privacy Commissioner of Canada',
    source: { ...LGPD, url: 'https://laws-lois.justice.gc.ca/eng/acts/P-8.6/', title: 'PIPEDA Principle 4.9', confidence: 'inferred' },
  },
};

/** The right a follow-up about a deletion invokes, per law. */
export interface ErasureRight {
  law: Exclude<Law, 'none'>;
  /** As a letter cites it. */
  right: string;
  source: Source;
}

export const ERASURE_RIGHTS: Record<Exclude<Law, 'none'>, ErasureRight> = {
  gdpr: { law: 'gdpr', right: 'Article 17 GDPR (right to erasure)', source: GDPR },
  'uk-gdpr': { law: 'uk-gdpr', right: 'Article 17 UK GDPR (right to erasure)', source: { ...GDPR, title: 'UK GDPR Art. 17 (same as GDPR)', confidence: 'inferred' } },
  ccpa: {
    law: 'ccpa',
    right: 'the California Consumer Privacy Act, Cal. Civ. Code §1798.105 (right to delete)',
    source: {
      url: 'https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CIV&sectionNum=1798.105',
      title: 'Cal. Civ. Code §1798.105',
      asOf: '2026-11-28',
      confidence: 'inferred',
    },
  },
  'us-state': {
    law: 'us-state',
    right: "the right to delete under my state's consumer privacy law",
    source: { ...CCPA_REGS, title: 'US state privacy laws', confidence: 'inferred' },
  },
  lgpd: { law: 'lgpd', right: 'LGPD Art. 18, VI (elimination of personal data)', source: { ...LGPD, title: 'LGPD Art. 18', confidence: 'inferred' } },
  pipeda: {
    law: 'pipeda',
    right: 'PIPEDA Principle 4.5.3 (personal information no longer needed is destroyed or erased)',
    source: { url: 'https://laws-lois.justice.gc.ca/eng/acts/P-8.6/', title: 'PIPEDA Principle 4.5.3', asOf: '2026-11-28', confidence: 'inferred' },
  },
};

/**
 * The right to know what is held, cited with the erasure: the answer to it shows whether the
 * erasure is complete (GDPR Art. 15 with Art. 17; the CCPA's right to know with its right to delete).
 */
export const ACCESS_RIGHTS: Record<Exclude<Law, 'none'>, ErasureRight> = {
  gdpr: { law: 'gdpr', right: 'Article 15 GDPR (right of access)', source: GDPR },
  'uk-gdpr': { law: 'uk-gdpr', right: 'Article 15 UK GDPR (right of access)', source: { ...GDPR, title: 'UK GDPR Art. 15 (same as GDPR)', confidence: 'inferred' } },
  ccpa: {
    law: 'ccpa',
    right: 'Cal. Civ. Code §1798.110 (right to know)',
    source: {
      url: 'https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CIV&sectionNum=1798.110',
      title: 'Cal. Civ. Code §1798.110',
      asOf: '2026-12-01',
      confidence: 'inferred',
    },
  },
  'us-state': {
    law: 'us-state',
    right: "the right to access under my state's consumer privacy law",
    source: { ...CCPA_REGS, title: 'US state privacy laws', confidence: 'inferred' },
  },
  lgpd: { law: 'lgpd', right: 'LGPD Art. 18, I and II (confirmation and access)', source: { ...LGPD, title: 'LGPD Art. 18', confidence: 'inferred' } },
  pipeda: {
    law: 'pipeda',
    right: 'PIPEDA Principle 4.9 (individual access)',
    source: { url: 'https://laws-lois.justice.gc.ca/eng/acts/P-8.6/', title: 'PIPEDA Principle 4.9', asOf: '2026-12-01', confidence: 'inferred' },
  },
};

/**
 * Where a privacy request to OpenAI goes. The portal is named in OpenAI's help; the email
 * address is the one commonly cited for data subject requests, not found in an OpenAI page here.
 */
export const OPENAI_PRIVACY_CHANNEL: {
  portal: { url: string; source: Source };
  email: { address: string; source: Source };
} = {
  portal: {
    url: 'https://privacy.openai.com/',
    source: { ...HELP_DELETE, title: 'OpenAI Help: How to delete your account (points to the Privacy Portal)' },
  },
  email: {
    address: 'dsar@openai.com',
    source: { title: 'Address commonly cited for data subject requests to OpenAI', asOf: '2026-11-28', confidence: 'inferred' },
  },
};

// ---------------------------------------------------------------------------
// What an account deletion takes with it, and what cannot be had back.
// Shown in the in-page warning; each statement with its source.

/** The languages the in-page warning speaks (the page's language where we have it, else English). */
export type WarningLanguage = 'en' | 'de' | 'fr' | 'es';

export interface Statement {
  id: string;
  text: Record<WarningLanguage, string>;
  source: Source;
}

export const ACCOUNT_DELETION_TAKES: Statement[] = [
  {
    id: 'chatgpt-history',
    text: { en: 'Your ChatGPT account and all its history', de: 'Dein ChatGPT-Konto mit dem gesamten Verlauf', fr: 'Votre compte ChatGPT et tout son historique', es: 'Tu cuenta de ChatGPT y todo su historial' },
    source: SORA_LAUNCH_DELETION,
  },
  {
    id: 'sora-profile',
    text: { en: 'Your Sora profile, your cameo and your drafts', de: 'Dein Sora-Profil, deinen Cameo und deine Entwürfe', fr: 'Votre profil Sora, votre caméo et vos brouillons', es: 'Tu perfil de Sora, tu cameo y tus borradores' },
    source: SORA_LAUNCH_DELETION,
  },
  {
    id: 'api-access',
    text: { en: 'API access and your API keys', de: 'API-Zugang und deine API-Schlüssel', fr: 'L’accès à l’API et vos clés API', es: 'El acceso a la API y tus claves de API' },
    source: SORA_LAUNCH_DELETION,
  },
  {
    id: 'web-subscriptions',
    text: { en: 'Subscriptions bought on the web (they are cancelled)', de: 'Im Web abgeschlossene Abos (sie werden gekündigt)', fr: 'Les abonnements souscrits sur le web (ils sont résiliés)', es: 'Las suscripciones contratadas en la web (se cancelan)' },
    source: HELP_DELETE,
  },
  {
    id: 'store-subscriptions',
    text: {
      en: 'App Store and Google Play subscriptions are NOT cancelled: cancel them in the store',
      de: 'Abos aus dem App Store und von Google Play werden NICHT gekündigt: kündige sie dort',
      fr: 'Les abonnements App Store et Google Play ne sont PAS résiliés : résiliez-les dans le store',
      es: 'Las suscripciones de App Store y Google Play NO se cancelan: cancélalas en la tienda',
    },
    source: SORA_LAUNCH_DELETION,
  },
];

/** The two versions conflict (see openai-surfaces.md): both are shown, each with its date. */
export const ACCOUNT_DELETION_IRREVERSIBLE: Statement[] = [
  {
    id: 'no-reuse',
    text: {
      en: 'You cannot reuse the same email address or phone number for a new account.',
      de: 'Du kannst dieselbe E-Mail-Adresse oder Telefonnummer nicht für ein neues Konto verwenden.',
      fr: 'Vous ne pourrez pas réutiliser la même adresse e-mail ni le même numéro de téléphone pour un nouveau compte.',
      es: 'No podrás reutilizar la misma dirección de correo ni el mismo número de teléfono para una cuenta nueva.',
    },
    source: SORA_LAUNCH_DELETION,
  },
  {
    id: 'reuse-after-30-days',
    text: {
      en: "OpenAI's newer policy: the same email can be used again only after a 30-day wait.",
      de: 'Neuere Regel von OpenAI: dieselbe E-Mail-Adresse ist erst nach 30 Tagen Wartezeit wieder nutzbar.',
      fr: 'Règle plus récente d’OpenAI : la même adresse e-mail ne peut être réutilisée qu’après un délai de 30 jours.',
      es: 'Norma más reciente de OpenAI: la misma dirección de correo solo se puede volver a usar tras esperar 30 días.',
    },
    source: HELP_REACTIVATE,
  },
];

// ---------------------------------------------------------------------------
// Sora's closure (openai-surfaces.md, "Sora's closure", as of 2026-12-01). Sora is gone: these
// facts are what the popup, the dashboard, the welcome page and the evidence report say about it.

const CLOSURE_APPS: Source = {
  url: 'https://thedailyscout.com/briefings/3Y_HeCdf34E/openai-shutters-sora',
  title: 'The Daily Scout and seedancepro.work, both citing OpenAI Help and CNBC',
  asOf: '2026-05-20',
  confidence: 'secondary',
};
const CLOSURE_API: Source = {
  url: 'https://developers.openai.com/de-DE/api/docs/models/sora-2',
  title: 'OpenAI API docs: Sora 2 model page (deprecation)',
  asOf: '2026-12-01',
  confidence: 'confirmed',
};
const CLOSURE_ANNOUNCED: Source = {
  title: 'OpenAI on X, 24 March 2026, quoted by AP',
  asOf: '2026-03-24',
  confidence: 'secondary',
};
const CLOSURE_NOTHING_FOUND: Source = {
  title: 'Likeness Ledger research: no OpenAI statement found (openai-surfaces.md)',
  asOf: '2026-12-01',
  confidence: 'inferred',
};

/** The days Sora closed, as calendar dates: each is counted as a day of the user's own calendar. */
export const SORA_CLOSURE = {
  /** The Sora web and phone apps discontinued: no cameo could be made, changed or deleted after it. */
  apps: { date: '2026-04-26', source: CLOSURE_APPS },
  /** The Sora 2 models and the Videos API shut down. */
  api: { date: '2026-09-24', source: CLOSURE_API },
} as const;

/** What OpenAI said about the closure, and what it did not; shown together, each with its source. */
export const SORA_CLOSURE_SAID: Statement[] = [
  {
    id: 'announced',
    text: {
      en: 'OpenAI announced on 24 March 2026: “We’re saying goodbye to Sora”, promising details on preserving your work.',
      de: 'OpenAI kündigte am 24. März 2026 an: „We’re saying goodbye to Sora“, mit dem Versprechen, zu erklären, wie man seine Werke sichert.',
      fr: 'OpenAI a annoncé le 24 mars 2026 : « We’re saying goodbye to Sora », en promettant d’expliquer comment conserver vos créations.',
      es: 'OpenAI anunció el 24 de marzo de 2026: «We’re saying goodbye to Sora», y prometió explicar cómo conservar tus creaciones.',
    },
    source: CLOSURE_ANNOUNCED,
  },
  {
    id: 'apps-closed',
    text: {
      en: 'The Sora web and phone apps closed on 26 April 2026.',
      de: 'Die Sora-Website und die Sora-Apps wurden am 26. April 2026 eingestellt.',
      fr: 'Le site et les applications mobiles de Sora ont fermé le 26 avril 2026.',
      es: 'La web y las apps móviles de Sora cerraron el 26 de abril de 2026.',
    },
    source: CLOSURE_APPS,
  },
  {
    id: 'api-off',
    text: {
      en: 'The Sora API and its models were switched off on 24 September 2026.',
      de: 'Die Sora-API und ihre Modelle wurden am 24. September 2026 abgeschaltet.',
      fr: 'L’API Sora et ses modèles ont été coupés le 24 septembre 2026.',
      es: 'La API de Sora y sus modelos se apagaron el 24 de septiembre de 2026.',
    },
    source: CLOSURE_API,
  },
  {
    id: 'uploads-30-days',
    text: {
      en: 'OpenAI’s only statement on cameo retention (October 2025): uploads are automatically deleted within 30 days after users delete them.',
      de: 'OpenAIs einzige Aussage zur Aufbewahrung von Cameos (Oktober 2025): Uploads werden innerhalb von 30 Tagen gelöscht, nachdem Nutzer sie gelöscht haben.',
      fr: 'Seule déclaration d’OpenAI sur la conservation des caméos (octobre 2025) : les contenus importés sont supprimés automatiquement dans les 30 jours après leur suppression par l’utilisateur.',
      es: 'Única declaración de OpenAI sobre la conservación de los cameos (octubre de 2025): los archivos subidos se eliminan automáticamente en los 30 días siguientes a que el usuario los elimine.',
    },
    source: PCMAG_CAMEO,
  },
];

export const SORA_CLOSURE_NOT_SAID: Statement[] = [
  {
    id: 'recordings',
    text: {
      en: 'OpenAI has not said what became of cameo recordings (face and voice) or anything derived from them when Sora closed.',
      de: 'OpenAI hat nicht gesagt, was mit den Cameo-Aufnahmen (Gesicht und Stimme) und allem daraus Abgeleiteten geschah, als Sora eingestellt wurde.',
      fr: 'OpenAI n’a pas dit ce que sont devenus les enregistrements des caméos (visage et voix) ni tout ce qui en a été dérivé à la fermeture de Sora.',
      es: 'OpenAI no ha dicho qué pasó con las grabaciones de los cameos (cara y voz) ni con todo lo derivado de ellas cuando cerró Sora.',
    },
    source: CLOSURE_NOTHING_FOUND,
  },
  {
    id: 'window',
    text: {
      en: 'OpenAI has not said whether the closure started its 30-day deletion.',
      de: 'OpenAI hat nicht gesagt, ob mit der Einstellung die 30-tägige Löschfrist begann.',
      fr: 'OpenAI n’a pas dit si la fermeture a déclenché son délai de suppression de 30 jours.',
      es: 'OpenAI no ha dicho si el cierre inició su plazo de eliminación de 30 días.',
    },
    source: CLOSURE_NOTHING_FOUND,
  },
];

/**
 * The window the closure opens for a cameo that was not deleted before it. OpenAI stated no
 * period for this; the nearest stated figure is its 30 days for deleted uploads, so the length
 * is that figure applied to the closure: an inference, and labelled as one wherever it is shown.
 */
export const SORA_CLOSURE_WINDOW: { id: 'sora-closure'; length: Duration; statement: string; source: Source } = {
  id: 'sora-closure',
  length: RETENTION_POLICIES['cameo-purge'].length,
  statement:
    'OpenAI closed the Sora apps on 26 April 2026 without saying what became of cameos. Its nearest stated figure: uploads are deleted within 30 days after users delete them. Counting those 30 days from the closure is an inference.',
  source: { ...PCMAG_CAMEO, title: 'OpenAI, quoted by PCMag (Oct 2025), applied to the closure by inference', confidence: 'inferred' },
};

/** Which accounts an account deletion on one service takes with it. */
export const LINKED_DELETIONS: Record<'sora' | 'chatgpt' | 'api-platform', ('sora' | 'chatgpt' | 'api-platform')[]> = {
  sora: ['chatgpt', 'api-platform'],
  chatgpt: ['sora', 'api-platform'],
  'api-platform': ['chatgpt', 'sora'],
};

export const POLICY_SOURCES: Source[] = [
  HELP_DELETE,
  HELP_REACTIVATE,
  HELP_EXPORT,
  PCMAG_CAMEO,
  SORA_LAUNCH_DELETION,
  CLOSURE_ANNOUNCED,
  CLOSURE_APPS,
  CLOSURE_API,
  GDPR,
  CCPA_REGS,
  LGPD,
];
