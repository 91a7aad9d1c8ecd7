/**
 * The takedown letters in French (takedown.ts), "vous" as in fr.ts; French typography: a narrow
 * no-break space before : ; ? ! and inside « ». Not legal advice: the dashboard says so next to them.
 */
import type { Platform } from '../copies/address';
import type { Escalation, TakedownRouteId } from '../copies/routes';
import { quoteData } from './quote';
import { noticeLines, PLATFORM_NAME, type TakedownFacts, type TakedownLetters } from './takedown-template';
import { longDate, type Letter } from './template';

const date = longDate('fr-FR');
const q = (text: string) => quoteData(text, ['« ', ' »']);
const on = (instant: number, f: TakedownFacts) => date(instant, f.timeZone);

const PLATFORM: Record<Platform, string> = { ...PLATFORM_NAME, other: 'votre service' };
const SHOWS: Record<TakedownFacts['shows'], string> = { face: 'mon visage', voice: 'ma voix', both: 'mon visage et ma voix' };
const MADE_WITH: Record<TakedownFacts['madeWith'], string> = {
  sora: 'Ce contenu semble avoir été créé avec Sora, d’OpenAI, à partir d’un enregistrement de moi, puis remis en ligne sans son filigrane.',
  other: 'Ce contenu semble avoir été créé avec un outil d’IA.',
  unknown: 'Ce contenu semble avoir été créé ou modifié avec un outil d’IA.',
};

const SUBJECT: Record<TakedownRouteId, string> = {
  'youtube-privacy': 'Plainte pour atteinte à la vie privée : contenu modifié par IA reproduisant mon image',
  'x-take-it-down': 'Demande de retrait en vertu du TAKE IT DOWN Act (États-Unis)',
  'tiktok-report': 'Signalement : contenu qui usurpe mon identité au moyen de mon image',
  'meta-report': 'Signalement : contenu reproduisant mon image sans mon consentement',
  'snapchat-report': 'Signalement : contenu reproduisant mon image sans mon consentement',
  'take-it-down-act': 'Demande de retrait en vertu du TAKE IT DOWN Act (États-Unis)',
  'eu-dsa': 'Notification de contenu illicite au titre de l’article 16 du Règlement sur les services numériques (DSA)',
  'gdpr-erasure': 'Demande d’effacement au titre de l’article 17 du RGPD',
  other: 'Demande de retrait d’un contenu reproduisant mon image',
};

/** What the route's clock asks of the platform, as a last paragraph. */
const ASK: Record<TakedownRouteId, string> = {
  'youtube-privacy': 'Je vous prie de demander à la personne qui l’a mis en ligne de le retirer dans un délai de 48 heures, et de le retirer vous-même si elle ne le fait pas.',
  'x-take-it-down': 'Je vous prie de le retirer, ainsi que toute copie identique, dès que possible et au plus tard 48 heures après la présente demande, et de m’informer de la suite donnée.',
  'tiktok-report': 'Je vous prie de le retirer et de m’informer de la suite donnée.',
  'meta-report': 'Je vous prie de le retirer et de m’informer de la suite donnée.',
  'snapchat-report': 'Je vous prie de le retirer et de m’informer de la suite donnée.',
  'take-it-down-act':
    'En application de la section 3 du TAKE IT DOWN Act, je vous prie de le retirer, et de faire des efforts raisonnables pour retirer les copies identiques connues, dès que possible et au plus tard 48 heures après réception de la présente demande.',
  'eu-dsa':
    'Je vous prie d’accuser réception de la présente notification et de m’informer de votre décision dans les meilleurs délais, en indiquant les voies de recours possibles (article 16, paragraphes 4 et 5, du DSA).',
  'gdpr-erasure': 'Je vous prie de répondre dans les meilleurs délais et au plus tard dans un délai d’un mois à compter de la réception de la présente demande (article 12, paragraphe 3, du RGPD).',
  other: 'Je vous prie de le retirer et de m’informer de la suite donnée.',
};

