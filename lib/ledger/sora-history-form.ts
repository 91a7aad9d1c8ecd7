/**
 * The form behind "Record your Sora history" (components/dashboard/SoraHistory.tsx): what each
 * question's fields hold, the answer a question gives or clears when skipped, and where Next, Skip
 * and Back lead. Pure, so the flow's order can be read and tested without a page; the answers become
 * entries in ./sora-history.ts.
 */
import type { Audience } from './events';
import type { Law } from '../facts/policies';
import type { REQUESTS } from './quick-add';
import { HISTORY_STEPS, peopleFrom, type HistoryAnswers, type HistoryStep } from './sora-history';

/** Cameos came with Sora 2, at the start of October 2025: the month most people will mean. */
export const SORA_2_LAUNCH = '2025-10';

/** Every field of every question, kept while the user goes back and forth. */
export interface HistoryForm {
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
export type MonthField = Extract<keyof HistoryForm, `${string}Month`>;

/** The form as the flow opens: the Sora handle already known, the user's law, every month at Sora 2's launch. */
export const firstForm = (handle: string, law: Law): HistoryForm => ({
  handle,
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
  law,
  request: 'erasure',
  requestMonth: SORA_2_LAUNCH,
});

/** The answer a step gives from the form. */
export function answerOf(step: HistoryStep, f: HistoryForm): Partial<HistoryAnswers> {
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

/** What a step clears when skipped. */
export const SKIPPED: Record<HistoryStep, Partial<HistoryAnswers>> = {
  account: { handle: undefined },
  cameo: { cameo: undefined },
  audience: { audience: undefined },
  approved: { approved: undefined },
  revoked: { revoked: undefined },
  deleted: { deleted: undefined },
  request: { request: undefined },
};

/** Later months start at the cameo's once it is answered: the months people remember cluster. */
export const monthsFromCameo = (f: HistoryForm): HistoryForm => {
  const m = f.cameoMonth;
  return { ...f, audienceMonth: m, approvedMonth: m, revokedMonth: m, deletedMonth: m, requestMonth: m };
};

/** Where Next or Skip leads: without a cameo there is nobody to have shared it with, so on to deletions. */
export const nextStep = (at: number, given: Partial<HistoryAnswers>): number =>
  HISTORY_STEPS[at] === 'cameo' && given.cameo === undefined ? HISTORY_STEPS.indexOf('deleted') : at + 1;

/** Back goes where the flow came from: past the cameo's own questions when there was no cameo. */
export function previous(at: number, answers: HistoryAnswers): number {
  const deleted = HISTORY_STEPS.indexOf('deleted');
  return at === deleted && answers.cameo === undefined ? HISTORY_STEPS.indexOf('cameo') : at - 1;
}
