import { systemResolver } from './target-address';

/** Overridable in tests that check the address rules with names that resolve to chosen addresses. */
export const WEBHOOK_RESOLVER = Symbol('WEBHOOK_RESOLVER');

export const defaultResolver = { provide: WEBHOOK_RESOLVER, useValue: systemResolver };
