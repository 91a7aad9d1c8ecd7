/**
 * The letters in French ("vous", as every letter to a company or an authority is written). The
 * legal citations are the French forms of those in lib/facts/policies.ts (RGPD, LPRPDE for PIPEDA);
 * OpenAI's own statements are quoted as OpenAI said them, in English.
 */
import { OPENAI_PRIVACY_CHANNEL, type Law } from '../facts/policies';
import type { ErasureScope } from './kinds';
import { quoteData } from './quote';
import { longDate, type EvidenceItem, type LawWithDeadline, type LetterFacts, type LetterTemplates, type OpenaiWindowKind, type RequestFacts } from './template';

const date = longDate('fr-FR');
const q = (text: string) => quoteData(text, ['« ', ' »']);
const on = (instant: number, f: LetterFacts) => date(instant, f.timeZone);
const account = (f: LetterFacts) => `mon compte ${f.account.service} ${q(f.account.handle)}`;

const SCOPE: Record<ErasureScope, string> = {
  cameo:
    'mon caméo (l’enregistrement vidéo et audio de mon visage et de ma voix) et tout ce qui en a été dérivé : données faciales et vocales, y compris les caractéristiques biométriques, les embeddings et autres représentations calculées à partir de celui-ci, ainsi que les vidéos et brouillons créés avec lui',
  account:
    'les données personnelles de ce compte, y compris un caméo (l’enregistrement vidéo et audio de mon visage et de ma voix) et toutes les données qui en ont été dérivées : données faciales et vocales, embeddings et autres représentations calculées à partir de celui-ci, ainsi que les vidéos et brouillons créés avec lui',
  request: 'les données personnelles visées par ma demande',
};

const TOPIC: Record<ErasureScope, string> = { cameo: 'mon caméo', account: 'les données de mon compte', request: 'mes données personnelles' };

/** Each law as a French letter cites it; the authority with its article ("auprès de l’…", "À l’attention de l’…"). */
const LAW: Record<LawWithDeadline, { erasure: string; access: string; name: string; short: string; rule: string; authority: string }> = {
  gdpr: {
    erasure: 'l’article 17 du RGPD (droit à l’effacement)',
    access: 'l’article 15 du RGPD (droit d’accès)',
    name: 'l’article 12, paragraphe 3, du RGPD',
    short: 'articles 15 et 17 du RGPD',
    rule: 'La réponse est due dans les meilleurs délais et au plus tard dans un délai d’un mois à compter de la réception de la demande ; le responsable du traitement peut prolonger ce délai de deux mois s’il en informe la personne, motifs à l’appui, dans le premier mois.',
    authority: 'l’autorité de contrôle compétente (pour OpenAI Ireland : la Data Protection Commission irlandaise)',
  },
  'uk-gdpr': {
    erasure: 'l’article 17 du RGPD britannique (UK GDPR, droit à l’effacement)',
    access: 'l’article 15 du RGPD britannique (UK GDPR, droit d’accès)',
    name: 'l’article 12, paragraphe 3, du RGPD britannique (UK GDPR)',
    short: 'articles 15 et 17 du UK GDPR',
    rule: 'La réponse est due dans les meilleurs délais et au plus tard dans un délai d’un mois à compter de la réception de la demande ; le responsable du traitement peut prolonger ce délai de deux mois s’il en informe la personne, motifs à l’appui, dans le premier mois.',
    authority: 'l’Information Commissioner’s Office (ICO)',
  },
  ccpa: {
    erasure: 'le Cal. Civ. Code §1798.105 (droit à la suppression au titre du California Consumer Privacy Act)',
    access: 'le Cal. Civ. Code §1798.110 (droit de savoir)',
    name: 'le §7021 du règlement d’application du CCPA',
    short: 'CCPA/CPRA : accès et suppression',
    rule: 'Une entreprise doit répondre dans un délai de 45 jours calendaires ; elle peut prendre 45 jours de plus si elle le signale, motifs à l’appui, dans les 45 premiers jours.',
    authority: 'la California Privacy Protection Agency',
  },
  'us-state': {
    erasure: 'le droit à la suppression prévu par la loi de mon État sur la protection des données des consommateurs',
    access: 'le droit d’accès prévu par la loi de mon État sur la protection des données des consommateurs',
    name: 'les lois des États américains sur la protection des données (VA, CO, CT …)',
    short: 'loi de mon État : accès et suppression',
    rule: 'La plupart des lois des États américains sur la protection des données accordent 45 jours pour répondre, prolongeables une fois de 45 jours lorsque c’est raisonnablement nécessaire.',
    authority: 'le procureur général (Attorney General) de mon État',
  },
  lgpd: {
    erasure: 'l’article 18, VI, de la LGPD (suppression des données personnelles)',
    access: 'l’article 18, I et II, de la LGPD (confirmation et accès)',
    name: 'l’article 19 de la LGPD',
    short: 'article 18 de la LGPD',
    rule: 'Une réponse complète sur les données est due dans les 15 jours suivant la demande.',
    authority: 'l’ANPD (Autoridade Nacional de Proteção de Dados)',
  },
  pipeda: {
    erasure: 'le principe 4.5.3 de la LPRPDE (les renseignements personnels qui ne sont plus nécessaires sont détruits, effacés ou rendus anonymes)',
    access: 'le principe 4.9 de la LPRPDE (accès aux renseignements personnels)',
    name: 'la LPRPDE',
    short: 'LPRPDE',
    rule: 'Une organisation doit répondre dans les 30 jours ; elle peut prendre jusqu’à 30 jours de plus si elle le signale dans les 30 premiers jours.',
    authority: 'le Commissariat à la protection de la vie privée du Canada',
  },
};

