import { useEffect, useRef } from 'react';

/**
 * A browser <dialog> shown modally while `open` (Escape closes it and the focus goes back
 * to what opened it), closed otherwise: the ref goes on the dialog element.
 */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
