/**
 * One takedown route, shown where the user chooses it or runs it: where to go, the clock, the
 * source, and the drafted notice (or, once the clock ran out or the platform refused, the
 * escalation), in a letter language of the user's choice, to copy.
 */
import { useId, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/i18n/error-message';
import type { Escalation, TakedownRoute } from '@/lib/copies/routes';
import type { Copy, Takedown } from '@/lib/copies/sightings';
import { formatLength } from '@/lib/i18n/format';
import { t, uiLocale, type MessageKey } from '@/lib/i18n/i18n';
import { TAKEDOWN_LANGUAGES, TAKEDOWN_LETTERS, takedownFacts, takedownLanguageFor, type TakedownLanguage } from '@/lib/letters/takedown';
import { ExternalLink } from '../ExternalLink';
import { SourceTitle } from '../SourceTitle';

const ESCALATION: Record<Escalation, MessageKey> = {
  'platform-appeal': 'escalationPlatformAppeal',
  ftc: 'escalationFtc',
  'dsa-complaint': 'escalationDsaComplaint',
  'dsa-out-of-court': 'escalationDsaOutOfCourt',
  'data-protection-authority': 'escalationDataProtectionAuthority',
};
const LANGUAGE_NAME: Record<TakedownLanguage, string> = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español' };

interface Props {
  copy: Copy;
  route: TakedownRoute;
  timeZone: string;
  now: number;
  announce(text: string): void;
  /** The request this is about, once sent; with `escalate`, the letter is the escalation after it. */
  takedown?: Takedown;
  escalate?: boolean;
}

export function TakedownNotice({ copy, route, timeZone, now, announce, takedown, escalate }: Props) {
  const id = useId();
  const locale = uiLocale();
  const [language, setLanguage] = useState<TakedownLanguage>(() => takedownLanguageFor(locale));
  const escalations = route.escalation;
  const [to, setTo] = useState<Escalation | undefined>(escalations[0]);
  const [error, setError] = useState<string | null>(null);
  const sent = takedown?.window && { request: takedown.request, dueAt: takedown.window.dueAt, refused: takedown.window.refused === true };
  const facts = takedownFacts(copy.sighting, route.id, { now, timeZone }, sent || undefined);
  const letters = TAKEDOWN_LETTERS[language];
  const escalating = escalate && to !== undefined;
  const letter = escalating ? letters.escalation(facts, to) : letters.notice(facts);
  const text = `${letter.subject}\n\n${letter.body}`;

  const copyLetter = async () => {
    setError(null);
    try {
      await navigator.clipboard.writeText(text);
      announce(t('draftCopied'));
    } catch (e) {
      setError(t('popupCopyFailed', errorMessage(e)));
    }
  };

  return (
    <div class="takedown-notice" data-testid="takedown-notice" data-route={route.id}>
      <dl class="facts">
        {route.url && (
          <>
            <dt>{t('routeWhere')}</dt>
            <dd>
              <ExternalLink href={route.url} />
            </dd>
          </>
        )}
        <dt>{t('routeClock')}</dt>
        <dd data-testid="route-clock">
          {route.clock.type === 'user' ? t('routeClockUser') : t(route.clock.type === 'legal' ? 'routeClockLegal' : 'routeClockFixed', formatLength(route.clock.length, locale))}
        </dd>
        <dt>{t('routeSource')}</dt>
        <dd>
          <SourceTitle source={route.source} />{' '}
          <span class="muted">{t('asOf', route.source.asOf)}</span>
        </dd>
      </dl>
      {route.intimateOnly && <p class="hint">{t('routeIntimateOnly')}</p>}
      {escalate && escalations.length > 0 && (
        <div class="field">
          <label for={`${id}-to`}>{t('escalationTo')}</label>
          <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.currentTarget.value as Escalation)} data-testid="escalation-to">
            {escalations.map((e) => (
              <option key={e} value={e}>
                {t(ESCALATION[e])}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for={`${id}-language`}>{t('draftLanguage')}</label>
        <select id={`${id}-language`} value={language} onChange={(e) => setLanguage(e.currentTarget.value as TakedownLanguage)}>
          {TAKEDOWN_LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAME[l]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-body`}>{t(escalating ? 'takedownEscalationLetter' : 'takedownNoticeLetter')}</label>
        <textarea id={`${id}-body`} class="letter" readOnly rows={12} value={text} lang={language} data-testid="takedown-letter" />
      </div>
      <button type="button" onClick={() => void copyLetter()} data-testid="takedown-copy">
        {t('draftCopy')}
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
