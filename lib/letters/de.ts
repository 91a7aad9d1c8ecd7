/**
 * The letters in German (formal "Sie", as a letter to a company or an authority is written). The
 * legal citations are the German forms of those in lib/facts/policies.ts; OpenAI's own statements are
 * quoted as OpenAI said them, in English.
 */
import { OPENAI_PRIVACY_CHANNEL, type Law } from '../facts/policies';
import type { ErasureScope } from './kinds';
import { quoteData } from './quote';
import { longDate, type EvidenceItem, type LawWithDeadline, type LetterFacts, type LetterTemplates, type OpenaiWindowKind, type RequestFacts } from './template';

const date = longDate('de-DE');
const q = (text: string) => quoteData(text, ['„', '“']);
const on = (instant: number, f: LetterFacts) => date(instant, f.timeZone);
const account = (f: LetterFacts) => `mein ${f.account.service}-Konto ${q(f.account.handle)}`;
const accountDative = (f: LetterFacts) => `meinem ${f.account.service}-Konto ${q(f.account.handle)}`;

const SCOPE: Record<ErasureScope, string> = {
  cameo:
    'meinen Cameo (die Video- und Sprachaufnahme meines Gesichts und meiner Stimme) und alles, was daraus abgeleitet wurde: Gesichts- und Stimmdaten einschließlich biometrischer Merkmale, Embeddings und andere daraus berechnete Darstellungen sowie die damit erstellten Videos und Entwürfe',
  account:
    'die personenbezogenen Daten dieses Kontos, einschließlich eines Cameos (der Video- und Sprachaufnahme meines Gesichts und meiner Stimme) und aller daraus abgeleiteten Daten: Gesichts- und Stimmdaten, Embeddings und andere daraus berechnete Darstellungen sowie die damit erstellten Videos und Entwürfe',
  request: 'die personenbezogenen Daten, die mein Antrag betraf',
};

const TOPIC: Record<ErasureScope, string> = { cameo: 'mein Cameo', account: 'meine Kontodaten', request: 'meine personenbezogenen Daten' };

/** Each law as a German letter cites it; the authority in the accusative ("an die …", "An die …,"). */
const LAW: Record<LawWithDeadline, { erasure: string; access: string; name: string; short: string; rule: string; authority: string }> = {
  gdpr: {
    erasure: 'Art. 17 DSGVO (Recht auf Löschung)',
    access: 'Art. 15 DSGVO (Auskunftsrecht)',
    name: 'Art. 12 Abs. 3 DSGVO',
    short: 'Art. 15 und 17 DSGVO',
    rule: 'Die Antwort ist unverzüglich, spätestens aber innerhalb eines Monats nach Eingang des Antrags fällig; der Verantwortliche kann die Frist um zwei weitere Monate verlängern, wenn er dies innerhalb des ersten Monats mit Gründen mitteilt.',
    authority: 'die zuständige Datenschutzaufsichtsbehörde (für OpenAI Ireland: die irische Data Protection Commission)',
  },
  'uk-gdpr': {
    erasure: 'Art. 17 UK GDPR (Recht auf Löschung)',
    access: 'Art. 15 UK GDPR (Auskunftsrecht)',
    name: 'Art. 12 Abs. 3 UK GDPR',
    short: 'Art. 15 und 17 UK GDPR',
    rule: 'Die Antwort ist unverzüglich, spätestens aber innerhalb eines Monats nach Eingang des Antrags fällig; der Verantwortliche kann die Frist um zwei weitere Monate verlängern, wenn er dies innerhalb des ersten Monats mit Gründen mitteilt.',
    authority: "das Information Commissioner's Office (ICO)",
  },
  ccpa: {
    erasure: 'Cal. Civ. Code §1798.105 (Recht auf Löschung nach dem California Consumer Privacy Act)',
    access: 'Cal. Civ. Code §1798.110 (Recht auf Auskunft)',
    name: 'CCPA-Verordnung §7021',
    short: 'CCPA/CPRA: Auskunft und Löschung',
    rule: 'Ein Unternehmen muss innerhalb von 45 Kalendertagen antworten; es kann weitere 45 Tage in Anspruch nehmen, wenn es dies innerhalb der ersten 45 Tage mit Gründen mitteilt.',
    authority: 'die California Privacy Protection Agency',
  },
  'us-state': {
    erasure: 'das Recht auf Löschung nach dem Verbraucherdatenschutzgesetz meines Bundesstaats',
    access: 'das Recht auf Auskunft nach dem Verbraucherdatenschutzgesetz meines Bundesstaats',
    name: 'Datenschutzgesetze der US-Bundesstaaten (VA, CO, CT …)',
    short: 'Datenschutzgesetz meines Bundesstaats: Auskunft und Löschung',
    rule: 'Die meisten Datenschutzgesetze der US-Bundesstaaten geben 45 Tage für die Antwort, einmal um 45 Tage verlängerbar, wenn dies vernünftigerweise nötig ist.',
    authority: 'die Generalstaatsanwaltschaft (Attorney General) meines Bundesstaats',
  },
  lgpd: {
    erasure: 'Art. 18 VI LGPD (Löschung personenbezogener Daten)',
    access: 'Art. 18 I und II LGPD (Bestätigung und Auskunft)',
    name: 'Art. 19 LGPD',
    short: 'Art. 18 LGPD',
    rule: 'Eine vollständige Auskunft über die Daten ist innerhalb von 15 Tagen nach dem Antrag fällig.',
    authority: 'die ANPD (Autoridade Nacional de Proteção de Dados)',
  },
  pipeda: {
    erasure: 'PIPEDA Grundsatz 4.5.3 (nicht mehr benötigte personenbezogene Daten werden vernichtet oder gelöscht)',
    access: 'PIPEDA Grundsatz 4.9 (Auskunft)',
    name: 'PIPEDA',
    short: 'PIPEDA',
    rule: 'Eine Organisation muss innerhalb von 30 Tagen antworten; sie kann bis zu 30 weitere Tage in Anspruch nehmen, wenn sie dies innerhalb der ersten 30 Tage mitteilt.',
    authority: 'das Office of the Privacy Commissioner of Canada',
  },
};

