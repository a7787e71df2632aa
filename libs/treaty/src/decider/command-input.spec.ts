import { describe, expect, it } from '@jest/globals';
import type { DevelopmentChanges } from '../treaty.events';
import {
  approved,
  correct,
  corrected,
  register,
  registered,
  report,
  signed,
  source,
  spec,
  TREATY_ID,
  uuid,
} from '../testing/treaty-fixtures';
import { INPUT_LIMITS } from './input-validation';
import { decide } from './treaty.decide';
import { foldTreaty } from './treaty.decider';

const id = uuid(10);

describe('command input', () => {
  it('needs an event id', () => {
    spec
      .given([registered()])
      .when(report('', { type: 'signed', occurredOn: '2025-01-17' }))
      .thenThrows('MISSING_FIELD', { field: 'eventId' });
    spec
      .given([registered()])
      .when(report(42 as unknown as string, { type: 'signed', occurredOn: '2025-01-17' }))
      .thenThrows('INVALID_EVENT_ID', { field: 'eventId', message: /got 42/ });
  });

  it('bounds free text', () => {
    spec
      .given([])
      .when(register({ title: 'x'.repeat(INPUT_LIMITS.title + 1) }))
      .thenThrows('INVALID_FIELD', { field: 'title', message: /at most 300 characters/ });
    spec
      .given([registered()])
      .when(report(id, { type: 'signed', occurredOn: '2025-01-17', place: 'x'.repeat(INPUT_LIMITS.name + 1) }))
      .thenThrows('INVALID_FIELD', { field: 'place' });
  });

  it('refuses blank or non-text optional fields', () => {
    spec
      .given([registered()])
      .when(report(id, { type: 'signed', occurredOn: '2025-01-17', place: '  ' }))
      .thenThrows('INVALID_FIELD', { field: 'place', message: /must not be blank/ });
    spec
      .given([registered()])
      .when(report(id, { type: 'signed', occurredOn: '2025-01-17', place: ['Moscow'] }))
      .thenThrows('INVALID_FIELD', { field: 'place', message: /must be a string, got a list/ });
  });

  it('refuses a development that is not an object', () => {
    spec
      .given([registered()])
      .when({ type: 'ReportDevelopment', data: { eventId: id, development: undefined as never } })
      .thenThrows('MISSING_FIELD', { field: 'development' });
  });

  it('a context without a valid today is a caller bug', () => {
    const state = foldTreaty([registered()]);
    const command = report(id, { type: 'signed', occurredOn: '2025-01-17' });
    expect(() => decide(command, state, { today: '2025-1-1' })).toThrow(RangeError);
  });

  describe('correction values', () => {
    const history = [registered(), signed(uuid(2), '2025-01-17'), approved(uuid(3), 'RU', 'State Duma', '2025-04-08')];

    it('sets and clears signatories and votes', () => {
      spec
        .given([...history, corrected(uuid(2), { signatories: ['A'] })])
        .when(correct(id, uuid(2), { signatories: null }))
        .then({
          type: 'DevelopmentCorrected',
          data: {
            treatyId: TREATY_ID,
            developmentId: uuid(2),
            changes: { signatories: null },
            reason: 'Misread the date',
            source: source(),
          },
        });
      spec
        .given(history)
        .when(correct(id, uuid(3), { votes: { for: -2 } }))
        .thenThrows('INVALID_FIELD', { field: 'changes.votes.for' });
      spec
        .given(history)
        .when(correct(id, uuid(2), { signatories: [' '] }))
        .thenThrows('MISSING_FIELD', { field: 'changes.signatories[0]' });
    });

    it('changes must be an object', () => {
      spec
        .given(history)
        .when(correct(id, uuid(2), ['occurredOn'] as unknown as DevelopmentChanges))
        .thenThrows('INVALID_CORRECTION', { field: 'changes' });
    });
  });
});
