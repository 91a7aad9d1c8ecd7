/**
 * The letters in Spanish ("usted", as a letter to a company or an authority is written, though the
 * UI says "tú"). The legal citations are the Spanish forms of those in lib/facts/policies.ts (RGPD);
 * OpenAI's own statements are quoted as OpenAI said them, in English.
 */
import { OPENAI_PRIVACY_CHANNEL, type Law } from '../facts/policies';
import type { ErasureScope } from './kinds';
import { quoteData } from './quote';
import { longDate, type EvidenceItem, type LawWithDeadline, type LetterFacts, type LetterTemplates, type OpenaiWindowKind, type RequestFacts } from './template';

const date = longDate('es-ES');
const q = (text: string) => quoteData(text, ['«', '»']);
const on = (instant: number, f: LetterFacts) => date(instant, f.timeZone);
const account = (f: LetterFacts) => `mi cuenta de ${f.account.service} ${q(f.account.handle)}`;

const SCOPE: Record<ErasureScope, string> = {
  cameo:
    'mi cameo (la grabación en vídeo y audio de mi cara y mi voz) y todo lo derivado de él: datos faciales y de voz, incluidos los rasgos biométricos, los embeddings y otras representaciones calculadas a partir de él, así como los vídeos y borradores creados con él',
  account:
    'los datos personales de esta cuenta, incluido un cameo (la grabación en vídeo y audio de mi cara y mi voz) y todos los datos derivados de él: datos faciales y de voz, embeddings y otras representaciones calculadas a partir de él, así como los vídeos y borradores creados con él',
  request: 'los datos personales a los que se refería mi solicitud',
};

const TOPIC: Record<ErasureScope, string> = { cameo: 'mi cameo', account: 'los datos de mi cuenta', request: 'mis datos personales' };

/** Each law as a Spanish letter cites it; the authority with its article ("ante la …", "A la atención de la …"). */
const LAW: Record<LawWithDeadline, { erasure: string; access: string; name: string; short: string; rule: string; authority: string }> = {
  gdpr: {
    erasure: 'el artículo 17 del RGPD (derecho de supresión)',
    access: 'el artículo 15 del RGPD (derecho de acceso)',
    name: 'el artículo 12.3 del RGPD',
    short: 'artículos 15 y 17 del RGPD',
    rule: 'La respuesta debe darse sin dilación indebida y, a más tardar, en el plazo de un mes desde la recepción de la solicitud; el responsable puede prorrogar el plazo otros dos meses si lo comunica, indicando los motivos, dentro del primer mes.',
    authority: 'la autoridad de control competente (para OpenAI Ireland: la Data Protection Commission irlandesa)',
  },
  'uk-gdpr': {
    erasure: 'el artículo 17 del RGPD del Reino Unido (UK GDPR, derecho de supresión)',
    access: 'el artículo 15 del RGPD del Reino Unido (UK GDPR, derecho de acceso)',
    name: 'el artículo 12.3 del RGPD del Reino Unido (UK GDPR)',
    short: 'artículos 15 y 17 del UK GDPR',
    rule: 'La respuesta debe darse sin dilación indebida y, a más tardar, en el plazo de un mes desde la recepción de la solicitud; el responsable puede prorrogar el plazo otros dos meses si lo comunica, indicando los motivos, dentro del primer mes.',
    authority: 'la Information Commissioner’s Office (ICO)',
  },
  ccpa: {
    erasure: 'el Cal. Civ. Code §1798.105 (derecho de eliminación según la California Consumer Privacy Act)',
    access: 'el Cal. Civ. Code §1798.110 (derecho a saber)',
    name: 'el §7021 del reglamento de la CCPA',
    short: 'CCPA/CPRA: acceso y eliminación',
    rule: 'Una empresa debe responder en un plazo de 45 días naturales; puede tomarse otros 45 si lo comunica, indicando los motivos, dentro de los primeros 45.',
    authority: 'la California Privacy Protection Agency',
  },
  'us-state': {
    erasure: 'el derecho de eliminación que reconoce la ley de privacidad del consumidor de mi estado',
    access: 'el derecho de acceso que reconoce la ley de privacidad del consumidor de mi estado',
    name: 'las leyes de privacidad de los estados de EE. UU. (VA, CO, CT …)',
    short: 'ley de privacidad de mi estado: acceso y eliminación',
    rule: 'La mayoría de las leyes de privacidad de los estados de EE. UU. conceden 45 días para responder, prorrogables una vez otros 45 cuando sea razonablemente necesario.',
    authority: 'el fiscal general (Attorney General) de mi estado',
  },
  lgpd: {
    erasure: 'el artículo 18, VI, de la LGPD (eliminación de datos personales)',
    access: 'el artículo 18, I y II, de la LGPD (confirmación y acceso)',
    name: 'el artículo 19 de la LGPD',
    short: 'artículo 18 de la LGPD',
    rule: 'Debe darse una respuesta completa sobre los datos en un plazo de 15 días desde la solicitud.',
    authority: 'la ANPD (Autoridade Nacional de Proteção de Dados)',
  },
  pipeda: {
    erasure: 'el principio 4.5.3 de la PIPEDA (los datos personales que ya no se necesitan se destruyen, borran o anonimizan)',
    access: 'el principio 4.9 de la PIPEDA (acceso a los datos personales)',
    name: 'la PIPEDA',
    short: 'PIPEDA',
    rule: 'Una organización debe responder en un plazo de 30 días; puede tomarse hasta 30 días más si lo comunica dentro de los primeros 30.',
    authority: 'la Office of the Privacy Commissioner of Canada',
  },
};