const REQUEST: Record<NonNullable<RequestFacts['logged']>['request'], string> = {
  erasure: 'einen Löschantrag',
  access: 'einen Auskunftsantrag',
  other: 'einen Datenschutzantrag',
};

const channel = (logged: NonNullable<RequestFacts['logged']>) =>
  logged.channel === 'privacy-portal' ? ` über sein Privacy Portal (${OPENAI_PRIVACY_CHANNEL.portal.url})` : logged.channel === 'email' ? ' per E-Mail' : '';

const ABOUT: Record<OpenaiWindowKind, (f: LetterFacts) => string> = {
  'cameo-purge': (f) => `Am ${on(f.openedAt, f)} habe ich meinen Cameo aus ${accountDative(f)} gelöscht.`,
  'account-purge': (f) => `Am ${on(f.openedAt, f)} habe ich ${account(f)} gelöscht.`,
  'export-link': (f) => `Am ${on(f.openedAt, f)} habe ich einen Datenexport für ${account(f)} erhalten.`,
  'sora-closure': (f) =>
    `Am ${on(f.openedAt, f)} hat OpenAI Sora eingestellt. Mein Cameo in ${accountDative(f)} war bis dahin nicht gelöscht, und OpenAI hat nicht gesagt, was aus den Aufnahmen geworden ist.`,
  'legal-deadline': (f) => {
    const logged = f.request?.logged;
    if (!logged) return `Am ${on(f.openedAt, f)} habe ich das Datenschutzteam von OpenAI (${OPENAI_PRIVACY_CHANNEL.email.address}) gebeten, die Löschung der Daten zu ${accountDative(f)} zu bestätigen.`;
    const reference = logged.reference ? ` (Aktenzeichen ${q(logged.reference)})` : '';
    return `Am ${on(f.openedAt, f)} habe ich bei OpenAI${channel(logged)} ${REQUEST[logged.request]} zu ${accountDative(f)} gestellt${reference}.`;
  },
};

function promised(f: LetterFacts): string {
  if (f.request) return `Nach ${LAW[f.request.law].name} war eine Antwort bis zum ${on(f.request.dueAt, f)} fällig.`;
  return `OpenAI erklärt: „${f.statement}“ (${f.source}). Diese Frist ist am ${on(f.dueAt, f)} abgelaufen.`;
}

