/**
 * The dashboard (the options page, in a tab): every section of sections.ts, over one live view
 * of the ledger. Deep links: `#welcome`, `#entry=<id>`, `#<section id>` (deep-link.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/i18n/error-message';
import type { LedgerEvent } from '@/lib/ledger/events';
import { backupDue, readLastBackup, recordBackup, type LastBackup } from '@/lib/reminders/backup-nudge';
import { accountsOf } from '@/lib/ledger/grants';
import { t } from '@/lib/i18n/i18n';
import { loadSummaryInputs, type LedgerDb } from '@/lib/ledger/ledger';
import { effectiveEvents } from '@/lib/ledger/relations';
import { followLedger } from '@/lib/ledger/follow';
import { accountNames } from '@/lib/ledger/account-names';
import { showAccountNames } from '../text';
import type { LedgerWrites } from '@/lib/ledger/ui-writes';
import { loadSettings, saveSettings, type Settings } from '@/lib/settings/settings';
import { windowOptions } from '@/lib/deadlines/window-options';
import { computeWindows } from '@/lib/deadlines/windows';
import { useNow } from '../hooks';
import { BackupNudge } from './BackupNudge';
import type { DashboardContext } from './context';
import { draftHash, parseDeepLink, wantsDraft } from './deep-link';
import { SECTIONS } from './sections';
import { pacedShowing } from './paced-showing';
import { Welcome } from './Welcome';
import type { StorageArea } from '@/lib/settings/storage-area';

const SECTION_IDS = SECTIONS.map((s) => s.id);

/** Rows read before the rest of the ledger: more than the tallest window shows. */
const FIRST_PAGE = 50;

/**
 * The ledger, and until it is read, its newest page: at 100k events reading every event takes
 * seconds, the newest few milliseconds (through the time index, lib/ledger/ledger.ts).
 */
function useLedger(db: LedgerDb, generation: number) {
  const [all, setAll] = useState<LedgerEvent[] | null>(null);
  const [firstPage, setFirstPage] = useState<LedgerEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    const fail = (e: unknown) => !stopped && setError(errorMessage(e));
    let unfollow: (() => void) | undefined;
    // Paced, and held while the tab is behind others (paced-showing.ts says why).
    const showing = pacedShowing(
      (events: LedgerEvent[]) => {
        setAll(events);
        setError(null);
      },
      () => document.hidden,
    );
    const onVisibility = () => showing.visibilityChanged();
    document.addEventListener('visibilitychange', onVisibility);
    // The whole ledger is read once the first page is there: its chunks would hold the page up.
    // Then each write is read alone (lib/ledger/follow.ts says why not the whole ledger again).
    loadSummaryInputs(db, FIRST_PAGE)
      .then(({ latest }) => {
        if (stopped) return;
        setFirstPage(latest);
        unfollow = followLedger(db, showing.offer, fail);
      })
      .catch(fail);
    return () => {
      stopped = true;
      unfollow?.();
      showing.stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [db, generation]);
  return { all, firstPage, error };
}

export interface DashboardProps {
  db: LedgerDb;
  /** Where the settings are kept (browser.storage.local). */
  settingsArea: StorageArea;
  /** The background's door: every write goes through it (lib/ledger/ui-writes.ts). */
  writes: LedgerWrites;
}

/**
 * The live region that reads out what just happened. Its words are its own state: an announcement
 * re-renders this line, not every section (at 100k events that was ≈ 150 ms after each export).
 */
function Announcer({ sayWith }: { sayWith: { current: (text: string) => void } }) {
  const [announcement, setAnnouncement] = useState('');
  sayWith.current = (text) => {
    // Cleared first, so the same words said twice are announced twice.
    setAnnouncement('');
    requestAnimationFrame(() => setAnnouncement(text));
  };
  return (
    <div role="status" class="visually-hidden" data-testid="announcer">
      {announcement}
    </div>
  );
}