const REQUEST: Record<NonNullable<RequestFacts['logged']>['request'], string> = {
  erasure: 'una solicitud de supresión',
  access: 'una solicitud de acceso',
  other: 'una solicitud sobre mis datos personales',
};

const channel = (logged: NonNullable<RequestFacts['logged']>) =>
  logged.channel === 'privacy-portal' ? ` a través de su portal de privacidad (${OPENAI_PRIVACY_CHANNEL.portal.url})` : logged.channel === 'email' ? ' por correo electrónico' : '';

const ABOUT: Record<OpenaiWindowKind, (f: LetterFacts) => string> = {
  'cameo-purge': (f) => `El ${on(f.openedAt, f)} eliminé mi cameo de ${account(f)}.`,
  'account-purge': (f) => `El ${on(f.openedAt, f)} eliminé ${account(f)}.`,
  'export-link': (f) => `El ${on(f.openedAt, f)} recibí una exportación de los datos de ${account(f)}.`,
  'sora-closure': (f) =>
    `El ${on(f.openedAt, f)} OpenAI cerró Sora. Mi cameo, en ${account(f)}, no se había eliminado hasta entonces, y OpenAI no ha dicho qué ha sido de las grabaciones.`,
  'legal-deadline': (f) => {
    const logged = f.request?.logged;
    if (!logged) return `El ${on(f.openedAt, f)} pedí al equipo de privacidad de OpenAI (${OPENAI_PRIVACY_CHANNEL.email.address}) que confirmara la supresión de los datos de ${account(f)}.`;
    const reference = logged.reference ? ` (referencia ${q(logged.reference)})` : '';
    return `El ${on(f.openedAt, f)} envié a OpenAI${channel(logged)} ${REQUEST[logged.request]} sobre ${account(f)}${reference}.`;
  },
};

function promised(f: LetterFacts): string {
  if (f.request) return `Según ${LAW[f.request.law].name}, la respuesta debía llegar a más tardar el ${on(f.request.dueAt, f)}.`;
  return `OpenAI declara: «${f.statement}» (${f.source}). Ese plazo venció el ${on(f.dueAt, f)}.`;
}

const HOW: Record<EvidenceItem['how'], string> = {
  confirmed: 'confirmado en su momento por la propia respuesta del servicio',
  'seen-on-page': 'visto en la página',
  'stated-by-user': 'mi propia declaración',
};

const REQUEST_WORD: Record<'erasure' | 'access' | 'other', string> = { erasure: 'Solicitud de supresión', access: 'Solicitud de acceso', other: 'Solicitud sobre mis datos' };
const OUTCOME: Record<'done' | 'refused' | 'extended' | 'other', string> = { done: 'hecho', refused: 'denegado', extended: 'plazo prorrogado', other: 'otra' };

function what(item: EvidenceItem['what']): string {
  switch (item.kind) {
    case 'cameo-created':
      return 'Cameo creado';
    case 'cameo-deleted':
      return 'Cameo eliminado';
    case 'account-deletion-requested':
      return 'Eliminación de la cuenta solicitada';
    case 'data-export-received':
      return 'Exportación de datos recibida';
    case 'privacy-request-sent':
      return `${REQUEST_WORD[item.request]} enviada${item.law === 'none' ? '' : ` según ${LAW[item.law].name}`}${item.reference ? `, referencia ${q(item.reference)}` : ''}`;
    case 'follow-up-sent':
      return item.to === 'authority' ? 'Reclamación presentada ante la autoridad de control' : 'Recordatorio enviado al equipo de privacidad de OpenAI';
    case 'privacy-answer-received':
      return `Respuesta recibida: ${OUTCOME[item.outcome]}`;
  }
}

function evidence(f: LetterFacts): string[] {
  return f.evidence.map((e) => {
    const detail = [HOW[e.how], e.shown ? `con el texto ${q(e.shown)}` : '', e.url ? `en ${e.url}` : ''].filter(Boolean).join(', ');
    return `- ${on(e.at, f)}: ${what(e.what)} (${detail})`;
  });
}

const deadlineLine = (law: LawWithDeadline, f: LetterFacts, answerBy: number) =>
  `Según ${LAW[law].name}: ${LAW[law].rule} Contando desde hoy, ${on(f.now, f)}, su respuesta debe llegar a más tardar el ${on(answerBy, f)}.`;

