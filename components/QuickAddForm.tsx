/**
 * The form behind quick add, in the popup and the dashboard, for a new entry or an edit.
 * Everything is filled in already (the latest account, now); the common case is one click on Save.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { errorMessage } from '@/lib/i18n/error-message';
import { SERVICES, type Account, type NewEvent } from '@/lib/ledger/events';
import { t, type MessageKey } from '@/lib/i18n/i18n';
import {
  CHANNELS,
  FIELDS_OF,
  quickAddEvent,
  type QuickAddErrors,
  type QuickAddField,
  type QuickAddValues,
} from '@/lib/ledger/quick-add';
import { accountKey } from '@/lib/ledger/relations';
import { LawOptions, RequestOptions } from './LawOptions';
import { MonthPicker } from './MonthPicker';
import { SubmitOrCancel } from './SubmitOrCancel';
import { accountLabel, channelLabel, kindLabel, serviceLabel } from './text';

export interface QuickAddFormProps {
  initial: QuickAddValues;
  /** Accounts the ledger knows, most recent first. */
  accounts: Account[];
  /** Suggestions for the person field (people known for the account). */
  people: string[];
  submitLabel: string;
  onSubmit: (event: NewEvent) => Promise<void>;
  onCancel: () => void;
}

const OTHER = 'other';

/** The order in which errors are reached, so focus goes to the first one on the page. */
const FIELD_ORDER: QuickAddField[] = ['service', 'handle', 'person', 'law', 'channel', 'request', 'reference', 'when'];

