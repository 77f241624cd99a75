/** Time for rules that depend on it (token expiry, sessions): tests pass their own. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
