/**
 * "Record your Sora history": a guided flow for what happened before the extension was there.
 * One question at a time, each skippable; at the end the entries it will write are listed, and
 * saving writes them as ordinary manual entries (lib/ledger/sora-history.ts), dated to the month.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { errorMessage } from '@/lib/i18n/error-message';
import { AUDIENCES, type Audience } from '@/lib/ledger/events';
import { t, uiLocale, type MessageKey } from '@/lib/i18n/i18n';
import { plural } from '@/lib/i18n/plural';
import type { Law } from '@/lib/facts/policies';
import type { REQUESTS } from '@/lib/ledger/quick-add';
import { HISTORY_STEPS, historyEntries, peopleFrom, type HistoryAnswers, type HistoryStep } from '@/lib/ledger/sora-history';
import { LawOptions, RequestOptions } from '../LawOptions';
import { MonthPicker } from '../MonthPicker';
import { audienceLabel, eventSubject, kindLabel } from '../text';
import { When } from '../When';
import type { DashboardContext } from './context';

/** Cameos came with Sora 2, at the start of October 2025: the month most people will mean. */
const SORA_2_LAUNCH = '2025-10';

interface Form {
  handle: string;
  made: 'yes' | 'no';
  cameoMonth: string;
  audience: Audience;
  audienceMonth: string;
  approved: string;
  approvedMonth: string;
  revoked: string;
  revokedMonth: string;
  deleted: 'cameo' | 'account' | 'neither';
  deletedMonth: string;
  sent: 'yes' | 'no';
  law: Law;
  request: (typeof REQUESTS)[number];
  requestMonth: string;
}

/** The month fields of the form, one per question that has a date. */
type MonthField = Extract<keyof Form, `${string}Month`>;

const QUESTION: Record<HistoryStep, MessageKey> = {
  account: 'soraHistoryQAccount',
  cameo: 'soraHistoryQCameo',
  audience: 'soraHistoryQAudience',
  approved: 'soraHistoryQApproved',
  revoked: 'soraHistoryQRevoked',
  deleted: 'soraHistoryQDeleted',
  request: 'soraHistoryQRequest',
};

/** The answer a step gives from the form, or what it clears when skipped. */
function answerOf(step: HistoryStep, f: Form): Partial<HistoryAnswers> {
  switch (step) {
    case 'account':
      return { handle: f.handle };
    case 'cameo':
      return { cameo: f.made === 'yes' ? { month: f.cameoMonth } : undefined };
    case 'audience':
      return { audience: { audience: f.audience, month: f.audienceMonth } };
    case 'approved': {
      const people = peopleFrom(f.approved);
      return { approved: people.length ? { people, month: f.approvedMonth } : undefined };
    }
    case 'revoked': {
      const people = peopleFrom(f.revoked);
      return { revoked: people.length ? { people, month: f.revokedMonth } : undefined };
    }
    case 'deleted':
      return { deleted: f.deleted === 'neither' ? undefined : { what: f.deleted, month: f.deletedMonth } };
    case 'request':
      return { request: f.sent === 'yes' ? { law: f.law, request: f.request, month: f.requestMonth } : undefined };
  }
}

const SKIPPED: Record<HistoryStep, Partial<HistoryAnswers>> = {
  account: { handle: undefined },
  cameo: { cameo: undefined },
  audience: { audience: undefined },
  approved: { approved: undefined },
  revoked: { revoked: undefined },
  deleted: { deleted: undefined },
  request: { request: undefined },
};

