/** The takedown letters in Spanish (takedown.ts), "usted" as in es.ts. Not legal advice: the dashboard says so next to them. */
import type { Platform } from '../copies/address';
import type { Escalation, TakedownRouteId } from '../copies/routes';
import { quoteData } from './quote';
import { noticeLines, PLATFORM_NAME, type TakedownFacts, type TakedownLetters } from './takedown-template';
import { longDate, type Letter } from './template';

const date = longDate('es-ES');
const q = (text: string) => quoteData(text, ['«', '»']);
const on = (instant: number, f: TakedownFacts) => date(instant, f.timeZone);

const PLATFORM: Record<Platform, string> = { ...PLATFORM_NAME, other: 'su servicio' };
const SHOWS: Record<TakedownFacts['shows'], string> = { face: 'mi cara', voice: 'mi voz', both: 'mi cara y mi voz' };
const MADE_WITH: Record<TakedownFacts['madeWith'], string> = {
  sora: 'Este contenido parece haber sido creado con Sora, de OpenAI, a partir de una grabación mía, y haberse vuelto a subir sin su marca de agua.',
  other: 'Este contenido parece haber sido creado con una herramienta de IA.',
  unknown: 'Este contenido parece haber sido creado o modificado con una herramienta de IA.',
};

const SUBJECT: Record<TakedownRouteId, string> = {
  'youtube-privacy': 'Reclamación de privacidad: contenido alterado con IA que muestra mi imagen',
  'x-take-it-down': 'Solicitud de retirada conforme a la TAKE IT DOWN Act de EE. UU.',
  'tiktok-report': 'Denuncia: contenido que suplanta mi identidad con mi imagen',
  'meta-report': 'Denuncia: contenido que muestra mi imagen sin mi consentimiento',
  'snapchat-report': 'Denuncia: contenido que muestra mi imagen sin mi consentimiento',
  'take-it-down-act': 'Solicitud de retirada conforme a la TAKE IT DOWN Act de EE. UU.',
  'eu-dsa': 'Notificación de contenido ilícito conforme al artículo 16 del Reglamento de Servicios Digitales (DSA)',
  'gdpr-erasure': 'Solicitud de supresión conforme al artículo 17 del RGPD',
  other: 'Solicitud de retirada de un contenido que muestra mi imagen',
};

/** What the route's clock asks of the platform, as a last paragraph. */
const ASK: Record<TakedownRouteId, string> = {
  'youtube-privacy': 'Les ruego que pidan a quien lo subió que lo retire en un plazo de 48 horas, y que lo retiren ustedes si no lo hace.',
  'x-take-it-down': 'Les ruego que lo retiren, junto con cualquier copia idéntica, lo antes posible y a más tardar 48 horas después de esta solicitud, y que me comuniquen el resultado.',
  'tiktok-report': 'Les ruego que lo retiren y me comuniquen el resultado.',
  'meta-report': 'Les ruego que lo retiren y me comuniquen el resultado.',
  'snapchat-report': 'Les ruego que lo retiren y me comuniquen el resultado.',
  'take-it-down-act':
    'Conforme a la sección 3 de la TAKE IT DOWN Act, les ruego que lo retiren, y que hagan esfuerzos razonables por retirar las copias idénticas conocidas, lo antes posible y a más tardar 48 horas después de recibir esta solicitud.',
  'eu-dsa':
    'Les ruego que acusen recibo de esta notificación y me comuniquen su decisión sin dilación indebida, indicando las vías de recurso disponibles (artículos 16.4 y 16.5 del DSA).',
  'gdpr-erasure': 'Les ruego que respondan sin dilación indebida y, a más tardar, en el plazo de un mes desde la recepción de esta solicitud (artículo 12.3 del RGPD).',
  other: 'Les ruego que lo retiren y me comuniquen el resultado.',
};

