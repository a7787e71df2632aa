import type { RegisterTreaty } from '../treaty.commands';
import type { TreatyRegistered } from '../treaty.events';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import {
  requireCategory,
  requireEventId,
  requireParties,
  requireText,
  requireTreatyId,
  INPUT_LIMITS,
} from './input-validation';
import { parseRegistrationTerms } from './registration-terms.parser';
import type { TreatyState } from './treaty.state';

export function registerTreaty(command: RegisterTreaty, state: TreatyState): TreatyRegistered {
  if (state.status !== 'unregistered') {
    throw new TreatyRuleViolation(
      'TREATY_ALREADY_REGISTERED',
      `treatyId ${state.treaty.treatyId} is already registered`,
      'treatyId',
    );
  }
  const { data } = command;
  requireEventId(data.eventId, 'eventId');
  const treatyId = requireTreatyId(data.treatyId, 'treatyId');
  const title = requireText(data.title, 'title', INPUT_LIMITS.title);
  const terms = parseRegistrationTerms(data);
  const parties = requireParties(data.parties, 'parties', terms.kind === 'multilateral');
  if (terms.kind === 'bilateral') requireTwoParties(parties, terms.entryIntoForce?.instrumentsRequired);
  return {
    type: 'TreatyRegistered',
    data: {
      treatyId,
      title,
      parties,
      category: requireCategory(data.category, 'category'),
      ...terms,
    },
  };
}

/**
 * A bilateral treaty is between two parties, and no other state may join it (`BILATERAL_TREATY_CLOSED`): a third
 * party registered would be bound or released with the others by acts that are not its own, and a clause counting
 * more than two instruments could never be met.
 */
function requireTwoParties(parties: readonly string[], instrumentsRequired: number | undefined): void {
  if (parties.length > 2) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      `parties: a treaty registered bilateral has two parties, not ${parties.length} (register a treaty of more as multilateral)`,
      'parties',
    );
  }
  if (instrumentsRequired !== undefined && instrumentsRequired > 2) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      `entryIntoForce.instrumentsRequired: a bilateral treaty's two parties give two instruments at most, not ${instrumentsRequired}`,
      'entryIntoForce.instrumentsRequired',
    );
  }
}
