// Event types of the notary module.
export const NOTARY_EVENTS = { anchored: 'anchored' } as const;
