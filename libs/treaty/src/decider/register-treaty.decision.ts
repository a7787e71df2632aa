import type { RegisterTreaty } from '../treaty.commands';
import type { TreatyRegistered } from '../treaty.events';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import {
  requireCategory,
  requireEventId,
  requireParties,
  requireText,
  requireTreatyId,
  TEXT_LIMITS,
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
  return {
    type: 'TreatyRegistered',
    data: {
      treatyId: requireTreatyId(data.treatyId, 'treatyId'),
      title: requireText(data.title, 'title', TEXT_LIMITS.title),
      parties: requireParties(data.parties, 'parties'),
      category: requireCategory(data.category, 'category'),
      ...parseRegistrationTerms(data),
    },
  };
}
