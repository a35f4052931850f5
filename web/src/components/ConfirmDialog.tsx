// A question before something hard to undo (disabling a person, deleting a category in use): a
// modal alert dialog that says in plain words what will happen. Focus starts on "Cancel", the
// safe choice; Esc cancels; focus returns to whatever opened it (the <dialog>'s own behaviour).
import type { ComponentChildren } from 'preact';
import { Dialog, useId } from './common';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** The button that does it, named after the action ("Disable account"), never "OK". */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Set while something the question needs (a count) is still loading. */
  busy?: boolean;
  children: ComponentChildren;
}

export function ConfirmDialog({ open, title, confirmLabel, onConfirm, onCancel, busy, children }: ConfirmDialogProps) {
  const textId = useId('confirm');
  return (
    <Dialog open={open} title={title} onClose={onCancel} role="alertdialog" describedBy={textId}>
      <div id={textId} class="confirm-text">
        {children}
      </div>
      <div class="actions">
        <button type="button" class="button button-danger" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" class="button-secondary" onClick={onCancel} autoFocus>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
