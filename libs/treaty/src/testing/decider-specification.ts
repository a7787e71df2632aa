import { expect } from '@jest/globals';

/**
 * Given / when / then for a decider, in the spirit of emmett's DeciderSpecification: given these recorded events,
 * when this command is decided, then exactly this event is produced, or an error with this code is thrown.
 */
export type ContextualDecider<Command, Event, State, Context> = {
  readonly decide: (command: Command, state: State, context: Context) => Event;
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
};

export type ErrorExpectation = {
  /** The `field` the error must name. */
  readonly field?: string;
  /** A pattern the message must match. */
  readonly message?: RegExp;
};

export type DeciderSpecification<Command, Event, Context> = {
  given: (events: Event | readonly Event[]) => {
    when: (
      command: Command,
      context?: Context,
    ) => {
      then: (expected: Event) => void;
      thenThrows: (code: string, expectation?: ErrorExpectation) => void;
    };
  };
};

export const DeciderSpecification = {
  for<Command, Event, State, Context>(
    decider: ContextualDecider<Command, Event, State, Context>,
    defaultContext: Context,
    /** The error class every rule violation must be an instance of. */
    errorType: new (...args: never[]) => Error = Error,
  ): DeciderSpecification<Command, Event, Context> {
    return {
      given: (events) => ({
        when: (command, context = defaultContext) => {
          const decide = (): Event => {
            const history: readonly Event[] = Array.isArray(events) ? events : [events as Event];
            const state = history.reduce(decider.evolve, decider.initialState());
            return decider.decide(command, state, context);
          };
          return {
            then: (expected) => {
              // Strict: a property set to undefined would not survive the store's JSON, so it must not be there.
              expect(decide()).toStrictEqual(expected);
            },
            thenThrows: (code, expectation = {}) => {
              let failure: unknown;
              let produced: Event | undefined;
              try {
                produced = decide();
              } catch (error) {
                failure = error;
              }
              if (failure === undefined) {
                throw new Error(`Expected ${code} but the decider produced ${JSON.stringify(produced)}`);
              }
              expect(failure).toBeInstanceOf(errorType);
              expect(failure).toMatchObject({ code });
              if (expectation.field !== undefined) expect(failure).toMatchObject({ field: expectation.field });
              if (expectation.message !== undefined) expect((failure as Error).message).toMatch(expectation.message);
            },
          };
        },
      }),
    };
  },
};