const ESCALATION: Record<Escalation, { subject: string; to: string; ask: string }> = {
  'platform-appeal': {
    subject: 'Recours contre la décision relative à mon signalement',
    to: 'À l’attention de l’équipe de recours ou de réexamen de la plateforme,',
    ask: 'Je vous demande de réexaminer cette décision et de retirer le contenu.',
  },
  ftc: {
    subject: 'Plainte : une plateforme visée par la loi n’a pas retiré dans les 48 heures une représentation intime diffusée sans consentement',
    to: 'À l’attention de la Federal Trade Commission,',
    ask: 'La plateforme n’a pas retiré la représentation dans le délai de 48 heures prévu par le TAKE IT DOWN Act. Je demande à la Commission d’agir face à ce manquement.',
  },
  'dsa-complaint': {
    subject: 'Réclamation contre la décision relative à ma notification (article 20 du DSA)',
    to: 'À l’attention du système interne de traitement des réclamations de la plateforme,',
    ask: 'En application de l’article 20 du Règlement sur les services numériques, je forme une réclamation contre la décision prise sur ma notification, ou contre l’absence de décision, et vous demande de l’annuler et de retirer le contenu.',
  },
  'dsa-out-of-court': {
    subject: 'Demande de règlement extrajudiciaire du litige (article 21 du DSA)',
    to: 'À l’attention de l’organe certifié de règlement extrajudiciaire des litiges,',
    ask: 'En application de l’article 21 du Règlement sur les services numériques, je vous demande de régler le litige relatif à la décision de la plateforme sur ma notification.',
  },
  'data-protection-authority': {
    subject: 'Réclamation au titre de l’article 77 du RGPD : demande d’effacement restée sans réponse ou refusée',
    to: 'À l’attention de l’autorité de contrôle de la protection des données,',
    ask: 'En application de l’article 77 du RGPD, j’introduis une réclamation : le responsable du traitement n’a pas effacé mes données personnelles comme l’exige l’article 17, ni répondu dans le délai prévu par l’article 12, paragraphe 3.',
  },
};

const element: TakedownLetters['element'] = {
  locate: (f) => `Le contenu se trouve à l’adresse ${q(f.address)} (${PLATFORM[f.platform]}) ; je l’ai vu le ${on(f.seenAt, f)}.`,
  signature: () => 'Signature : [votre nom complet, en guise de signature électronique]',
  'good-faith-non-consensual': (f) =>
    `Je déclare de bonne foi que cette représentation de ${SHOWS[f.shows]} a été publiée sans mon consentement. ${MADE_WITH[f.madeWith]}`,
  contact: () => 'Coordonnées : [votre adresse e-mail ou votre numéro de téléphone]',
  'explanation-illegal': (f) =>
    `Motif de l’illicéité : il s’agit d’une représentation réaliste de ${SHOWS[f.shows]}, générée par IA et publiée sans mon consentement, en violation de [la loi qui protège votre image ou votre voix là où vous vivez, par exemple, en France, le droit à l’image (article 9 du Code civil)]. ${MADE_WITH[f.madeWith]}`,
  'name-email': () => 'Nom : [votre nom complet]. E-mail : [votre adresse e-mail].',
  'accurate-complete': () => 'Je confirme de bonne foi que les informations et allégations contenues dans la présente notification sont exactes et complètes.',
  'identity-proof': () => 'Justificatif d’identité : [joignez la pièce d’identité que demande le formulaire].',
  'first-party': () => 'Je suis la personne qui y est représentée.',
  'synthetic-likeness': (f) => `Il s’agit d’une version réaliste de ${SHOWS[f.shows]}, générée ou modifiée par IA sans mon consentement. ${MADE_WITH[f.madeWith]}`,
  'erasure-grounds': () =>
    'Je n’ai pas consenti à ce traitement de mes données personnelles, ou je retire tout consentement, et je m’y oppose (article 21 du RGPD). Je vous prie de les effacer dans les meilleurs délais (article 17, paragraphe 1, du RGPD) et, puisque vous les avez rendues publiques, d’en informer les autres responsables du traitement qui les ont copiées (article 17, paragraphe 2).',
};

const screenshot = (f: TakedownFacts) => (f.screenshotSha256 ? [`J’en ai conservé une capture d’écran (SHA-256 ${f.screenshotSha256}).`] : []);
const closing = 'Veuillez agréer, Madame, Monsieur, mes salutations distinguées.';

function notice(f: TakedownFacts): Letter {
  const lines = ['Madame, Monsieur,', '', 'Je vous écris pour vous demander de retirer un contenu qui reproduit mon image.', '', ...noticeLines(takedownFr, f), ...screenshot(f), '', ASK[f.route], '', closing, '[votre nom]'];
  return { subject: SUBJECT[f.route], body: lines.join('\n') };
}

function escalation(f: TakedownFacts, to: Escalation): Letter {
  const { subject, to: greeting, ask } = ESCALATION[to];
  const sent = f.sent;
  const reference = sent?.reference ? ` (référence ${q(sent.reference)})` : '';
  const history = sent
    ? sent.refused
      ? `Le ${on(sent.at, f)}, j’ai demandé son retrait${reference}. Cette demande a été refusée.`
      : `Le ${on(sent.at, f)}, j’ai demandé son retrait${reference} ; il devait intervenir au plus tard le ${on(sent.dueAt, f)}. Le contenu est toujours en ligne.`
    : '';
  const lines = [greeting, '', element.locate(f), history, ...screenshot(f), '', ask, '', closing, '[votre nom]', 'Coordonnées : [votre adresse e-mail]'];
  return { subject: `${subject} : ${SUBJECT[f.route]}`, body: lines.join('\n') };
}

export const takedownFr: TakedownLetters = { notice, escalation, element };