export function SoraHistory({ ctx }: { ctx: DashboardContext }) {
  const soraHandle = ctx.accounts.find((a) => a.service === 'sora')?.handle ?? '';
  const [started, setStarted] = useState(false);
  const [at, setAt] = useState(0);
  const [answers, setAnswers] = useState<HistoryAnswers>({});
  const [form, setForm] = useState<Form>(() => ({
    handle: soraHandle,
    made: 'yes',
    cameoMonth: SORA_2_LAUNCH,
    audience: 'people-i-approve',
    audienceMonth: SORA_2_LAUNCH,
    approved: '',
    approvedMonth: SORA_2_LAUNCH,
    revoked: '',
    revokedMonth: SORA_2_LAUNCH,
    deleted: 'neither',
    deletedMonth: SORA_2_LAUNCH,
    sent: 'no',
    law: ctx.settings.jurisdiction,
    request: 'erasure',
    requestMonth: SORA_2_LAUNCH,
  }));
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

  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const onText = (key: 'handle' | 'approved' | 'revoked') => (e: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key)(e.currentTarget.value);

  const go = (given: Partial<HistoryAnswers>) => {
    if (!step) return;
    setAnswers((a) => ({ ...a, ...given }));
    // Later months start at the cameo's: the months people remember cluster.
    if (step === 'cameo' && form.made === 'yes') {
      const m = form.cameoMonth;
      setForm((f) => ({ ...f, audienceMonth: m, approvedMonth: m, revokedMonth: m, deletedMonth: m, requestMonth: m }));
    }
    // Without a cameo there is nobody to have shared it with: on to deletions.
    const next = step === 'cameo' && given.cameo === undefined ? HISTORY_STEPS.indexOf('deleted') : at + 1;
    setAt(next);
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

  const month = (key: MonthField) => (
    <div class="field">
      <label for={`history-${key}`}>{t('soraHistoryWhen')}</label>
      <MonthPicker id={`history-${key}`} value={form[key]} onChange={set(key)} now={ctx.now} />
    </div>
  );
  const choice = <V extends string>(name: string, value: V, options: readonly V[], label: (v: V) => string, onChange: (v: V) => void) => (
    <div class="choices" role="radiogroup" aria-labelledby="history-question">
      {options.map((o) => (
        <label key={o} class="check">
          <input type="radio" name={name} value={o} checked={value === o} onChange={() => onChange(o)} data-choice={o} /> {label(o)}
        </label>
      ))}
    </div>
  );
  const YES_NO = ['yes', 'no'] as const;
  const yesNo = (v: 'yes' | 'no') => t(v === 'yes' ? 'soraHistoryYes' : 'soraHistoryNo');

  return (
    <div class="history card" data-testid="history" data-step={reviewing ? 'review' : step}>
      <p class="muted">{reviewing ? t('soraHistoryReviewStep') : t('soraHistoryStep', String(at + 1), String(HISTORY_STEPS.length))}</p>
      <h3 id="history-question" ref={heading} tabIndex={-1}>
        {reviewing ? t('soraHistoryReview') : t(QUESTION[step!])}
      </h3>
      {step === 'account' && (
        <div class="field">
          <label for="history-handle">{t('soraHistoryHandle')}</label>
          <input id="history-handle" value={form.handle} onInput={onText('handle')} autocomplete="off" spellcheck={false} />
          <span class="hint">{t('soraHistoryHandleHint')}</span>
        </div>
      )}
      {step === 'cameo' && (
        <>
          {choice('made', form.made, YES_NO, yesNo, set('made'))}
          {form.made === 'yes' && month('cameoMonth')}
        </>
      )}
      {step === 'audience' && (
        <>
          {choice('audience', form.audience, AUDIENCES, audienceLabel, set('audience'))}
          {month('audienceMonth')}
        </>
      )}
      {(step === 'approved' || step === 'revoked') && (
        <>
          <div class="field">
            <label for={`history-${step}`}>{t('soraHistoryPeople')}</label>
            <textarea id={`history-${step}`} rows={3} value={form[step]} onInput={onText(step)} spellcheck={false} aria-describedby="history-people-hint" />
            <span class="hint" id="history-people-hint">
              {t('soraHistoryPeopleHint')}
            </span>
          </div>
          {month(`${step}Month`)}
        </>
      )}
      {step === 'deleted' && (
        <>
          {choice('deleted', form.deleted, ['cameo', 'account', 'neither'] as const, (v) => t(v === 'cameo' ? 'soraHistoryDeletedCameo' : v === 'account' ? 'soraHistoryDeletedAccount' : 'soraHistoryDeletedNeither'), set('deleted'))}
          {form.deleted !== 'neither' && month('deletedMonth')}
        </>
      )}
      {step === 'request' && (
        <>
          {choice('sent', form.sent, YES_NO, yesNo, set('sent'))}
          {form.sent === 'yes' && (
            <>
              <div class="field-row">
                <div class="field">
                  <label for="history-law">{t('fieldLaw')}</label>
                  <select id="history-law" value={form.law} onChange={(e) => set('law')(e.currentTarget.value as Law)}>
                    <LawOptions />
                  </select>
                </div>
                <div class="field">
                  <label for="history-request">{t('fieldRequest')}</label>
                  <select id="history-request" value={form.request} onChange={(e) => set('request')(e.currentTarget.value as Form['request'])}>
                    <RequestOptions />
                  </select>
                </div>
              </div>
              {month('requestMonth')}
            </>
          )}
        </>
      )}
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

/** Back goes where the flow came from: past the cameo's own questions when there was no cameo. */
function previous(at: number, answers: HistoryAnswers): number {
  const deleted = HISTORY_STEPS.indexOf('deleted');
  return at === deleted && answers.cameo === undefined ? HISTORY_STEPS.indexOf('cameo') : at - 1;
}

const savedText = (n: number): string => plural(['soraHistorySavedOne', 'soraHistorySavedOther'], n);
