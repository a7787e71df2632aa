import { describe, expect, it } from '@jest/globals';
import { overallStatus, type StatusFacts } from './overall-status';

const none: StatusFacts = {
  terminated: false,
  abandoned: false,
  suspended: false,
  inForce: false,
  needsEveryOriginalState: false,
  originalWalkedAway: false,
  hasOriginalParties: true,
  everyRemainingPartyConsented: false,
  aPartyActed: false,
  signed: false,
};
const statusOf = (facts: Partial<StatusFacts>) => overallStatus({ ...none, ...facts });

describe("a treaty's overall status: the first that holds", () => {
  it('from registered to terminated, each fact over those before it', () => {
    expect(statusOf({})).toBe('registered');
    expect(statusOf({ signed: true })).toBe('signed');
    expect(statusOf({ signed: true, aPartyActed: true })).toBe('ratification-in-progress');
    expect(statusOf({ aPartyActed: true, everyRemainingPartyConsented: true })).toBe('ratified');
    expect(statusOf({ everyRemainingPartyConsented: true, inForce: true })).toBe('in-force');
    expect(statusOf({ inForce: true, suspended: true })).toBe('suspended');
    expect(statusOf({ suspended: true, terminated: true })).toBe('terminated');
  });

  it('abandoned before entry into force: will not enter into force, whatever else the record shows but an end', () => {
    expect(statusOf({ abandoned: true, suspended: true, everyRemainingPartyConsented: true })).toBe(
      'will-not-enter-into-force',
    );
    expect(statusOf({ abandoned: true, terminated: true })).toBe('terminated');
  });

  it('an original state walked away: will not enter into force where every one is needed, else not ratified', () => {
    const walkedAway = { originalWalkedAway: true, aPartyActed: true, everyRemainingPartyConsented: true };
    expect(statusOf({ ...walkedAway, needsEveryOriginalState: true })).toBe('will-not-enter-into-force');
    expect(statusOf(walkedAway)).toBe('ratification-in-progress');
    expect(statusOf({ ...walkedAway, inForce: true })).toBe('in-force');
  });

  it('a convention with no original party is never ratified: its clause decides', () => {
    expect(statusOf({ hasOriginalParties: false, aPartyActed: true, everyRemainingPartyConsented: true })).toBe(
      'ratification-in-progress',
    );
  });
});
