/** The user's settings (lib/settings.ts): reminders, lead time, jurisdiction, time zone. */
import { useMemo, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { LAWS, type Law } from '@/lib/policies';
import { SETTING_LIMITS, type Settings as SettingsValues } from '@/lib/settings';
import { lawLabel } from '../text';
import type { DashboardContext } from './context';

export function Settings({ ctx }: { ctx: DashboardContext }) {
  const [draft, setDraft] = useState<SettingsValues>(ctx.settings);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const { min, max } = SETTING_LIMITS.leadDays;
  const leadValid = Number.isInteger(draft.leadDays) && draft.leadDays >= min && draft.leadDays <= max;
  const zoneValid = zones.includes(draft.timeZone) || draft.timeZone === ctx.settings.timeZone;

  const save = async (e: Event) => {
    e.preventDefault();
    setStatus('');
    if (!leadValid || !zoneValid) return setError(t('settingsInvalid'));
    setError(null);
    try {
      await ctx.saveSettings(draft);
      setStatus(t('settingsSaved'));
    } catch (err) {
      setError(t('saveFailed', err instanceof Error ? err.message : String(err)));
    }
  };

  return (
    <form class="settings" onSubmit={save} aria-labelledby="settings-title" noValidate>
      <div class="field checkbox">
        <label>
          <input type="checkbox" checked={draft.remindersOn} onChange={(e) => setDraft({ ...draft, remindersOn: e.currentTarget.checked })} />{' '}
          {t('settingsReminders')}
        </label>
        <span class="hint">{t('settingsRemindersHint')}</span>
      </div>
      <div class="field">
        <label for="s-lead">{t('settingsLeadDays')}</label>
        <input
          id="s-lead"
          type="number"
          min={min}
          max={max}
          step={1}
          value={draft.leadDays}
          onInput={(e) => setDraft({ ...draft, leadDays: e.currentTarget.valueAsNumber })}
          aria-invalid={!leadValid || undefined}
          aria-describedby="s-lead-hint"
        />
        <span class="hint" id="s-lead-hint">
          {t('settingsLeadDaysHint', min, max)}
        </span>
      </div>
      <div class="field">
        <label for="s-law">{t('settingsJurisdiction')}</label>
        <select id="s-law" value={draft.jurisdiction} onChange={(e) => setDraft({ ...draft, jurisdiction: e.currentTarget.value as Law })} aria-describedby="s-law-hint">
          {LAWS.map((law) => (
            <option key={law} value={law}>
              {lawLabel(law)}
            </option>
          ))}
        </select>
        <span class="hint" id="s-law-hint">
          {t('settingsJurisdictionHint')}
        </span>
      </div>
      <div class="field">
        <label for="s-zone">{t('settingsTimeZone')}</label>
        <input
          id="s-zone"
          list="s-zones"
          value={draft.timeZone}
          onInput={(e) => setDraft({ ...draft, timeZone: e.currentTarget.value })}
          aria-invalid={!zoneValid || undefined}
          aria-describedby="s-zone-hint"
          autocomplete="off"
        />
        <datalist id="s-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <span class="hint" id="s-zone-hint">
          {t('settingsTimeZoneHint')}
        </span>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary">
          {t('settingsSave')}
        </button>
        <span role="status" class="muted">
          {status}
        </span>
      </div>
      <p><a href="/privacy-policy.html" target="_blank" data-testid="settings-privacy">{t('privacyLink')}</a></p>
    </form>
  );
}