const ESCALATION: Record<Escalation, { subject: string; to: string; ask: string }> = {
  'platform-appeal': {
    subject: 'Recurso contra la decisión sobre mi denuncia',
    to: 'A la atención del equipo de recursos o revisión de la plataforma:',
    ask: 'Les pido que revisen la decisión y retiren el contenido.',
  },
  ftc: {
    subject: 'Reclamación: una plataforma sujeta a la ley no retiró en 48 horas una representación íntima difundida sin consentimiento',
    to: 'A la atención de la Federal Trade Commission:',
    ask: 'La plataforma no retiró la representación en el plazo de 48 horas que establece la TAKE IT DOWN Act. Pido a la Comisión que actúe ante este incumplimiento.',
  },
  'dsa-complaint': {
    subject: 'Reclamación contra la decisión sobre mi notificación (artículo 20 del DSA)',
    to: 'A la atención del sistema interno de gestión de reclamaciones de la plataforma:',
    ask: 'Conforme al artículo 20 del Reglamento de Servicios Digitales, presento una reclamación contra la decisión sobre mi notificación, o contra la falta de decisión, y les pido que la revoquen y retiren el contenido.',
  },
  'dsa-out-of-court': {
    subject: 'Solicitud de resolución extrajudicial de litigios (artículo 21 del DSA)',
    to: 'A la atención del órgano certificado de resolución extrajudicial de litigios:',
    ask: 'Conforme al artículo 21 del Reglamento de Servicios Digitales, les pido que resuelvan el litigio sobre la decisión de la plataforma relativa a mi notificación.',
  },
  'data-protection-authority': {
    subject: 'Reclamación conforme al artículo 77 del RGPD: solicitud de supresión sin respuesta o denegada',
    to: 'A la atención de la autoridad de protección de datos:',
    ask: 'Conforme al artículo 77 del RGPD, presento una reclamación: el responsable del tratamiento no ha suprimido mis datos personales como exige el artículo 17, ni ha respondido en el plazo que permite el artículo 12.3.',
  },
};

const element: TakedownLetters['element'] = {
  locate: (f) => `El contenido se encuentra en ${q(f.address)} (${PLATFORM[f.platform]}); lo vi el ${on(f.seenAt, f)}.`,
  signature: () => 'Firma: [su nombre completo, como firma electrónica]',
  'good-faith-non-consensual': (f) =>
    `Declaro de buena fe que esta representación de ${SHOWS[f.shows]} se publicó sin mi consentimiento. ${MADE_WITH[f.madeWith]}`,
  contact: () => 'Contacto: [su dirección de correo electrónico o número de teléfono]',
  'explanation-illegal': (f) =>
    `Por qué es ilícito: es una representación realista de ${SHOWS[f.shows]}, generada con IA y publicada sin mi consentimiento, en violación de [la ley que protege su imagen o su voz donde usted vive; en España, por ejemplo, la Ley Orgánica 1/1982 de protección del derecho a la propia imagen]. ${MADE_WITH[f.madeWith]}`,
  'name-email': () => 'Nombre: [su nombre completo]. Correo electrónico: [su dirección de correo electrónico].',
  'accurate-complete': () => 'Confirmo de buena fe que la información y las alegaciones de esta notificación son precisas y completas.',
  'identity-proof': () => 'Prueba de identidad: [adjunte la identificación que pide el formulario].',
  'first-party': () => 'Soy la persona que aparece en él.',
  'synthetic-likeness': (f) => `Se trata de una versión realista de ${SHOWS[f.shows]}, generada o modificada con IA sin mi consentimiento. ${MADE_WITH[f.madeWith]}`,
  'erasure-grounds': () =>
    'No he dado mi consentimiento a este tratamiento de mis datos personales, o retiro cualquier consentimiento, y me opongo a él (artículo 21 del RGPD). Les ruego que los supriman sin dilación indebida (artículo 17.1 del RGPD) y, dado que los han hecho públicos, que informen a los demás responsables del tratamiento que los hayan copiado (artículo 17.2).',
};

const screenshot = (f: TakedownFacts) => (f.screenshotSha256 ? [`Conservé una captura de pantalla del contenido (SHA-256 ${f.screenshotSha256}).`] : []);

function notice(f: TakedownFacts): Letter {
  const lines = ['Estimados señores:', '', 'Les escribo para pedirles que retiren un contenido que muestra mi imagen.', '', ...noticeLines(takedownEs, f), ...screenshot(f), '', ASK[f.route], '', 'Atentamente,', '[su nombre]'];
  return { subject: SUBJECT[f.route], body: lines.join('\n') };
}

function escalation(f: TakedownFacts, to: Escalation): Letter {
  const { subject, to: greeting, ask } = ESCALATION[to];
  const sent = f.sent;
  const reference = sent?.reference ? ` (referencia ${q(sent.reference)})` : '';
  const history = sent
    ? sent.refused
      ? `El ${on(sent.at, f)} solicité su retirada${reference}. La solicitud fue rechazada.`
      : `El ${on(sent.at, f)} solicité su retirada${reference}; debía producirse a más tardar el ${on(sent.dueAt, f)}. El contenido sigue en línea.`
    : '';
  const lines = [greeting, '', element.locate(f), history, ...screenshot(f), '', ask, '', 'Atentamente,', '[su nombre]', 'Contacto: [su dirección de correo electrónico]'];
  return { subject: `${subject}: ${SUBJECT[f.route]}`, body: lines.join('\n') };
}

export const takedownEs: TakedownLetters = { notice, escalation, element };
