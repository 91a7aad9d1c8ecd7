/**
 * One question of "Record your Sora history" (SoraHistory.tsx): the fields the user answers it with,
 * a choice, a month, names or a law. The flow around it owns the form; this only shows and edits it.
 */
import type { JSX } from 'preact';
import { AUDIENCES } from '@/lib/ledger/events';
import { t } from '@/lib/i18n/i18n';
import type { Law } from '@/lib/facts/policies';
import type { HistoryStep } from '@/lib/ledger/sora-history';
import type { HistoryForm, MonthField } from '@/lib/ledger/sora-history-form';
import { LawOptions, RequestOptions } from '../LawOptions';
import { MonthPicker } from '../MonthPicker';
import { audienceLabel } from '../text';

/** Sets one field of the form. */
export type SetField = <K extends keyof HistoryForm>(key: K) => (value: HistoryForm[K]) => void;

const YES_NO = ['yes', 'no'] as const;
const yesNo = (v: 'yes' | 'no') => t(v === 'yes' ? 'soraHistoryYes' : 'soraHistoryNo');

export function HistoryQuestion({ step, form, set, now }: { step: HistoryStep; form: HistoryForm; set: SetField; now: number }) {
  const onText = (key: 'handle' | 'approved' | 'revoked') => (e: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key)(e.currentTarget.value);
  const month = (key: MonthField) => (
    <div class="field">
      <label for={`history-${key}`}>{t('soraHistoryWhen')}</label>
      <MonthPicker id={`history-${key}`} value={form[key]} onChange={set(key)} now={now} />
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

  return (
    <>
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
                  <select id="history-request" value={form.request} onChange={(e) => set('request')(e.currentTarget.value as HistoryForm['request'])}>
                    <RequestOptions />
                  </select>
                </div>
              </div>
              {month('requestMonth')}
            </>
          )}
        </>
      )}
    </>
  );
}
