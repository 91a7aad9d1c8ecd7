/**
 * Logging a copy elsewhere (CopiesElsewhere.tsx): its address, what it shows, what made it, when it
 * was seen, and the fingerprint of a screenshot (never the screenshot). Opened prefilled from the
 * context menu.
 */
import { useState } from 'preact/hooks';
import { sightingAddress } from '@/lib/copies/address';
import { screenshotSha256 } from '@/lib/copies/screenshot';
import { UNKNOWN_HANDLE, type Account, type DetailsOf } from '@/lib/ledger/events';
import { fromLocalInput, toLocalInput } from '@/lib/i18n/format';
import { t, type MessageKey } from '@/lib/i18n/i18n';
import { recentFirst } from '../accounts';
import { ADDRESS_PROBLEM, madeWithLabel, platformLabel, showsLabel } from '../copies-text';
import type { DashboardContext } from './context';

type Sighting = DetailsOf<'sighting-logged'>;

/** Whose likeness: the account the user used most recently (a cameo lived on Sora), else an unnamed Sora account. */
const likenessAccount = (ctx: DashboardContext): Account =>
  recentFirst(ctx.accounts, ctx.events).find((a) => a.service === 'sora') ?? { service: 'sora', handle: UNKNOWN_HANDLE };

export function AddCopy({ ctx, prefill }: { ctx: DashboardContext; prefill: string }) {
  const [address, setAddress] = useState(prefill);
  const [shows, setShows] = useState<Sighting['shows']>('face');
  const [madeWith, setMadeWith] = useState<Sighting['madeWith']>('unknown');
  const [seen, setSeen] = useState(() => toLocalInput(ctx.now));
  const [screenshot, setScreenshot] = useState<string | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const checked = sightingAddress(address);
    if (!checked.ok) return setError(ADDRESS_PROBLEM[checked.problem]);
    const occurredAt = fromLocalInput(seen);
    if (occurredAt === null) return setError('copySeenInvalid');
    setBusy(true);
    try {
      const details: Sighting = { address: checked.address, platform: checked.platform, shows, madeWith, ...(screenshot ? { screenshotSha256: screenshot } : {}) };
      await ctx.writes.record({ kind: 'sighting-logged', occurredAt, account: likenessAccount(ctx), source: 'manual', evidence: {}, details });
      ctx.announce(t('copyLogged', platformLabel(checked.platform)));
      setAddress('');
      setScreenshot(null);
      setError(null);
      // The prefilled link has served: a reload should not offer the same address again.
      if (location.hash.includes('add=')) history.replaceState(null, '', '#copies');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="quick-form copy-form" onSubmit={submit} noValidate aria-labelledby="copy-add-title" data-testid="copy-add-form">
      <h3 id="copy-add-title">{t('copyAddTitle')}</h3>
      <div class="field">
        <label for="copy-address">{t('copyAddress')}</label>
        <input
          id="copy-address"
          type="url"
          value={address}
          onInput={(e) => setAddress(e.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`copy-address-hint${error ? ' copy-error' : ''}`}
          data-testid="copy-address"
        />
        <span class="hint" id="copy-address-hint">
          {t('copyAddressHint')}
        </span>
      </div>
      <div class="field-row">
        <div class="field">
          <label for="copy-shows">{t('copyShows')}</label>
          <select id="copy-shows" value={shows} onChange={(e) => setShows(e.currentTarget.value as Sighting['shows'])}>
            {(['face', 'voice', 'both'] as const).map((s) => (
              <option key={s} value={s}>
                {showsLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="copy-made-with">{t('copyMadeWith')}</label>
          <select id="copy-made-with" value={madeWith} onChange={(e) => setMadeWith(e.currentTarget.value as Sighting['madeWith'])}>
            {(['sora', 'other', 'unknown'] as const).map((m) => (
              <option key={m} value={m}>
                {madeWithLabel(m)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="copy-seen">{t('copySeen')}</label>
          <input id="copy-seen" type="datetime-local" value={seen} onInput={(e) => setSeen(e.currentTarget.value)} />
        </div>
      </div>
      <div class="field">
        <label for="copy-screenshot">{t('copyScreenshot')}</label>
        <input
          id="copy-screenshot"
          type="file"
          accept="image/*"
          aria-describedby="copy-screenshot-hint"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            setScreenshot(file ? await screenshotSha256(file) : null);
          }}
          data-testid="copy-screenshot"
        />
        <span class="hint" id="copy-screenshot-hint">
          {screenshot ? t('copyScreenshotKept', screenshot.slice(0, 16)) : t('copyScreenshotHint')}
        </span>
      </div>
      {error && (
        <p role="alert" class="error" id="copy-error">
          {t(error)}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy} data-testid="copy-save">
          {t('copySave')}
        </button>
      </div>
    </form>
  );
}