const HOW: Record<EvidenceItem['how'], string> = {
  confirmed: 'damals durch die Antwort des Dienstes selbst bestätigt',
  'seen-on-page': 'auf der Seite gesehen',
  'stated-by-user': 'meine eigene Aufzeichnung',
};

const REQUEST_WORD: Record<'erasure' | 'access' | 'other', string> = { erasure: 'Löschantrag', access: 'Auskunftsantrag', other: 'Datenschutzantrag' };
const OUTCOME: Record<'done' | 'refused' | 'extended' | 'other', string> = { done: 'erledigt', refused: 'abgelehnt', extended: 'Frist verlängert', other: 'sonstige' };

function what(item: EvidenceItem['what']): string {
  switch (item.kind) {
    case 'cameo-created':
      return 'Cameo erstellt';
    case 'cameo-deleted':
      return 'Cameo gelöscht';
    case 'account-deletion-requested':
      return 'Kontolöschung beantragt';
    case 'data-export-received':
      return 'Datenexport erhalten';
    case 'privacy-request-sent':
      return `${REQUEST_WORD[item.request]} gestellt${item.law === 'none' ? '' : ` nach ${LAW[item.law].name}`}${item.reference ? `, Aktenzeichen ${q(item.reference)}` : ''}`;
    case 'follow-up-sent':
      return item.to === 'authority' ? 'Beschwerde bei der Aufsichtsbehörde eingereicht' : 'Schreiben an das Datenschutzteam von OpenAI gesendet';
    case 'privacy-answer-received':
      return `Antwort erhalten: ${OUTCOME[item.outcome]}`;
  }
}

function evidence(f: LetterFacts): string[] {
  return f.evidence.map((e) => {
    const detail = [HOW[e.how], e.shown ? `mit dem Text ${q(e.shown)}` : '', e.url ? `unter ${e.url}` : ''].filter(Boolean).join(', ');
    return `- ${on(e.at, f)}: ${what(e.what)} (${detail})`;
  });
}

const deadlineLine = (law: LawWithDeadline, f: LetterFacts, answerBy: number) =>
  `${LAW[law].name}: ${LAW[law].rule} Von heute, dem ${on(f.now, f)}, an gerechnet ist Ihre Antwort bis zum ${on(answerBy, f)} fällig.`;

function asking(law: Law, f: LetterFacts): string {
  const scope = SCOPE[f.scope];
  if (law === 'none') return `Ich bitte Sie zu bestätigen, dass Sie ${scope} gelöscht haben, oder mir mitzuteilen, was davon Sie aus welchem Grund aufbewahren.`;
  if (law === 'ccpa' || law === 'us-state') {
    return `Nach ${LAW[law].access} und ${LAW[law].erasure} bitte ich Sie, mir mitzuteilen, welche personenbezogenen Informationen über mich Sie noch speichern, ${scope} aus Ihren Unterlagen zu löschen, Ihre Dienstleister und Auftragnehmer zur Löschung anzuweisen und mir dies zu bestätigen.`;
  }
  return `Nach ${LAW[law].erasure} verlange ich, dass Sie ${scope} löschen, und bitte um Bestätigung, dass dies geschehen ist. Nach ${LAW[law].access} bitte ich um Auskunft, welche dieser Daten Sie noch speichern, zu welchen Zwecken und an wen sie weitergegeben wurden, damit ich sehen kann, dass die Löschung vollständig ist.`;
}

const closing = (f: LetterFacts) => ['', 'Was meine Aufzeichnungen zeigen:', ...evidence(f), '', 'Mit freundlichen Grüßen', ''];
const heading = (f: LetterFacts) => `${TOPIC[f.scope]} – ${f.account.service}-Konto ${q(f.account.handle)}`;

