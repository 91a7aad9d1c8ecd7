/**
 * What the user chose to export, as the dashboard's form holds it (calendar days, an account) and
 * as the printable report's address carries it (report.html?scope=…). The address is input like
 * any other: it is parsed with zod, and a bad one is refused, not guessed at.
 */
import * as z from 'zod/mini';
import { fromLocal } from '../deadlines/calendar';
import { Account } from '../ledger/events';
import type { ReportScope } from './build';

const Day = z.iso.date();

export const ScopeChoice = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('all'), redact: z.boolean() }),
  /** Calendar days in the user's zone, both included. */
  z.strictObject({ scope: z.literal('date-range'), from: Day, to: Day, redact: z.boolean() }),
  z.strictObject({ scope: z.literal('account'), account: Account, redact: z.boolean() }),
]);
export type ScopeChoice = z.infer<typeof ScopeChoice>;

const startOfDay = (day: string, timeZone: string) => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return fromLocal({ year, month, day: date, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
};

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The scope of a choice: from the start of the first day to the end of the last, in the user's zone. */
export function scopeOf(choice: ScopeChoice, timeZone: string): ReportScope {
  switch (choice.scope) {
    case 'all':
      return { kind: 'all' };
    case 'account':
      return { kind: 'account', account: choice.account };
    case 'date-range':
      return { kind: 'date-range', from: startOfDay(choice.from, timeZone), to: startOfDay(nextDay(choice.to), timeZone) };
  }
}

/** The query of report.html for a choice. */
export function choiceQuery(choice: ScopeChoice): string {
  const params = new URLSearchParams({ scope: choice.scope });
  if (choice.scope === 'date-range') {
    params.set('from', choice.from);
    params.set('to', choice.to);
  }
  if (choice.scope === 'account') {
    params.set('service', choice.account.service);
    params.set('handle', choice.account.handle);
  }
  if (choice.redact) params.set('redact', '1');
  return `?${params}`;
}

/** The choice in report.html's query; null when the address does not make one. */
export function choiceFromQuery(query: string): ScopeChoice | null {
  const p = new URLSearchParams(query);
  const candidate = {
    scope: p.get('scope') ?? 'all',
    redact: p.get('redact') === '1',
    ...(p.has('from') || p.has('to') ? { from: p.get('from'), to: p.get('to') } : {}),
    ...(p.has('service') || p.has('handle') ? { account: { service: p.get('service'), handle: p.get('handle') } } : {}),
  };
  const parsed = ScopeChoice.safeParse(candidate);
  if (!parsed.success) return null;
  if (parsed.data.scope === 'date-range' && parsed.data.from > parsed.data.to) return null;
  return parsed.data;
}

export type ScopeKind = ScopeChoice['scope'];

/** The dashboard form's state as a choice; null while it does not make one (a date missing, the range backwards). */
export function choiceOf(kind: ScopeKind, from: string, to: string, account: Account | undefined, redact: boolean): ScopeChoice | null {
  if (kind === 'all') return { scope: 'all', redact };
  if (kind === 'account') return account ? { scope: 'account', account, redact } : null;
  return from && to && from <= to ? { scope: 'date-range', from, to, redact } : null;
}
