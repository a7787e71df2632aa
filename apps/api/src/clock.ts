/** The app's only source of "now", injected so that tests can set the date. */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/**
 * The real time, whatever CLOCK says: the moment a writer seals an event, which the verifier holds against the time
 * the store records it at, and stores record real time (tests that set CLOCK to another day set only "today").
 */
export const wallClock: Clock = () => new Date();

export { latestDateOnEarth } from '@timeline/treaty';
