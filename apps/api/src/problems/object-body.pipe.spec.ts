import { describe, expect, it } from '@jest/globals';
import type { ArgumentMetadata } from '@nestjs/common';
import { ApiProblem } from './api-problem';
import { ObjectBodyPipe } from './object-body.pipe';

class OneThing {
  name?: string;
}
class OneReport {
  static readonly manyGoTo = 'post many to /reports:batch';
}

const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });
const refusal = (run: () => unknown): ApiProblem => {
  try {
    run();
  } catch (error) {
    return error as ApiProblem;
  }
  throw new Error('not refused');
};

describe('ObjectBodyPipe', () => {
  const pipe = new ObjectBodyPipe();

  it('refuses an array where the route takes one object, naming where a list goes when the DTO says', () => {
    const plain = refusal(() => pipe.transform([{ name: 'a' }], body(OneThing)));
    expect(plain).toBeInstanceOf(ApiProblem);
    expect(plain).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(plain.extensions).toMatchObject({
      errors: [{ field: '', message: 'the body must be one JSON object, not an array' }],
    });
    expect(refusal(() => pipe.transform([], body(OneReport))).extensions).toMatchObject({
      errors: [{ message: 'the body must be one JSON object, not an array: post many to /reports:batch' }],
    });
  });

  it('passes objects, arrays a route takes as arrays, and what is not a body', () => {
    const object = { name: 'a' };
    expect(pipe.transform(object, body(OneThing))).toBe(object);
    const list = [object];
    expect(pipe.transform(list, body(Array))).toBe(list);
    expect(pipe.transform(list, body(undefined))).toBe(list);
    expect(pipe.transform(list, { type: 'query', metatype: OneThing })).toBe(list);
  });
});
