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
  return {
    type: 'TreatyRegistered',
    data: {
      treatyId,
      title,
      parties: requireParties(data.parties, 'parties', terms.kind === 'multilateral'),
      category: requireCategory(data.category, 'category'),
      ...terms,
    },
  };
}