const REQUEST: Record<NonNullable<RequestFacts['logged']>['request'], string> = {
  erasure: 'une demande d’effacement',
  access: 'une demande d’accès',
  other: 'une demande relative à mes données personnelles',
};

const channel = (logged: NonNullable<RequestFacts['logged']>) =>
  logged.channel === 'privacy-portal' ? ` via son portail de confidentialité (${OPENAI_PRIVACY_CHANNEL.portal.url})` : logged.channel === 'email' ? ' par e-mail' : '';

const ABOUT: Record<OpenaiWindowKind, (f: LetterFacts) => string> = {
  'cameo-purge': (f) => `Le ${on(f.openedAt, f)}, j’ai supprimé mon caméo de ${account(f)}.`,
  'account-purge': (f) => `Le ${on(f.openedAt, f)}, j’ai supprimé ${account(f)}.`,
  'export-link': (f) => `Le ${on(f.openedAt, f)}, j’ai reçu un export des données de ${account(f)}.`,
  'sora-closure': (f) =>
    `Le ${on(f.openedAt, f)}, OpenAI a fermé Sora. Mon caméo, dans ${account(f)}, n’avait pas été supprimé à cette date, et OpenAI n’a pas dit ce que sont devenus les enregistrements.`,
  'legal-deadline': (f) => {
    const logged = f.request?.logged;
    if (!logged) return `Le ${on(f.openedAt, f)}, j’ai demandé à l’équipe confidentialité d’OpenAI (${OPENAI_PRIVACY_CHANNEL.email.address}) de confirmer l’effacement des données de ${account(f)}.`;
    const reference = logged.reference ? ` (référence ${q(logged.reference)})` : '';
    return `Le ${on(f.openedAt, f)}, j’ai adressé à OpenAI${channel(logged)} ${REQUEST[logged.request]} concernant ${account(f)}${reference}.`;
  },
};

function promised(f: LetterFacts): string {
  if (f.request) return `En vertu de ${LAW[f.request.law].name}, une réponse était due au plus tard le ${on(f.request.dueAt, f)}.`;
  return `OpenAI indique : « ${f.statement} » (${f.source}). Ce délai a expiré le ${on(f.dueAt, f)}.`;
}

