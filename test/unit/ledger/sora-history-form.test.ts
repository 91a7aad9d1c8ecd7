// The guided Sora history's form: what a question answers, and where Next, Skip and Back lead.
import { describe, expect, it } from 'vitest';
import { HISTORY_STEPS } from '@/lib/ledger/sora-history';
import { SKIPPED, SORA_2_LAUNCH, answerOf, firstForm, monthsFromCameo, nextStep, previous } from '@/lib/ledger/sora-history-form';

const at = (step: (typeof HISTORY_STEPS)[number]) => HISTORY_STEPS.indexOf(step);

describe('the Sora history form', () => {
  it('opens with the known handle and law, every month at Sora 2’s launch', () => {
    const form = firstForm('me.cameo', 'gdpr');
    expect(form.handle).toBe('me.cameo');
    expect(form.law).toBe('gdpr');
    expect([form.cameoMonth, form.audienceMonth, form.approvedMonth, form.revokedMonth, form.deletedMonth, form.requestMonth]).toEqual(Array(6).fill(SORA_2_LAUNCH));
  });

  it('answers each question from its fields; "no", "neither" and no names answer nothing', () => {
    const form = { ...firstForm('', 'gdpr'), approved: 'dan, eve\neve', approvedMonth: '2025-11', made: 'no' as const };
    expect(answerOf('approved', form)).toEqual({ approved: { people: ['dan', 'eve'], month: '2025-11' } });
    expect(answerOf('cameo', form)).toEqual({ cameo: undefined });
    expect(answerOf('revoked', form)).toEqual({ revoked: undefined });
    expect(answerOf('deleted', form)).toEqual({ deleted: undefined });
    expect(answerOf('deleted', { ...form, deleted: 'account', deletedMonth: '2026-01' })).toEqual({ deleted: { what: 'account', month: '2026-01' } });
    for (const step of HISTORY_STEPS) expect(Object.values(SKIPPED[step])).toEqual([undefined]);
  });

  it('starts later months at the cameo’s', () => {
    const form = monthsFromCameo({ ...firstForm('', 'gdpr'), cameoMonth: '2025-12' });
    expect([form.audienceMonth, form.approvedMonth, form.revokedMonth, form.deletedMonth, form.requestMonth]).toEqual(Array(5).fill('2025-12'));
  });

  it('skips the sharing questions without a cameo, and Back returns past them', () => {
    expect(nextStep(at('cameo'), { cameo: undefined })).toBe(at('deleted'));
    expect(nextStep(at('cameo'), { cameo: { month: '2025-10' } })).toBe(at('audience'));
    expect(nextStep(at('account'), {})).toBe(at('cameo'));
    expect(previous(at('deleted'), {})).toBe(at('cameo'));
    expect(previous(at('deleted'), { cameo: { month: '2025-10' } })).toBe(at('revoked'));
    expect(previous(at('audience'), {})).toBe(at('cameo'));
  });
});
