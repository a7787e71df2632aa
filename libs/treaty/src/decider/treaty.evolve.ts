import { applyChanges, corroborated, developmentOfEvent } from '../development';
import { isDevelopmentEvent } from '../development-type';
import type { TreatyEvent } from '../treaty.events';
import { carryRecordIndex } from './record-index';
import type { DevelopmentOnRecord, RegisteredTreaty, TreatyProfile, TreatyState } from './treaty.state';

/**
 * Folds one recorded event into the state. Total and never throwing: history is what it is, so an event that could
 * not have been decided (a development before registration, a correction of an unknown development) changes nothing.
 */
export function evolve(state: TreatyState, event: TreatyEvent): TreatyState {
  if (isDevelopmentEvent(event)) {
    if (state.status === 'unregistered') return state;
    const development = developmentOfEvent(event);
    const added: DevelopmentOnRecord = {
      developmentId: event.data.developmentId,
      reported: development,
      current: development,
      sources: [event.data.source],
      reports: [{ source: event.data.source, occurredOn: development.occurredOn }],
      retracted: false,
    };
    return withAppended(state, added);
  }
  switch (event.type) {
    case 'TreatyRegistered': {
      if (state.status !== 'unregistered') return state;
      return { status: 'active', treaty: { ...event.data }, developments: [] };
    }
    case 'DevelopmentCorroborated':
      return updateDevelopment(state, event.data.developmentId, (development) => ({
        ...development,
        // A finer date, or the reading named, refines it; both sources stay.
        current: corroborated(development.current, event.data),
        sources: [...development.sources, event.data.source],
        reports: [...development.reports, { source: event.data.source, occurredOn: event.data.occurredOn }],
      }));
    case 'DevelopmentCorrected':
      return updateDevelopment(state, event.data.developmentId, (development) => ({
        ...development,
        current: applyChanges(development.current, event.data.changes),
      }));
    case 'DevelopmentRetracted':
      return updateDevelopment(state, event.data.developmentId, (development) => ({ ...development, retracted: true }));
    default: {
      const unexpected: never = event;
      throw new Error(`Unexpected treaty event ${JSON.stringify(unexpected)}`);
    }
  }
}

function updateDevelopment(
  state: TreatyState,
  developmentId: string,
  update: (development: DevelopmentOnRecord) => DevelopmentOnRecord,
): TreatyState {
  if (state.status === 'unregistered') return state;
  const developments = state.developments.map((development) =>
    development.developmentId === developmentId ? update(development) : development,
  );
  return registered(state.treaty, developments);
}

/**
 * The record with one more development, the common case: nothing in it walks the record (the terminations are
 * those before plus this one, and the decider's index moves on with the one added); only the array is copied, so
 * that the state before stays as it was.
 */
function withAppended(state: RegisteredTreaty, added: DevelopmentOnRecord): RegisteredTreaty {
  const developments = [...state.developments, added];
  carryRecordIndex(state.developments, developments, added);
  const before = state.status === 'terminated' ? state.terminationIds : [];
  const terminationIds = added.current.type === 'terminated' ? [...before, added.developmentId] : before;
  return terminationIds.length > 0
    ? { status: 'terminated', treaty: state.treaty, developments, terminationIds }
    : { status: 'active', treaty: state.treaty, developments };
}

// The status is derived rather than stored, so a retracted termination lifts it without a special event.
function registered(treaty: TreatyProfile, developments: readonly DevelopmentOnRecord[]): RegisteredTreaty {
  const terminationIds = developments
    .filter((development) => !development.retracted && development.current.type === 'terminated')
    .map((development) => development.developmentId);
  return terminationIds.length > 0
    ? { status: 'terminated', treaty, developments, terminationIds }
    : { status: 'active', treaty, developments };
}
