/**
 * The dashboard (the options page, in a tab): every section of sections.ts, over one live view
 * of the ledger. Deep links: `#welcome`, `#entry=<id>`, `#<section id>` (deep-link.ts).
 */
import { liveQuery } from 'dexie';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LedgerEvent } from '@/lib/events';
import { accountsOf } from '@/lib/grants';
import { t } from '@/lib/i18n';
import { effectiveEvents, type LedgerDb } from '@/lib/ledger';
import { loadSettings, saveSettings, type LocalArea, type Settings } from '@/lib/settings';
import { computeWindows } from '@/lib/windows';
import { useNow } from '../hooks';
import type { DashboardContext } from './context';
import { parseDeepLink } from './deep-link';
import { SECTIONS } from './sections';
import { Welcome } from './Welcome';

const SECTION_IDS = SECTIONS.map((s) => s.id);

function useLedger(db: LedgerDb, generation: number) {
  const [all, setAll] = useState<LedgerEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // liveQuery follows writes from the popup and the background too (Dexie tells every page of the origin).
    const subscription = liveQuery(() => db.events.toArray()).subscribe({
      next: (events) => {
        setAll(events);
        setError(null);
      },
      error: (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    });
    return () => subscription.unsubscribe();
  }, [db, generation]);
  return { all, error };
}

export interface DashboardProps {
  db: LedgerDb;
  /** Where the settings are kept (browser.storage.local). */
  settingsArea: LocalArea;
  /** Tells the background the page wrote to the ledger (badge, reminders). */
  notifyChanged: () => void;
}

export function Dashboard({ db, settingsArea, notifyChanged }: DashboardProps) {
  const [generation, setGeneration] = useState(0);
  const { all, error } = useLedger(db, generation);
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => void loadSettings(settingsArea).then(setSettings), [settingsArea]);
  const now = useNow(60_000);
  const [link, setLink] = useState(() => parseDeepLink(location.hash, SECTION_IDS));
  const [entry, setEntry] = useState<string | null>(link.entry);
  const [revealed, setRevealed] = useState(link.entry ? 1 : 0);
  const [announcement, setAnnouncement] = useState('');
  const welcomeHeading = useRef<HTMLHeadingElement>(null);

  const events = useMemo(() => (all ? effectiveEvents(all) : []), [all]);
  const accounts = useMemo(() => accountsOf(events), [events]);
  const windows = useMemo(
    () => (settings ? computeWindows(events, { now, timeZone: settings.timeZone, leadDays: settings.leadDays }) : []),
    [events, now, settings],
  );

  const goToSection = useCallback((id: string) => {
    const heading = document.getElementById(`${id}-title`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }, []);

  const showEntry = useCallback((id: string) => {
    setEntry(id);
    setRevealed((n) => n + 1);
    // Kept in the address, so a reload (or a bookmark) comes back to the entry.
    history.replaceState(null, '', `#entry=${id}`);
  }, []);

  useEffect(() => {
    const follow = () => {
      const next = parseDeepLink(location.hash, SECTION_IDS);
      setLink(next);
      if (next.entry) showEntry(next.entry);
      if (next.section) goToSection(next.section);
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, [showEntry, goToSection]);

  // A link to a section is followed once the sections are there (the ledger and the settings read);
  // only on the first load: later links come through hashchange.
  const ready = all !== null && settings !== null;
  useEffect(() => {
    if (!ready) return;
    if (link.welcome) welcomeHeading.current?.focus();
    else if (link.section) goToSection(link.section);
  }, [ready]);

  const ctx: DashboardContext | null = all && settings && {
    db,
    all,
    events,
    accounts,
    windows,
    now,
    settings,
    saveSettings: async (changes) => setSettings(await saveSettings(settingsArea, changes)),
    changed: notifyChanged,
    link,
    entry,
    select: setEntry,
    showEntry,
    revealed,
    reload: () => setGeneration((g) => g + 1),
    announce: (text) => {
      // Cleared first, so the same words said twice are announced twice.
      setAnnouncement('');
      requestAnimationFrame(() => setAnnouncement(text));
    },
  };

  return (
    <div class="dashboard">
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <nav aria-label={t('dashboardSections')}>
        <p class="brand">{t('extName')}</p>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{t(s.title)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1} aria-busy={!ctx && !error}>
        <h1>{t('dashboardHeading')}</h1>
        {link.welcome && <Welcome headingRef={welcomeHeading} />}
        {error && (
          <p role="alert" class="notice danger">
            {t('popupLoadFailed', error)}
          </p>
        )}
        {!ctx && !error && <p class="muted">{t('loading')}</p>}
        {ctx &&
          SECTIONS.map(({ id, title, component: Section }) => (
            <section key={id} id={id} class="dash-section" aria-labelledby={`${id}-title`}>
              <h2 id={`${id}-title`} tabIndex={-1}>
                {t(title)}
              </h2>
              <Section ctx={ctx} />
            </section>
          ))}
        <div role="status" class="visually-hidden" data-testid="announcer">
          {announcement}
        </div>
      </main>
    </div>
  );
}