const HOW: Record<EvidenceItem['how'], string> = {
  confirmed: 'confirmé à l’époque par la réponse du service lui-même',
  'seen-on-page': 'vu sur la page',
  'stated-by-user': 'ma propre déclaration',
};

const REQUEST_WORD: Record<'erasure' | 'access' | 'other', string> = { erasure: 'Demande d’effacement', access: 'Demande d’accès', other: 'Demande relative à mes données' };
const OUTCOME: Record<'done' | 'refused' | 'extended' | 'other', string> = { done: 'fait', refused: 'refus', extended: 'délai prolongé', other: 'autre' };

function what(item: EvidenceItem['what']): string {
  switch (item.kind) {
    case 'cameo-created':
      return 'Caméo créé';
    case 'cameo-deleted':
      return 'Caméo supprimé';
    case 'account-deletion-requested':
      return 'Suppression du compte demandée';
    case 'data-export-received':
      return 'Export de données reçu';
    case 'privacy-request-sent':
      return `${REQUEST_WORD[item.request]} envoyée${item.law === 'none' ? '' : ` en vertu de ${LAW[item.law].name}`}${item.reference ? `, référence ${q(item.reference)}` : ''}`;
    case 'follow-up-sent':
      return item.to === 'authority' ? 'Réclamation déposée auprès de l’autorité de contrôle' : 'Relance envoyée à l’équipe confidentialité d’OpenAI';
    case 'privacy-answer-received':
      return `Réponse reçue : ${OUTCOME[item.outcome]}`;
  }
}

function evidence(f: LetterFacts): string[] {
  return f.evidence.map((e) => {
    const detail = [HOW[e.how], e.shown ? `avec le texte ${q(e.shown)}` : '', e.url ? `à l’adresse ${e.url}` : ''].filter(Boolean).join(', ');
    return `- ${on(e.at, f)} : ${what(e.what)} (${detail})`;
  });
}

const deadlineLine = (law: LawWithDeadline, f: LetterFacts, answerBy: number) =>
  `Selon ${LAW[law].name} : ${LAW[law].rule} À compter d’aujourd’hui, ${on(f.now, f)}, votre réponse est due au plus tard le ${on(answerBy, f)}.`;

function asking(law: Law, f: LetterFacts): string {
  const scope = SCOPE[f.scope];
  if (law === 'none') return `Je vous prie de me confirmer que vous avez effacé ${scope}, ou de m’indiquer ce que vous en conservez et pour quelle raison.`;
  if (law === 'ccpa' || law === 'us-state') {
    return `En vertu de ${LAW[law].access} et de ${LAW[law].erasure}, je vous demande de m’indiquer quelles informations personnelles me concernant vous détenez encore, de supprimer de vos registres ${scope}, de demander à vos prestataires et sous-traitants de les supprimer, et de me le confirmer.`;
  }
  return `En vertu de ${LAW[law].erasure}, je vous demande d’effacer ${scope}, et de me confirmer que c’est fait. En vertu de ${LAW[law].access}, je vous demande de m’indiquer lesquelles de ces données vous conservez encore, à quelles fins et à qui elles ont été communiquées, afin que je puisse vérifier que l’effacement est complet.`;
}

const closing = (f: LetterFacts) => ['', 'Ce que montrent mes relevés :', ...evidence(f), '', 'Veuillez agréer, Madame, Monsieur, mes salutations distinguées.', ''];
const heading = (f: LetterFacts) => `${TOPIC[f.scope]} – compte ${f.account.service} ${q(f.account.handle)}`;

