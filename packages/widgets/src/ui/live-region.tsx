/** @jsxImportSource preact */

/**
 * A polite live region: screen readers read its text when it changes, without moving focus. It is
 * rendered from the start (a region that appears together with its text is often not announced).
 */
export function LiveRegion({ text }: { text: string }) {
  return (
    <div class="sr" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
