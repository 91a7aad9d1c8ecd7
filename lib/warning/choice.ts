/**
 * What the deletion guard (lib/warning/guard.ts) asks of the in-page warning
 * (components/in-page/warning-dialog.ts) and what it gets back: the guard depends on this, never on
 * the dialog's DOM code, which the background injects only when needed.
 */
import type { WarningLanguage } from '../facts/policies';
import type { ChecklistItem } from './checklist-types';

export type WarningChoice = 'go-back' | 'continue';

export interface WarningOptions {
  lang: WarningLanguage;
  checklist: ChecklistItem[];
  /** Where to attach the dialog's host; the document element by default. */
  parent?: Element;
}
