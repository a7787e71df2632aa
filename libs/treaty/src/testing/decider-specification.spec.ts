import { describe, expect, it } from '@jest/globals';
import { registered, register, spec } from './treaty-fixtures';

describe('DeciderSpecification', () => {
  it('fails when the decider produces another event', () => {
    expect(() =>
      spec
        .given([])
        .when(register())
        .then(registered({ title: 'Other' })),
    ).toThrow();
  });

  it('fails when an error was expected and an event was produced', () => {
    expect(() => spec.given([]).when(register()).thenThrows('TREATY_ALREADY_REGISTERED')).toThrow(
      /Expected TREATY_ALREADY_REGISTERED but the decider produced/,
    );
  });

  it('fails when the error has another code or field', () => {
    expect(() => spec.given([registered()]).when(register()).thenThrows('TREATY_NOT_FOUND')).toThrow();
    expect(() =>
      spec.given([registered()]).when(register()).thenThrows('TREATY_ALREADY_REGISTERED', { field: 'title' }),
    ).toThrow();
  });
});