function asking(law: Law, f: LetterFacts): string {
  const scope = SCOPE[f.scope];
  if (law === 'none') return `Les ruego que me confirmen que han suprimido ${scope}, o que me indiquen qué conservan de ello y por qué motivo.`;
  if (law === 'ccpa' || law === 'us-state') {
    return `De acuerdo con ${LAW[law].access} y ${LAW[law].erasure}, les pido que me indiquen qué información personal sobre mí conservan todavía, que eliminen de sus registros ${scope}, que indiquen a sus proveedores de servicios y contratistas que la eliminen, y que me lo confirmen.`;
  }
  return `De acuerdo con ${LAW[law].erasure}, les pido que supriman ${scope}, y que me confirmen que lo han hecho. De acuerdo con ${LAW[law].access}, les pido que me indiquen cuáles de estos datos conservan todavía, con qué fines y a quién se han comunicado, para que pueda comprobar que la supresión es completa.`;
}

const closing = (f: LetterFacts) => ['', 'Lo que muestran mis registros:', ...evidence(f), '', 'Atentamente,', ''];
const heading = (f: LetterFacts) => `${TOPIC[f.scope]} – cuenta de ${f.account.service} ${q(f.account.handle)}`;

export const es: LetterTemplates = {
  name: 'Español',
  openaiPrivacy: 'el equipo de privacidad de OpenAI',
  authority: Object.fromEntries(Object.entries(LAW).map(([law, words]) => [law, words.authority])) as Record<LawWithDeadline, string>,
  about: ABOUT,
  cutForEmail: '[La carta continúa: pegue el texto completo que Likeness Ledger ha copiado para usted.]',

  request(f, law, answerBy) {
    const lines = [
      'Estimados señores:',
      '',
      `${ABOUT[f.kind](f)} ${promised(f)} No he recibido ninguna confirmación de que los datos se hayan suprimido.`,
      '',
      asking(law, f),
    ];
    if (law !== 'none' && answerBy !== null) lines.push('', deadlineLine(law, f, answerBy));
    lines.push(...closing(f));
    const subject = law === 'none' ? `Solicitud de confirmación de supresión: ${heading(f)}` : `Solicitud de supresión y acceso (${LAW[law].short}): ${heading(f)}`;
    return { subject, body: lines.join('\n') };
  },

  followUp(f, lapsed, answerBy) {
    const asked = lapsed.logged
      ? ABOUT['legal-deadline']({ ...f, openedAt: lapsed.sentAt, request: lapsed })
      : `El ${on(lapsed.sentAt, f)} les pedí, de acuerdo con ${LAW[lapsed.law].erasure}, que confirmaran la supresión.`;
    const lines = [
      'Estimados señores:',
      '',
      ...(lapsed.logged ? [] : [ABOUT[f.kind](f), '']),
      `${asked} Según ${LAW[lapsed.law].name}, su respuesta debía llegar a más tardar el ${on(lapsed.dueAt, f)}. No he recibido ninguna.`,
      '',
      `Reitero mi solicitud: ${asking(lapsed.law, f)}`,
      '',
      `Si no recibo respuesta antes del ${on(answerBy, f)}, presentaré una reclamación ante ${LAW[lapsed.law].authority}.`,
      ...closing(f),
    ];
    return { subject: `Recordatorio: mi solicitud del ${on(lapsed.sentAt, f)} sigue sin respuesta (${LAW[lapsed.law].short}): ${heading(f)}`, body: lines.join('\n') };
  },

  complaint(f, { first, followedUpOn, last, refusedAt }) {
    const words = LAW[last.law];
    const asked = first.logged
      ? ABOUT['legal-deadline']({ ...f, openedAt: first.sentAt, request: first })
      : `El ${on(first.sentAt, f)} pedí al equipo de privacidad de OpenAI (${OPENAI_PRIVACY_CHANNEL.email.address}), de acuerdo con ${LAW[first.law].erasure}, que confirmara la supresión.`;
    const followed = followedUpOn.length > 0 ? ` Se lo recordé el ${followedUpOn.map((at) => on(at, f)).join(', ')}.` : '';
    const outcome = refusedAt !== null ? `El ${on(refusedAt, f)} OpenAI se negó.` : `Según ${words.name}, la respuesta debía llegar a más tardar el ${on(last.dueAt, f)}. No he recibido ninguna.`;
    const lines = [
      `A la atención de ${words.authority}:`,
      '',
      `Por la presente presento una reclamación contra OpenAI relativa a la supresión de mis datos personales vinculados a ${account(f)}. Se refiere a ${SCOPE[f.scope]}.`,
      '',
      ...(first.logged ? [] : [`${ABOUT[f.kind](f)} ${promised(f)}`, '']),
      `${asked}${followed} ${outcome}`,
      '',
      'Adjunto el informe de pruebas elaborado a partir de mis propios registros (Likeness Ledger), que enumera cada una de estas entradas con su fecha y la forma en que se registró:',
      ...evidence(f),
      '',
      'Les ruego que examinen esta reclamación y que requieran a OpenAI que confirme la supresión o que indique qué datos conserva y por qué motivo.',
      '',
      'Atentamente,',
      '',
    ];
    return { subject: `Reclamación: OpenAI ${refusedAt !== null ? 'ha denegado' : 'no ha respondido a'} mi solicitud de supresión (${words.name})`, body: lines.join('\n') };
  },
};
