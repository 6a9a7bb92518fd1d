/** Widgets are built in the widgets issue (#7). */
export const WIDGETS_VERSION = '0.1.0' as const;
