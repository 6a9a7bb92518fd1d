/** The wire protocol version this SDK speaks. The SDK itself is built in the SDK issue (#4). */
export const PROTOCOL = 'v1' as const;
