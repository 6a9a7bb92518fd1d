import type { Messages } from '../core/messages';
import type { Theme } from '../ui/shadow-host';

/** Props every widget takes. */
export interface WidgetBaseProps {
  /** `light`, `dark`, or `auto` (default: follows `prefers-color-scheme`). */
  theme?: Theme;
  /** Translations or rewordings of the built-in strings; missing keys keep the English defaults. */
  messages?: Partial<Messages>;
}
