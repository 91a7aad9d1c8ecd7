/**
 * "Record your Sora history": a guided flow for what happened before the extension was there.
 * One question at a time, each skippable; at the end the entries it will write are listed, and
 * saving writes them as ordinary manual entries (lib/ledger/sora-history.ts), dated to the month.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/i18n/error-message';
import { t, type MessageKey } from '@/lib/i18n/i18n';
import { plural } from '@/lib/i18n/plural';
import { HISTORY_STEPS, historyEntries, type HistoryAnswers, type HistoryStep } from '@/lib/ledger/sora-history';
import { SKIPPED, answerOf, firstForm, monthsFromCameo, nextStep, previous, type HistoryForm } from '@/lib/ledger/sora-history-form';
import { eventSubject, kindLabel } from '../text';
import { When } from '../When';
import { HistoryQuestion, type SetField } from './HistoryQuestion';
import type { DashboardContext } from './context';

const QUESTION: Record<HistoryStep, MessageKey> = {
  account: 'soraHistoryQAccount',
  cameo: 'soraHistoryQCameo',
  audience: 'soraHistoryQAudience',
  approved: 'soraHistoryQApproved',
  revoked: 'soraHistoryQRevoked',
  deleted: 'soraHistoryQDeleted',
  request: 'soraHistoryQRequest',
};

export function SoraHistory({ ctx }: { ctx: DashboardContext }) {
  const soraHandle = ctx.accounts.find((a) => a.service === 'sora')?.handle ?? '';
  const [started, setStarted] = useState(false);
  const [at, setAt] = useState(0);
  const [answers, setAnswers] = useState<HistoryAnswers>({});
  const [form, setForm] = useState<HistoryForm>(() => firstForm(soraHandle, ctx.settings.jurisdiction));
  const [saved, setSaved] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const reviewing = at >= HISTORY_STEPS.length;
  const step = HISTORY_STEPS[at];
  const entries = useMemo(() => historyEntries(answers), [answers]);

  // Each question (and the review) is announced and reached from the keyboard: focus goes to its heading.
  useEffect(() => {
    if (started) heading.current?.focus();
  }, [started, at, saved]);

  const set: SetField = (key) => (value) => setForm((f) => ({ ...f, [key]: value }));

  const go = (given: Partial<HistoryAnswers>) => {
    if (!step) return;
    setAnswers((a) => ({ ...a, ...given }));
    if (step === 'cameo' && form.made === 'yes') setForm(monthsFromCameo);
    setAt(nextStep(at, given));
  };

  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      for (const e of entries) await ctx.writes.record(e);
      setSaved(entries.length);
      ctx.announce(savedText(entries.length));
    } catch (error) {
      setFailure(t('saveFailed', errorMessage(error)));
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setAt(0);
    setAnswers({});
    setSaved(null);
  };

  if (!started) {
    return (
      <div class="history-start">
        <p>{t('soraHistoryIntro')}</p>
        <button type="button" class="primary" onClick={() => setStarted(true)} data-testid="history-start">
          {t('soraHistoryStart')}
        </button>
      </div>
    );
  }

  if (saved !== null) {
    return (
      <div class="history" data-testid="history-done">
        <h3 ref={heading} tabIndex={-1}>
          {savedText(saved)}
        </h3>
        <p>{t('soraHistoryDoneText')}</p>
        <div class="actions">
          <a href="#timeline">{t('soraHistoryShowTimeline')}</a>
          <button type="button" onClick={restart}>
            {t('soraHistoryAgain')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div class="history card" data-testid="history" data-step={reviewing ? 'review' : step}>
      <p class="muted">{reviewing ? t('soraHistoryReviewStep') : t('soraHistoryStep', String(at + 1), String(HISTORY_STEPS.length))}</p>
      <h3 id="history-question" ref={heading} tabIndex={-1}>
        {reviewing ? t('soraHistoryReview') : t(QUESTION[step!])}
      </h3>
      {step && <HistoryQuestion step={step} form={form} set={set} now={ctx.now} />}
      {reviewing && (
        <>
          {entries.length === 0 ? (
            <p class="empty">{t('soraHistoryNothing')}</p>
          ) : (
            <ul class="plain history-entries" data-testid="history-entries">
              {entries.map((e, i) => (
                <li key={i} data-kind={e.kind}>
                  <strong>{kindLabel(e.kind)}</strong> {eventSubject(e as Parameters<typeof eventSubject>[0])} · <When at={e.occurredAt} precision={e.occurredPrecision} />
                </li>
              ))}
            </ul>
          )}
          {failure && (
            <p role="alert" class="error">
              {failure}
            </p>
          )}
        </>
      )}
      <div class="actions">
        {reviewing ? (
          <button type="button" class="primary" disabled={busy || entries.length === 0} onClick={save} data-testid="history-save">
            {t('soraHistorySave')}
          </button>
        ) : (
          <>
            <button type="button" class="primary" onClick={() => go(answerOf(step!, form))} data-testid="history-next">
              {t('soraHistoryNext')}
            </button>
            <button type="button" onClick={() => go(SKIPPED[step!])} data-testid="history-skip">
              {t('soraHistorySkip')}
            </button>
          </>
        )}
        {at > 0 && (
          <button type="button" onClick={() => setAt(previous(at, answers))} data-testid="history-back">
            {t('soraHistoryBack')}
          </button>
        )}
      </div>
    </div>
  );
}

const savedText = (n: number): string => plural(['soraHistorySavedOne', 'soraHistorySavedOther'], n);
