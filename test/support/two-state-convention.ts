import { source } from './treaty-requests';

/**
 * A convention of two states that enters into force 30 days after the second instrument: the treaty of the tests
 * of a date the record sets ahead (decisions 0035 and 0039).
 */
export const TWO_STATE_CONVENTION = {
  id: 'two-state-convention',
  title: 'Convention between Two States',
  parties: ['AT', 'BE'],
  category: 'other',
  kind: 'multilateral',
  entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 },
};

/** A state's ratification, reported by an article of its day. */
export const ratification = (party: string, occurredOn: string) => ({
  type: 'consent-to-be-bound',
  party,
  consentType: 'ratification',
  occurredOn,
  source: source({ publishedOn: occurredOn }),
});
