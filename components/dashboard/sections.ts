/**
 * The dashboard's sections, in the order shown. Adding a section is one entry here:
 * its id is its anchor (`options.html#<id>` opens the dashboard there), its title a message key,
 * its component gets the DashboardContext (the ledger, what is derived from it, ways to act).
 */
import type { ComponentType } from 'preact';
import { COPIES_SECTION } from '@/lib/copies/link';
import type { MessageKey } from '@/lib/i18n/i18n';
import { AddEntry } from './AddEntry';
import { AfterSora } from './AfterSora';
import { CopiesElsewhere } from './CopiesElsewhere';
import type { DashboardContext } from './context';
import { Deadlines } from './Deadlines';
import { EraseEverything } from './EraseEverything';
import { GrantHistory } from './GrantHistory';
import { Settings } from './Settings';
import { Timeline } from './Timeline';
import { ReportPanel } from './ReportPanel';

export interface DashboardSection {
  /** Anchor and deep link; letters, digits and '-'. */
  id: string;
  title: MessageKey;
  component: ComponentType<{ ctx: DashboardContext }>;
  /** Shown from the ledger's newest page while the rest is read (see `DashboardContext.complete`). */
  firstPage?: true;
}

export const SECTIONS: DashboardSection[] = [
  { id: 'add', title: 'sectionAdd', component: AddEntry },
  { id: 'after-sora', title: 'sectionAfterSora', component: AfterSora },
  { id: 'timeline', title: 'sectionTimeline', component: Timeline, firstPage: true },
  { id: 'access', title: 'sectionAccess', component: GrantHistory },
  { id: 'deadlines', title: 'sectionDeadlines', component: Deadlines },
  { id: COPIES_SECTION, title: 'sectionCopies', component: CopiesElsewhere },
  { id: 'settings', title: 'sectionSettings', component: Settings },
  { id: 'import-export', title: 'sectionImportExport', component: ReportPanel },
  { id: 'erase', title: 'sectionErase', component: EraseEverything },
];