export const fr: LetterTemplates = {
  name: 'Français',
  openaiPrivacy: 'l’équipe confidentialité d’OpenAI',
  authority: Object.fromEntries(Object.entries(LAW).map(([law, words]) => [law, words.authority])) as Record<LawWithDeadline, string>,
  about: ABOUT,
  cutForEmail: '[La lettre continue : collez le texte complet que Likeness Ledger a copié pour vous.]',

  request(f, law, answerBy) {
    const lines = [
      'Madame, Monsieur,',
      '',
      `${ABOUT[f.kind](f)} ${promised(f)} Je n’ai reçu aucune confirmation de l’effacement des données.`,
      '',
      asking(law, f),
    ];
    if (law !== 'none' && answerBy !== null) lines.push('', deadlineLine(law, f, answerBy));
    lines.push(...closing(f));
    const subject = law === 'none' ? `Demande de confirmation d’effacement : ${heading(f)}` : `Demande d’effacement et d’accès (${LAW[law].short}) : ${heading(f)}`;
    return { subject, body: lines.join('\n') };
  },

  followUp(f, lapsed, answerBy) {
    const asked = lapsed.logged
      ? ABOUT['legal-deadline']({ ...f, openedAt: lapsed.sentAt, request: lapsed })
      : `Le ${on(lapsed.sentAt, f)}, je vous ai demandé, en vertu de ${LAW[lapsed.law].erasure}, de confirmer l’effacement.`;
    const lines = [
      'Madame, Monsieur,',
      '',
      ...(lapsed.logged ? [] : [ABOUT[f.kind](f), '']),
      `${asked} En vertu de ${LAW[lapsed.law].name}, votre réponse était due au plus tard le ${on(lapsed.dueAt, f)}. Je n’en ai reçu aucune.`,
      '',
      `Je renouvelle ma demande : ${asking(lapsed.law, f)}`,
      '',
      `Sans réponse de votre part d’ici le ${on(answerBy, f)}, je déposerai une réclamation auprès de ${LAW[lapsed.law].authority}.`,
      ...closing(f),
    ];
    return { subject: `Relance : ma demande du ${on(lapsed.sentAt, f)} est restée sans réponse (${LAW[lapsed.law].short}) : ${heading(f)}`, body: lines.join('\n') };
  },

  complaint(f, { first, followedUpOn, last, refusedAt }) {
    const words = LAW[last.law];
    const asked = first.logged
      ? ABOUT['legal-deadline']({ ...f, openedAt: first.sentAt, request: first })
      : `Le ${on(first.sentAt, f)}, j’ai demandé à l’équipe confidentialité d’OpenAI (${OPENAI_PRIVACY_CHANNEL.email.address}), en vertu de ${LAW[first.law].erasure}, de confirmer l’effacement.`;
    const followed = followedUpOn.length > 0 ? ` Je l’ai relancée le ${followedUpOn.map((at) => on(at, f)).join(', ')}.` : '';
    const outcome = refusedAt !== null ? `Le ${on(refusedAt, f)}, OpenAI a refusé.` : `En vertu de ${words.name}, une réponse était due au plus tard le ${on(last.dueAt, f)}. Je n’en ai reçu aucune.`;
    const lines = [
      `À l’attention de ${words.authority},`,
      '',
      `Je dépose par la présente une réclamation contre OpenAI concernant l’effacement de mes données personnelles liées à ${account(f)}. Elle porte sur ${SCOPE[f.scope]}.`,
      '',
      ...(first.logged ? [] : [`${ABOUT[f.kind](f)} ${promised(f)}`, '']),
      `${asked}${followed} ${outcome}`,
      '',
      'Je joins le rapport de preuves tiré de mes propres relevés (Likeness Ledger), qui liste chacune de ces entrées avec sa date et la manière dont elle a été enregistrée :',
      ...evidence(f),
      '',
      'Je vous prie d’examiner cette réclamation et de demander à OpenAI de confirmer l’effacement ou d’indiquer quelles données elle conserve et pour quelle raison.',
      '',
      'Veuillez agréer, Madame, Monsieur, mes salutations distinguées.',
      '',
    ];
    return { subject: `Réclamation : OpenAI ${refusedAt !== null ? 'a refusé' : 'n’a pas répondu à'} ma demande d’effacement (${words.name})`, body: lines.join('\n') };
  },
};