export default function QuickAddForm({ initial, accounts, people, submitLabel, onSubmit, onCancel }: QuickAddFormProps) {
  const id = useId();
  const fieldId = (f: QuickAddField | 'account') => `${id}-${f}`;
  const [start] = useState(() => startingPoint(initial, accounts));
  const [values, setValues] = useState(start.values);
  const [choice, setChoice] = useState(start.choice);
  const [errors, setErrors] = useState<QuickAddErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const fields = FIELDS_OF[values.kind];

  useEffect(() => {
    // Focus goes to the first thing still to fill in; with nothing to fill in, to the first field.
    const first = form.current?.querySelector<HTMLElement>('[data-empty="true"]') ?? form.current?.querySelector<HTMLElement>('select, input');
    first?.focus();
  }, []);

  const set = (field: keyof QuickAddValues) => (e: JSX.TargetedEvent<HTMLInputElement | HTMLSelectElement>) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((errs) => ({ ...errs, [field]: undefined }));
  };

  const chooseAccount = (e: JSX.TargetedEvent<HTMLSelectElement>) => {
    const key = e.currentTarget.value;
    setChoice(key);
    const account = accounts.find((a) => accountKey(a) === key);
    setValues((v) => (account ? { ...v, service: account.service, handle: account.handle } : { ...v, handle: '' }));
    setErrors((errs) => ({ ...errs, handle: undefined, service: undefined }));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const outcome = quickAddEvent(values, Date.now());
    if (!outcome.ok) {
      setErrors(outcome.errors);
      const first = FIELD_ORDER.find((f) => outcome.errors[f]);
      if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(outcome.event);
    } catch (error) {
      setFailure(t('saveFailed', errorMessage(error)));
      setBusy(false);
    }
  };

  const field = (name: QuickAddField, label: MessageKey, control: (props: FieldProps) => JSX.Element, hint?: MessageKey) => {
    const error = errors[name];
    const described = [hint && `${fieldId(name)}-hint`, error && `${fieldId(name)}-error`].filter(Boolean).join(' ') || undefined;
    return (
      <div class="field">
        <label for={fieldId(name)}>{t(label)}</label>
        {control({ id: fieldId(name), 'aria-invalid': error ? true : undefined, 'aria-describedby': described, 'data-field': name })}
        {hint && (
          <span class="hint" id={`${fieldId(name)}-hint`}>
            {t(hint)}
          </span>
        )}
        {error && (
          <span class="error" id={`${fieldId(name)}-error`}>
            {t(error)}
          </span>
        )}
      </div>
    );
  };

  return (
    <form ref={form} class="quick-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate data-testid="quick-add-form">
      <h3 id={`${id}-title`}>{kindLabel(values.kind)}</h3>
      {accounts.length > 0 && (
        <div class="field">
          <label for={fieldId('account')}>{t('fieldAccount')}</label>
          <select id={fieldId('account')} value={choice} onChange={chooseAccount} data-field="account">
            {accounts.map((a) => (
              <option key={accountKey(a)} value={accountKey(a)}>
                {accountLabel(a)}
              </option>
            ))}
            <option value={OTHER}>{t('fieldAccountOther')}</option>
          </select>
        </div>
      )}
      {choice === OTHER && (
        <div class="field-row">
          {field('service', 'fieldService', (p) => (
            <select {...p} value={values.service} onChange={set('service')}>
              {SERVICES.map((s) => (
                <option key={s} value={s}>
                  {serviceLabel(s)}
                </option>
              ))}
            </select>
          ))}
          {field('handle', 'fieldHandle', (p) => (
            <input {...p} value={values.handle} onInput={set('handle')} autocomplete="off" spellcheck={false} data-empty={!values.handle} />
          ))}
        </div>
      )}
      {fields.includes('person') &&
        field(
          'person',
          'fieldPerson',
          (p) => (
            <>
              <input {...p} value={values.person} onInput={set('person')} list={`${id}-people`} autocomplete="off" spellcheck={false} data-empty={!values.person} />
              <datalist id={`${id}-people`}>
                {people.map((person) => (
                  <option key={person} value={person} />
                ))}
              </datalist>
            </>
          ),
          'fieldPersonHint',
        )}
      {fields.includes('law') && (
        <div class="field-row">
          {field('law', 'fieldLaw', (p) => (
            <select {...p} value={values.law} onChange={set('law')}>
              <LawOptions />
            </select>
          ))}
          {field('request', 'fieldRequest', (p) => (
            <select {...p} value={values.request} onChange={set('request')}>
              <RequestOptions />
            </select>
          ))}
        </div>
      )}
      {fields.includes('channel') && (
        <div class="field-row">
          {field('channel', 'fieldChannel', (p) => (
            <select {...p} value={values.channel} onChange={set('channel')}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {channelLabel(c)}
                </option>
              ))}
            </select>
          ))}
          {field('reference', 'fieldReference', (p) => (
            <input {...p} value={values.reference} onInput={set('reference')} autocomplete="off" />
          ))}
        </div>
      )}
      {field(
        'when',
        'fieldWhen',
        (p) =>
          values.precision === 'month' ? (
            <MonthPicker id={p.id} value={values.month} now={Date.now()} describedBy={p['aria-describedby']} onChange={(month) => setValues((v) => ({ ...v, month }))} />
          ) : (
            <input {...p} type="datetime-local" value={values.when} onInput={set('when')} required />
          ),
        values.precision === 'month' ? 'fieldMonthHint' : 'fieldWhenHint',
      )}
      <label class="check">
        <input
          type="checkbox"
          checked={values.precision === 'month'}
          onChange={(e) => {
            const precision = e.currentTarget.checked ? 'month' : 'day';
            setValues((v) => ({ ...v, precision }));
            setErrors((errs) => ({ ...errs, when: undefined }));
          }}
          data-field="month-only"
        />{' '}
        {t('fieldMonthOnly')}
      </label>
      {failure && (
        <p role="alert" class="error">
          {failure}
        </p>
      )}
      <SubmitOrCancel label={submitLabel} onCancel={onCancel} busy={busy} testId="quick-add-save" />
    </form>
  );
}

/** Which account the form starts on: the entry's own, else the most recent one, else one to type. */
function startingPoint(initial: QuickAddValues, accounts: Account[]): { choice: string; values: QuickAddValues } {
  if (initial.handle) {
    const known = accounts.some((a) => accountKey(a) === accountKey(initial));
    return { choice: known ? accountKey(initial) : OTHER, values: initial };
  }
  const latest = accounts[0];
  if (!latest) return { choice: OTHER, values: initial };
  return { choice: accountKey(latest), values: { ...initial, service: latest.service, handle: latest.handle } };
}

interface FieldProps {
  id: string;
  /** Names the field for the end-to-end tests. */
  'data-field': QuickAddField;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}
