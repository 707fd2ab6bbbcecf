// The one question a panel asks before it writes something it cannot take back in one click (close the
// books, send accounts to an agency, write items off, reverse postings): a title ending in "?", what will
// happen in words, a primary "Yes, …" and Cancel. Closing the dialog any other way is Cancel.
import type { ReactNode } from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, in words. */
  children: ReactNode;
  /** The primary button's words: "Yes, close the books". */
  yes: string;
  onYes: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ open, title, children, yes, onYes, onCancel }: ConfirmDialogProps) {
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onYes}>
              {yes}
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
