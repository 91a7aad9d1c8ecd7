/**
 * The next step for a window, in an entry's details: the letter to send (a request to erase and
 * confirm, the follow-up, the complaint), readable in full, with the ways to send it (copy, an
 * email, a text file) and "I sent it", which records it and starts its legal deadline. Or, when
 * there is nothing to send, why not, and what is awaited.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/i18n/error-message';
import { localDateKey } from '@/lib/deadlines/calendar';
import { answerDue, followUpSentEvent, letterFileName, letterText, nextFollowUp, windowAbout, type Draft, type DraftKind, type NextStep } from '@/lib/letters/drafts';
import { formatDate } from '@/lib/i18n/format';
import { t, uiLocale, type MessageKey } from '@/lib/i18n/i18n';
import { LETTERS, LETTER_LANGUAGES, letterLanguageFor, type LetterLanguage } from '@/lib/letters/languages';
import type { DeadlineWindow } from '@/lib/deadlines/windows';
import { saveFile } from '../save-file';
import { lawLabel } from '../text';
import type { DashboardContext } from './context';

const TITLE: Record<DraftKind, MessageKey> = {
  'erasure-request': 'draftTitleErasureRequest',
  'follow-up': 'draftTitleFollowUp',
  complaint: 'draftTitleComplaint',
};

const NONE: Record<Extract<NextStep, { step: 'none' }>['reason'], MessageKey> = {
  verified: 'draftNoneVerified',
  'not-due': 'draftNoneNotDue',
  answered: 'draftNoneAnswered',
  complained: 'draftNoneComplained',
  'no-deadline': 'draftNoneNoDeadline',
  'not-a-deletion': 'draftNoneNotADeletion',
};

interface Props {
  window: DeadlineWindow;
  ctx: DashboardContext;
  /** Opened for its draft (`draft=follow-up`, a reminder's button): focus goes to it. */
  focus: boolean;
}

export function DraftPanel({ window, ctx, focus }: Props) {
  const locale = uiLocale();
  const [language, setLanguage] = useState<LetterLanguage>(() => letterLanguageFor(locale));
  const heading = useRef<HTMLHeadingElement>(null);
  const { now, settings, events, windows } = ctx;
  const step = useMemo(
    () => nextFollowUp(window, { now, timeZone: settings.timeZone, jurisdiction: settings.jurisdiction, language, events, windows }),
    [window, now, settings, language, events, windows],
  );

  useEffect(() => {
    if (!focus) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [focus]);

  // An export link is no deletion: there is no letter to write about it, so no panel either.
  if (step.step === 'none' && step.reason === 'not-a-deletion') return null;
  const about = windowAbout(window, windows);

  return (
    <section class="draft" aria-labelledby={`draft-title-${window.id}`} data-testid="draft-panel">
      <h4 id={`draft-title-${window.id}`} tabIndex={-1} ref={heading}>
        {step.step === 'draft' ? `${t('labelColon', t('draftHeading'))} ${t(TITLE[step.draft.kind])}` : t('draftHeading')}
      </h4>
      {step.step === 'none' && (
        <p data-testid="draft-none" data-reason={step.reason}>
          {t(NONE[step.reason], formatDate(about.dueAt, locale))}
        </p>
      )}
      {step.step === 'waiting' && (
        <p data-testid="draft-waiting">
          {t('draftWaiting', formatDate(step.sent.occurredAt, locale), formatDate(step.until, locale))}{' '}
          <button type="button" class="link" onClick={() => ctx.showEntry(step.sent.id)}>
            {t('draftShowDeadline')}
          </button>
        </p>
      )}
      {step.step === 'draft' && <Letter draft={step.draft} about={about} ctx={ctx} language={language} setLanguage={setLanguage} />}
    </section>
  );
}

function Letter({ draft, about, ctx, language, setLanguage }: { draft: Draft; about: DeadlineWindow; ctx: DashboardContext; language: LetterLanguage; setLanguage: (l: LetterLanguage) => void }) {
  const locale = uiLocale();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const text = letterText(draft);
  const toOpenAi = draft.to === 'openai-privacy';

  const copy = async () => {
    setError(null);
    try {
      await navigator.clipboard.writeText(text);
      ctx.announce(t('draftCopied'));
    } catch (e) {
      setError(t('popupCopyFailed', errorMessage(e)));
    }
  };

  const save = () => {
    const name = letterFileName(draft, localDateKey(ctx.now, ctx.settings.timeZone));
    saveFile(name, 'text/plain;charset=utf-8', text);
    ctx.announce(t('draftSaved', name));
  };

  const sent = async () => {
    setError(null);
    setSending(true);
    try {
      const now = Date.now();
      await ctx.writes.record(followUpSentEvent(draft, about, now));
      ctx.announce(
        !toOpenAi
          ? t('draftComplaintSentDone')
          : draft.law === 'none'
            ? t('draftSentNoDeadline')
            : t('draftSentDone', formatDate(answerDue(draft.law, { now, timeZone: ctx.settings.timeZone }), locale)),
      );
    } catch (e) {
      setError(t('saveFailed', errorMessage(e)));
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <p class="hint">
        {draft.kind === 'erasure-request' && t('draftWhyErasureRequest')}
        {draft.kind === 'follow-up' && t('draftWhyFollowUp', formatDate(draft.answerWasDue ?? about.dueAt, locale))}
        {draft.kind === 'complaint' && (
          <>
            {t('draftWhyComplaint')} {t('draftAttachReport')}{' '}
            <a href="/report.html?scope=all" target="_blank">
              {t('reportPrintable')}
            </a>
          </>
        )}
      </p>
      <dl class="facts">
        <dt>{t('draftTo')}</dt>
        <dd data-testid="draft-to">
          {draft.recipient}
          {draft.address && <> &lt;{draft.address}&gt;</>}
        </dd>
        <dt>{t('fieldLaw')}</dt>
        <dd>{lawLabel(draft.law)}</dd>
        <dt>{t('draftSubject')}</dt>
        <dd data-testid="draft-subject">{draft.subject}</dd>
      </dl>
      <div class="field">
        <label for={`${id}-language`}>{t('draftLanguage')}</label>
        <select id={`${id}-language`} value={language} onChange={(e) => setLanguage(e.currentTarget.value as LetterLanguage)} data-testid="draft-language">
          {LETTER_LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LETTERS[l].name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-body`}>{t('draftLetter')}</label>
        <textarea id={`${id}-body`} class="letter" readOnly rows={16} value={draft.body} lang={draft.language} data-testid="draft-body" />
      </div>
      {!draft.mailto.whole && <p class="hint" data-testid="draft-email-cut">{t('draftEmailCut')}</p>}
      <div class="actions">
        <button type="button" onClick={() => void copy()} data-testid="draft-copy">
          {t('draftCopy')}
        </button>
        <a class="button" href={draft.mailto.url} onClick={() => !draft.mailto.whole && void copy()} data-testid="draft-mailto">
          {t('draftOpenEmail')}
        </a>
        <button type="button" onClick={save} data-testid="draft-save">
          {t('draftSave')}
        </button>
        <button type="button" class="primary" disabled={sending} onClick={() => void sent()} aria-describedby={`${id}-sent-hint`} data-testid="draft-sent">
          {t('draftSent')}
        </button>
      </div>
      <p class="hint" id={`${id}-sent-hint`}>
        {toOpenAi ? t('draftSentHint') : t('draftComplaintSentHint')}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </>
  );
}

