/** The user's settings (lib/settings/settings.ts): reminders, lead time, jurisdiction, time zone, the backup reminder. */
import { useMemo, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/i18n/error-message';
import { t, type MessageKey } from '@/lib/i18n/i18n';
import { LAWS, type Law } from '@/lib/facts/policies';
import { SETTING_LIMITS, type Settings as SettingsValues } from '@/lib/settings/settings';
import { lawLabel } from '../text';
import { SoraAccess } from './SoraAccess';
import type { DashboardContext } from './context';

export function Settings({ ctx }: { ctx: DashboardContext }) {
  const [draft, setDraft] = useState<SettingsValues>(ctx.settings);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const numbersValid = NUMBER_KEYS.every((key) => inLimits(key, draft[key]));
  const zoneValid = zones.includes(draft.timeZone) || draft.timeZone === ctx.settings.timeZone;

  const save = async (e: Event) => {
    e.preventDefault();
    setStatus('');
    if (!numbersValid || !zoneValid) return setError(t('settingsInvalid'));
    setError(null);
    try {
      await ctx.saveSettings(draft);
      setStatus(t('settingsSaved'));
    } catch (err) {
      setError(t('saveFailed', errorMessage(err)));
    }
  };

  return (
    <>
    <form class="settings" onSubmit={save} aria-labelledby="settings-title" noValidate>
      <div class="field checkbox">
        <label>
          <input type="checkbox" checked={draft.remindersOn} onChange={(e) => setDraft({ ...draft, remindersOn: e.currentTarget.checked })} />{' '}
          {t('settingsReminders')}
        </label>
        <span class="hint">{t('settingsRemindersHint')}</span>
      </div>
      <NumberSetting setting="leadDays" draft={draft} setDraft={setDraft} />
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
      <NumberSetting setting="backupAfterEntries" draft={draft} setDraft={setDraft} />
      <NumberSetting setting="backupAfterDays" draft={draft} setDraft={setDraft} />
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
    <SoraAccess />
    </>
  );
}

type NumberKey = 'leadDays' | 'backupAfterEntries' | 'backupAfterDays';

/** The settings that are a whole number within limits (SETTING_LIMITS): their field's id and texts. */
const NUMBER_SETTINGS: Record<NumberKey, { id: string; label: MessageKey; hint: MessageKey }> = {
  leadDays: { id: 's-lead', label: 'settingsLeadDays', hint: 'settingsLeadDaysHint' },
  backupAfterEntries: { id: 's-backup-entries', label: 'settingsBackupEntries', hint: 'settingsBackupOffHint' },
  backupAfterDays: { id: 's-backup-days', label: 'settingsBackupDays', hint: 'settingsBackupOffHint' },
};
const NUMBER_KEYS = Object.keys(NUMBER_SETTINGS) as NumberKey[];

const inLimits = (key: NumberKey, value: number) => Number.isInteger(value) && value >= SETTING_LIMITS[key].min && value <= SETTING_LIMITS[key].max;

function NumberSetting({ setting: key, draft, setDraft }: { setting: NumberKey; draft: SettingsValues; setDraft: (next: SettingsValues) => void }) {
  const { id, label, hint } = NUMBER_SETTINGS[key];
  const { min, max } = SETTING_LIMITS[key];
  return (
    <div class="field">
      <label for={id}>{t(label)}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        step={1}
        value={draft[key]}
        onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.valueAsNumber })}
        aria-invalid={!inLimits(key, draft[key]) || undefined}
        aria-describedby={`${id}-hint`}
      />
      <span class="hint" id={`${id}-hint`}>
        {t(hint, min, max)}
      </span>
    </div>
  );
}
