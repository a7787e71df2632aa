import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import { describe } from './input-validation';
import { findDevelopment, type DevelopmentOnRecord, type RegisteredTreaty, type TreatyState } from './treaty.state';

/** Guards every decision past registration starts with. */

export function requireRegistered(state: TreatyState): RegisteredTreaty {
  switch (state.status) {
    case 'unregistered':
      throw new TreatyRuleViolation(
        'TREATY_NOT_FOUND',
        'No treaty is registered in this stream: register the treaty before reporting on it',
      );
    case 'active':
    case 'terminated':
      return state;
    default: {
      const unexpected: never = state;
      throw new Error(`Unexpected treaty state ${JSON.stringify(unexpected)}`);
    }
  }
}

/** The development a correction or retraction aims at; it must exist and still be on record. */
export function requireDevelopmentOnRecord(state: RegisteredTreaty, developmentId: unknown): DevelopmentOnRecord {
  if (developmentId === undefined || developmentId === null || developmentId === '') {
    throw new TreatyRuleViolation('MISSING_FIELD', 'developmentId is required', 'developmentId');
  }
  const development = typeof developmentId === 'string' ? findDevelopment(state, developmentId) : undefined;
  if (!development) {
    throw new TreatyRuleViolation(
      'DEVELOPMENT_NOT_FOUND',
      `developmentId ${describe(developmentId)} names no development of treaty ${state.treaty.treatyId}`,
      'developmentId',
    );
  }
  if (development.retracted) {
    throw new TreatyRuleViolation(
      'DEVELOPMENT_RETRACTED',
      `developmentId ${development.developmentId} was retracted: a retracted development can be neither corrected nor retracted again`,
      'developmentId',
    );
  }
  return development;
}
