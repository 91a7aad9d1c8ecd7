/**
 * A modal confirmation (the native <dialog>: focus stays inside, Escape cancels). Focus starts
 * on Cancel, the safe choice, and returns to what opened it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n/i18n';

export interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  children: ComponentChildren;
  testId?: string;
}

export function ConfirmDialog({ title, confirmLabel, onConfirm, onCancel, children, testId }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialog.current?.showModal();
    cancel.current?.focus();
    return () => opener?.isConnected && opener.focus();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      data-testid={testId}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`}>{children}</div>
      <div class="actions">
        <button type="button" ref={cancel} onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="button" class="danger primary" onClick={onConfirm} data-testid="confirm">
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
