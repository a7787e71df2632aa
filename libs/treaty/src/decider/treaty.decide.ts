import type { DecisionContext, TreatyCommand } from '../treaty.commands';
import type { TreatyEvent } from '../treaty.events';
import { correctDevelopment } from './correct-development.decision';
import { registerTreaty } from './register-treaty.decision';
import { reportDevelopment } from './report-development.decision';
import { retractDevelopment } from './retract-development.decision';
import type { TreatyState } from './treaty.state';

/**
 * Decides what one command records: exactly one event, or a TreatyRuleViolation. Pure: the state comes from folding
 * the stream with evolve, and the date comes in the context, so the same inputs always give the same answer.
 */
export function decide(command: TreatyCommand, state: TreatyState, context: DecisionContext): TreatyEvent {
  switch (command.type) {
    case 'RegisterTreaty':
      return registerTreaty(command, state);
    case 'ReportDevelopment':
      return reportDevelopment(command, state, context);
    case 'CorrectDevelopment':
      return correctDevelopment(command, state, context);
    case 'RetractDevelopment':
      return retractDevelopment(command, state, context);
    default: {
      const unexpected: never = command;
      throw new Error(`Unexpected treaty command ${JSON.stringify(unexpected)}`);
    }
  }
}
