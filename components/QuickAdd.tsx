/**
 * Quick add: one button per common kind, the form behind it, and what happened after Save
 * (with Undo). The form and its checks load on first use, so the popup's first render stays small.
 */
import type { ComponentType } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/i18n/error-message';
import type { Account, NewEvent } from '@/lib/ledger/events';
import { t, type MessageKey } from '@/lib/i18n/i18n';
import type { Law } from '@/lib/facts/policies';
import { KINDS, QUICK_KINDS, type QuickKind } from '@/lib/ledger/event-kinds';
import type { QuickAddPanelProps } from './QuickAddPanel';
import { accountLabel, kindLabel } from './text';

export interface QuickAddProps {
  /** Known accounts, the one the user most likely means first. */
  accounts: Account[];
  /** Who has access now, per account: revoking from the only one needs nothing typed. */
  peopleWithAccess: (account: Account) => string[];
  /** Everyone the ledger knows, as suggestions. */
  people: string[];
  /** The user's jurisdiction (settings), the law a privacy request starts with. */
  law: Law;
  /** Records the entry; resolves with its id. */
  record(event: NewEvent): Promise<string>;
  /** Takes back an entry just made. */
  undo(id: string): Promise<void>;
  /** Called after a save or an undo, once the ledger has it. */
  onChange?: () => void;
  headingId: string;
  headingLevel: 2 | 3;
  /** Where a heading above already says it, this one is for screen readers only. */
  headingHidden?: boolean;
}

/** The one-click kinds, from the kinds' table (no form code, so the first render needs none). */
const BUTTONS: { kind: QuickKind; label: MessageKey }[] = QUICK_KINDS.map((kind) => ({ kind, label: KINDS[kind].quickAdd }));

const loadPanel = () => import('./QuickAddPanel').then((m) => m.QuickAddPanel);

export function QuickAdd(props: QuickAddProps) {
  const { headingId, headingLevel } = props;
  const [adding, setAdding] = useState<QuickKind | null>(null);
  const [Panel, setPanel] = useState<ComponentType<QuickAddPanelProps> | null>(null);
  const [notice, setNotice] = useState<{ text: string; undoId?: string } | null>(null);
  const opener = useRef<Partial<Record<QuickKind, HTMLButtonElement | null>>>({});
  const panelId = `${headingId}-panel`;
  const Heading = `h${headingLevel}` as const;

  const open = (kind: QuickKind) => {
    setNotice(null);
    setAdding((current) => (current === kind ? null : kind));
    if (!Panel) void loadPanel().then((p) => setPanel(() => p));
  };
  const close = (kind: QuickKind) => {
    setAdding(null);
    opener.current[kind]?.focus();
  };
  const save = async (kind: QuickKind, event: NewEvent) => {
    const id = await props.record(event);
    close(kind);
    setNotice({ text: t('quickSaved', kindLabel(kind), accountLabel(event.account)), undoId: id });
    props.onChange?.();
  };
  const undo = async (id: string) => {
    try {
      await props.undo(id);
      setNotice({ text: t('quickUndone') });
      props.onChange?.();
    } catch (error) {
      setNotice({ text: t('saveFailed', errorMessage(error)) });
    }
  };

  return (
    <div class="quick-add">
      <Heading id={headingId} class={props.headingHidden ? 'visually-hidden' : undefined}>
        {t('quickTitle')}
      </Heading>
      <div class="chips" role="group" aria-labelledby={headingId}>
        {BUTTONS.map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            class="chip"
            aria-expanded={adding === kind}
            aria-controls={adding === kind ? panelId : undefined}
            ref={(b) => void (opener.current[kind] = b)}
            onClick={() => open(kind)}
            data-testid={`quick-${kind}`}
          >
            {t(label)}
          </button>
        ))}
      </div>
      {adding && (
        <div id={panelId}>
          {Panel ? (
            <Panel
              key={adding}
              kind={adding}
              accounts={props.accounts}
              peopleWithAccess={props.peopleWithAccess}
              people={props.people}
              law={props.law}
              onSubmit={(event) => save(adding, event)}
              onCancel={() => close(adding)}
            />
          ) : (
            <p class="muted">{t('loading')}</p>
          )}
        </div>
      )}
      <div role="status" class="status-line" data-testid="quick-status">
        {notice && <span>{notice.text}</span>}
        {notice?.undoId && (
          <button type="button" class="link" onClick={() => void undo(notice.undoId!)} data-testid="quick-undo">
            {t('undo')}
          </button>
        )}
      </div>
    </div>
  );
}
