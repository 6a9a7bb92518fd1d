/**
 * Unsaved edits survive a slip: while a screen holds changes it has not saved, closing or reloading the
 * tab asks first (beforeunload), and so does moving to another screen of the console (`confirmLeave`,
 * which the router asks before it follows a new hash).
 */
let unsaved = false;

/** Marks whether the current screen has unsaved changes; answers the teardown that clears the mark. */
export function holdUnsaved(dirty: boolean): () => void {
  unsaved = dirty;
  if (!dirty) return () => {};
  const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
  addEventListener('beforeunload', onBeforeUnload);
  return () => {
    unsaved = false;
    removeEventListener('beforeunload', onBeforeUnload);
  };
}

/** True when there is nothing to lose, or the person agrees to drop it. */
export function confirmLeave(): boolean {
  return !unsaved || confirm('This draft has changes you have not saved. Leave and lose them?');
}
