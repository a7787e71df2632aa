import { runInNewContext } from 'node:vm';
import { describe, expect, it, jest } from '@jest/globals';
import type { ArgumentsHost } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiProblem } from './api-problem';
import { EventStoreUnavailableError } from '@timeline/event-store';
import { describeFailure, ProblemDetailsFilter } from './problem-details.filter';

/** The parts of an Express response the filter touches, recording what it did. */
function responseAt(state: { headersSent: boolean; writableEnded: boolean }) {
  const response = {
    ...state,
    destroy: jest.fn(),
    setHeader: jest.fn((_name: string, _value: unknown) => response),
    hasHeader: () => false,
    status: jest.fn((_status: number) => response),
    end: jest.fn((_body: string) => response),
  };
  return response;
}

function hostOf(response: ReturnType<typeof responseAt>): ArgumentsHost {
  const request = { method: 'GET', originalUrl: '/audit/log', path: '/audit/log' } as Request;
  return {
    switchToHttp: () => ({ getResponse: () => response as unknown as Response, getRequest: () => request }),
  } as ArgumentsHost;
}

describe('ProblemDetailsFilter', () => {
  // A client's problem: the filter logs nothing for it, which keeps the test's output clean.
  const failure = new ApiProblem(409, 'LOG_FAILS_VERIFICATION', 'The log fails verification');

  it('answers a problem while nothing of the answer was sent', () => {
    const response = responseAt({ headersSent: false, writableEnded: false });
    new ProblemDetailsFilter().catch(failure, hostOf(response));
    expect(response.status).toHaveBeenCalledWith(409);
    expect(JSON.parse(response.end.mock.calls[0]![0])).toMatchObject({ code: 'LOG_FAILS_VERIFICATION' });
    expect(response.destroy).not.toHaveBeenCalled();
  });

  it('breaks off an answer already begun, so that the client does not wait for its end or take it as whole', () => {
    const response = responseAt({ headersSent: true, writableEnded: false });
    new ProblemDetailsFilter().catch(failure, hostOf(response));
    expect(response.destroy).toHaveBeenCalledTimes(1);
    expect(response.end).not.toHaveBeenCalled();
  });

  it('leaves an answer that was already ended as it is', () => {
    const response = responseAt({ headersSent: true, writableEnded: true });
    new ProblemDetailsFilter().catch(failure, hostOf(response));
    expect(response.destroy).not.toHaveBeenCalled();
    expect(response.end).not.toHaveBeenCalled();
  });
});

describe('describeFailure', () => {
  it('names each cause with its code, so that the log says why the store failed', () => {
    const sqlite = Object.assign(new Error('database or disk is full'), { name: 'SqliteError', code: 'SQLITE_FULL' });
    const failure = new EventStoreUnavailableError('The embedded event store could not commit the append', sqlite);
    const text = describeFailure(failure);
    expect(text).toContain('The embedded event store could not commit the append');
    expect(text).toContain('caused by: SqliteError SQLITE_FULL: database or disk is full');
  });

  it("reads a cause made in another realm (a native driver's, a vm context's) by its shape", () => {
    const foreign = runInNewContext(
      "Object.assign(new Error('database or disk is full'), { name: 'SqliteError', code: 'SQLITE_FULL' })",
    ) as unknown;
    expect(foreign instanceof Error).toBe(false);
    const failure = new EventStoreUnavailableError('The embedded event store could not commit the append', foreign);
    expect(describeFailure(failure)).toContain('caused by: SqliteError SQLITE_FULL: database or disk is full');
  });

  it('stops at a cause that refers back to itself', () => {
    const looping = new Error('outer');
    looping.cause = looping;
    expect(describeFailure(looping).split('caused by').length).toBe(1);
  });
});