export function Dashboard({ db, settingsArea, writes }: DashboardProps) {
  const [generation, setGeneration] = useState(0);
  const ledger = useLedger(db, generation);
  const { all, error } = ledger;
  // The newest page stands in for the ledger until it is read: only the timeline shows it.
  const complete = all !== null;
  const read = all ?? ledger.firstPage;
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => void loadSettings(settingsArea).then(setSettings), [settingsArea]);
  // undefined until read: no nudge flashes before the last backup is known.
  const [lastBackup, setLastBackup] = useState<LastBackup | null | undefined>(undefined);
  useEffect(() => void readLastBackup(settingsArea).then(setLastBackup), [settingsArea]);
  const now = useNow(60_000);
  const [link, setLink] = useState(() => parseDeepLink(location.hash, SECTION_IDS));
  const [entry, setEntry] = useState<string | null>(link.entry);
  const [revealed, setRevealed] = useState(link.entry ? 1 : 0);
  const announcer = useRef<(text: string) => void>(() => {});
  const welcomeHeading = useRef<HTMLHeadingElement>(null);

  // The first page holds effective events already (lib/ledger/ledger.ts reads them so).
  const events = useMemo(() => (all ? effectiveEvents(all) : (ledger.firstPage ?? [])), [all, ledger.firstPage]);
  const accounts = useMemo(() => accountsOf(events), [events]);
  showAccountNames(useMemo(() => accountNames(events), [events]));
  const windows = useMemo(
    () => (complete && settings ? computeWindows(events, windowOptions(settings, now)) : []),
    [complete, events, now, settings],
  );

  const backup = useMemo(
    () =>
      all && settings && lastBackup !== undefined
        ? backupDue({
            afterEntries: settings.backupAfterEntries,
            afterDays: settings.backupAfterDays,
            last: lastBackup,
            entryCount: all.length,
            oldestAt: all.length ? Math.min(...all.map((e) => e.recordedAt)) : null,
            now,
          })
        : null,
    [all, settings, lastBackup, now],
  );

  const goToSection = useCallback((id: string) => {
    const heading = document.getElementById(`${id}-title`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }, []);

  const showEntry = useCallback((id: string, draft = false) => {
    setEntry(id);
    setRevealed((n) => n + 1);
    // Kept in the address, so a reload (or a bookmark) comes back to the entry, and to its draft.
    history.replaceState(null, '', `#${draft ? draftHash(id) : `entry=${id}`}`);
  }, []);

  useEffect(() => {
    const follow = () => {
      const next = parseDeepLink(location.hash, SECTION_IDS);
      setLink(next);
      if (next.entry) showEntry(next.entry, wantsDraft(next, next.entry));
      if (next.section) goToSection(next.section);
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, [showEntry, goToSection]);

  // A link to a section is followed once the sections are there (the ledger and the settings read);
  // only on the first load: later links come through hashchange.
  const ready = complete && settings !== null;
  useEffect(() => {
    if (!ready) return;
    if (link.welcome) welcomeHeading.current?.focus();
    else if (link.section) goToSection(link.section);
  }, [ready]);

  const ctx: DashboardContext | null = read && settings && {
    db,
    writes,
    all: read,
    complete,
    events,
    accounts,
    windows,
    now,
    settings,
    saveSettings: async (changes) => setSettings(await saveSettings(settingsArea, changes)),
    link,
    entry,
    select: setEntry,
    showEntry,
    revealed,
    reload: () => setGeneration((g) => g + 1),
    announce: (text) => announcer.current(text),
    backedUp: async (entryCount) => {
      const backup = { at: Date.now(), entryCount };
      await recordBackup(settingsArea, backup);
      setLastBackup(backup);
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
      <main id="main" tabIndex={-1} aria-busy={!complete && !error}>
        <h1>{t('dashboardHeading')}</h1>
        {link.welcome && <Welcome headingRef={welcomeHeading} />}
        {backup && <BackupNudge due={backup} />}
        {error && (
          <p role="alert" class="notice danger">
            {t('popupLoadFailed', error)}
          </p>
        )}
        {!ctx && !error && <p class="muted">{t('loading')}</p>}
        {ctx &&
          SECTIONS.map(({ id, title, component: Section, firstPage }) => (
            <section key={id} id={id} class="dash-section" aria-labelledby={`${id}-title`}>
              <h2 id={`${id}-title`} tabIndex={-1}>
                {t(title)}
              </h2>
              {complete || firstPage ? <Section ctx={ctx} /> : <p class="muted">{t('loading')}</p>}
            </section>
          ))}
        <Announcer sayWith={announcer} />
      </main>
    </div>
  );
}
