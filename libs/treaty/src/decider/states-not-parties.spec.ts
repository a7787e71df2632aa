import { describe, expect, it } from '@jest/globals';
import { DEVELOPMENT_TYPES } from '../development-type';
import { CONSENT_TYPES } from '../law/treaty-law.vocabulary';
import { openToStatesNotParties } from './record-rules';
import type { TreatyProfile } from './treaty.state';

/** Every act a state may be named for, as `type` or `type:consentType`, that the predicate opens on `kind`. */
function openActs(kind: TreatyProfile['kind']): string[] {
  return DEVELOPMENT_TYPES.flatMap((type) =>
    (type === 'consent-to-be-bound' ? CONSENT_TYPES : [undefined]).flatMap((consentType) =>
      openToStatesNotParties({ type, consentType }, kind) ? [consentType ? `${type}:${consentType}` : type] : [],
    ),
  ).sort();
}

describe('the acts open to a state that is not (yet) a party (decisions 0067, 0070)', () => {
  it('on a treaty registered multilateral: a signature, any consent to be bound, and its chamber’s approval', () => {
    expect(openActs('multilateral')).toEqual(
      [
        'signed',
        'legislative-approval',
        ...CONSENT_TYPES.map((consentType) => `consent-to-be-bound:${consentType}`),
      ].sort(),
    );
  });

  it('on one of unknown kind: a signature, and the consents that make a state a party without signing first', () => {
    expect(openActs(undefined)).toEqual(
      [
        'signed',
        'consent-to-be-bound:accession',
        'consent-to-be-bound:definitive-signature',
        'consent-to-be-bound:succession',
      ].sort(),
    );
  });

  it('on one registered bilateral: none', () => {
    expect(openActs('bilateral')).toEqual([]);
  });
});