export const de: LetterTemplates = {
  name: 'Deutsch',
  openaiPrivacy: 'das Datenschutzteam von OpenAI',
  authority: Object.fromEntries(Object.entries(LAW).map(([law, words]) => [law, words.authority])) as Record<LawWithDeadline, string>,
  about: ABOUT,
  cutForEmail: '[Das Schreiben geht weiter: Fügen Sie den vollständigen Text ein, den Likeness Ledger für Sie kopiert hat.]',

  request(f, law, answerBy) {
    const lines = [
      'Sehr geehrte Damen und Herren,',
      '',
      `${ABOUT[f.kind](f)} ${promised(f)} Eine Bestätigung, dass die Daten gelöscht wurden, habe ich nicht erhalten.`,
      '',
      asking(law, f),
    ];
    if (law !== 'none' && answerBy !== null) lines.push('', deadlineLine(law, f, answerBy));
    lines.push(...closing(f));
    const subject = law === 'none' ? `Bitte um Bestätigung der Löschung: ${heading(f)}` : `Antrag auf Löschung und Auskunft (${LAW[law].short}): ${heading(f)}`;
    return { subject, body: lines.join('\n') };
  },

  followUp(f, lapsed, answerBy) {
    const asked = lapsed.logged
      ? ABOUT['legal-deadline']({ ...f, openedAt: lapsed.sentAt, request: lapsed })
      : `Am ${on(lapsed.sentAt, f)} habe ich Sie nach ${LAW[lapsed.law].erasure} gebeten, die Löschung zu bestätigen.`;
    const lines = [
      'Sehr geehrte Damen und Herren,',
      '',
      ...(lapsed.logged ? [] : [ABOUT[f.kind](f), '']),
      `${asked} Nach ${LAW[lapsed.law].name} war Ihre Antwort bis zum ${on(lapsed.dueAt, f)} fällig. Ich habe keine erhalten.`,
      '',
      `Ich wiederhole meinen Antrag: ${asking(lapsed.law, f)}`,
      '',
      `Wenn ich bis zum ${on(answerBy, f)} keine Antwort habe, werde ich mich mit einer Beschwerde an ${LAW[lapsed.law].authority} wenden.`,
      ...closing(f),
    ];
    return { subject: `Erinnerung: mein Antrag vom ${on(lapsed.sentAt, f)} ist unbeantwortet (${LAW[lapsed.law].short}): ${heading(f)}`, body: lines.join('\n') };
  },

  complaint(f, { first, followedUpOn, last, refusedAt }) {
    const words = LAW[last.law];
    const asked = first.logged
      ? ABOUT['legal-deadline']({ ...f, openedAt: first.sentAt, request: first })
      : `Am ${on(first.sentAt, f)} habe ich das Datenschutzteam von OpenAI (${OPENAI_PRIVACY_CHANNEL.email.address}) nach ${LAW[first.law].erasure} gebeten, die Löschung zu bestätigen.`;
    const followed = followedUpOn.length > 0 ? ` Ich habe am ${followedUpOn.map((at) => on(at, f)).join(', ')} daran erinnert.` : '';
    const outcome = refusedAt !== null ? `Am ${on(refusedAt, f)} hat OpenAI abgelehnt.` : `Nach ${words.name} war eine Antwort bis zum ${on(last.dueAt, f)} fällig. Ich habe keine erhalten.`;
    const lines = [
      `An ${words.authority},`,
      '',
      `hiermit beschwere ich mich über OpenAI wegen der Löschung meiner personenbezogenen Daten zu ${accountDative(f)}. Es geht um ${SCOPE[f.scope]}.`,
      '',
      ...(first.logged ? [] : [`${ABOUT[f.kind](f)} ${promised(f)}`, '']),
      `${asked}${followed} ${outcome}`,
      '',
      'Ich füge den Nachweisbericht aus meinen eigenen Aufzeichnungen (Likeness Ledger) bei, der jeden dieser Einträge mit Datum und Art der Aufzeichnung auflistet:',
      ...evidence(f),
      '',
      'Ich bitte Sie, diese Beschwerde zu prüfen und OpenAI aufzufordern, die Löschung zu bestätigen oder mitzuteilen, welche Daten es aus welchem Grund aufbewahrt.',
      '',
      'Mit freundlichen Grüßen',
      '',
    ];
    return { subject: `Beschwerde: OpenAI hat meinen Löschantrag ${refusedAt !== null ? 'abgelehnt' : 'nicht beantwortet'} (${words.name})`, body: lines.join('\n') };
  },
};
