/** The struggle model pipeline is built in the model issue (#5). */
export const MODELS_VERSION = '0.1.0' as const;
