/**
 * Quick add: what the user did on their phone, where no extension runs, entered in seconds.
 * The form holds strings as its inputs give them; this module turns them into a NewEvent,
 * checked field by field so that each error can be shown next to its field.
 */
import * as z from 'zod/mini';
// The kinds quick add offers, most common first, are the `quickAdd` facet of lib/ledger/event-kinds.ts.
import { QUICK_KINDS, type QuickKind } from './event-kinds';
import { Handle, Instant, Service, type Account, type LedgerEvent, type NewEvent } from './events';
import { fromLocalInput, toLocalInput } from '../i18n/format';
import { monthInstant, monthOf, monthValue, parseMonthValue, type Precision } from '../deadlines/month-precision';
import type { MessageKey } from '../i18n/i18n';
import { LAWS, LINKED_DELETIONS, type Law } from '../facts/policies';


export const CHANNELS = ['privacy-portal', 'email', 'other'] as const;
export const REQUESTS = ['erasure', 'access', 'other'] as const;

/** The form's values, as strings from its inputs. */
export interface QuickAddValues {
  kind: QuickKind;
  service: string;
  handle: string;
  /** An <input type="datetime-local"> value, in the user's zone. */
  when: string;
  /** 'month' when the user remembers only the month ("October 2025"): then `month` is the date. */
  precision: Precision;
  /** "2025-10": the month, when that is all the user remembers. */
  month: string;
  person: string;
  law: string;
  channel: string;
  request: string;
  reference: string;
}

export type QuickAddField = 'handle' | 'service' | 'when' | 'person' | 'law' | 'channel' | 'request' | 'reference';
export type QuickAddErrors = Partial<Record<QuickAddField, MessageKey>>;
export type QuickAddOutcome = { ok: true; event: NewEvent } | { ok: false; errors: QuickAddErrors };

/** Which fields each kind asks for, beyond account and date. */
export const FIELDS_OF: Record<QuickKind, QuickAddField[]> = {
  'access-granted': ['person'],
  'access-revoked': ['person'],
  'cameo-deleted': [],
  'account-deletion-requested': [],
  'privacy-request-sent': ['law', 'channel', 'request', 'reference'],
};

export const isQuickKind = (kind: string): kind is QuickKind => (QUICK_KINDS as readonly string[]).includes(kind);

/** A clock a minute ahead of the one that recorded the entry must not make "now" the future. */
const CLOCK_SLACK_MS = 5 * 60_000;

const Person = Handle;
const Reference = z.string().check(z.trim(), z.maxLength(200));

/** A new entry's values: the account given, now, and for a privacy request the user's jurisdiction (settings). */
export function defaultValues(kind: QuickKind, account: Account | null, now: number, law: Law): QuickAddValues {
  return {
    kind,
    service: account?.service ?? 'sora',
    handle: account?.handle ?? '',
    when: toLocalInput(now),
    precision: 'day',
    month: monthValue(monthOf(now)),
    person: '',
    law,
    channel: 'privacy-portal',
    request: 'erasure',
    reference: '',
  };
}

/** The values that reproduce an entry, for editing it; null for a kind quick add does not make. */
export function valuesOf(event: LedgerEvent): QuickAddValues | null {
  if (!isQuickKind(event.kind)) return null;
  const values = { ...defaultValues(event.kind, event.account, event.occurredAt, 'none'), ...whenValues(event) };
  switch (event.kind) {
    case 'access-granted':
    case 'access-revoked':
      return { ...values, person: event.details.person };
    case 'privacy-request-sent': {
      const { law, channel, request, reference = '' } = event.details;
      return { ...values, law, channel, request, reference };
    }
    default:
      return values;
  }
}

export function quickAddEvent(values: QuickAddValues, now: number): QuickAddOutcome {
  const errors: QuickAddErrors = {};
  const service = Service.safeParse(values.service);
  if (!service.success) errors.service = 'errorServiceUnknown';
  const handle = Handle.safeParse(values.handle);
  if (!handle.success) errors.handle = values.handle.trim() ? 'errorHandleTooLong' : 'errorHandleRequired';

  const when = occurrence(values, now);
  if ('error' in when) errors.when = when.error;
  const at = 'at' in when ? when.at : null;

  const fields = FIELDS_OF[values.kind];
  const person = Person.safeParse(values.person);
  if (fields.includes('person') && !person.success) errors.person = values.person.trim() ? 'errorPersonTooLong' : 'errorPersonRequired';
  const law = z.enum(LAWS).safeParse(values.law);
  const channel = z.enum(CHANNELS).safeParse(values.channel);
  const request = z.enum(REQUESTS).safeParse(values.request);
  const reference = Reference.safeParse(values.reference);
  if (fields.includes('law') && !law.success) errors.law = 'errorChoose';
  if (fields.includes('channel') && !channel.success) errors.channel = 'errorChoose';
  if (fields.includes('request') && !request.success) errors.request = 'errorChoose';
  if (fields.includes('reference') && !reference.success) errors.reference = 'errorReferenceTooLong';

  if (Object.keys(errors).length > 0 || !service.success || !handle.success || at === null) return { ok: false, errors };

  const common = { occurredAt: at, ...(values.precision === 'month' ? { occurredPrecision: 'month' as const } : {}), account: { service: service.data, handle: handle.data }, source: 'manual' as const, evidence: {} };
  const event = ((): NewEvent => {
    switch (values.kind) {
      case 'access-granted':
      case 'access-revoked':
        return { ...common, kind: values.kind, details: { person: person.data! } };
      case 'cameo-deleted':
        return { ...common, kind: values.kind, details: {} };
      case 'account-deletion-requested':
        // Deleting one OpenAI account deletes the linked ones with it (policies.ts).
        return { ...common, kind: values.kind, details: { linkedAccounts: LINKED_DELETIONS[service.data] } };
      case 'privacy-request-sent':
        return {
          ...common,
          kind: values.kind,
          details: {
            law: law.data!,
            channel: channel.data!,
            request: request.data!,
            ...(reference.data ? { reference: reference.data } : {}),
          },
        };
    }
  })();
  return { ok: true, event };
}

/** The date fields' values for an entry: its month when that is all it knows, else its moment. */
export function whenValues(event: Pick<LedgerEvent, 'occurredAt' | 'occurredPrecision'>): Pick<QuickAddValues, 'when' | 'precision' | 'month'> {
  const precision = event.occurredPrecision === 'month' ? 'month' : 'day';
  return { when: toLocalInput(event.occurredAt), precision, month: monthValue(monthOf(event.occurredAt)) };
}

/**
 * When it happened, from the date fields: a moment, or a month (lib/deadlines/month-precision.ts), which
 * may be this month but not a later one.
 */
export function occurrence(values: Pick<QuickAddValues, 'when' | 'precision' | 'month'>, now: number): { at: number } | { error: MessageKey } {
  if (values.precision === 'month') {
    const month = parseMonthValue(values.month);
    if (!month) return { error: 'errorDateInvalid' };
    const at = monthInstant(month);
    if (monthValue(month) > monthValue(monthOf(now))) return { error: 'errorDateFuture' };
    return Instant.safeParse(at).success ? { at } : { error: 'errorDateImplausible' };
  }
  const at = fromLocalInput(values.when);
  if (at === null) return { error: 'errorDateInvalid' };
  if (at > now + CLOCK_SLACK_MS) return { error: 'errorDateFuture' };
  return Instant.safeParse(at).success ? { at } : { error: 'errorDateImplausible' };
}
