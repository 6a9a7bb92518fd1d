import type { WidgetsApi } from './types';

/** Imports `@smart-onboarding/widgets` (or the module at `url`, when given). */
export declare const loadWidgetsModule: (url: string | undefined) => Promise<WidgetsApi>;
