import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ReportDevelopmentRequestDto } from '../treaties/dto/report-development.request.dto';
import { validationProblem } from './validation-problem';

const errorsOf = (body: object) =>
  validationProblem(validateSync(plainToInstance(ReportDevelopmentRequestDto, body))).extensions as {
    errors: { field: string; message: string }[];
  };

describe('validationProblem', () => {
  it('names a missing field once, as required', () => {
    const { errors } = errorsOf({ occurredOn: '2025-04' });
    expect(errors).toEqual([
      { field: 'type', message: 'type is required' },
      { field: 'source', message: 'source is required' },
    ]);
  });

  it('names a missing nested field by its path', () => {
    const { errors } = errorsOf({ type: 'signed', occurredOn: '2025-04', source: { publishedOn: '2025-04-01' } });
    expect(errors).toEqual([{ field: 'source.publisher', message: 'source.publisher is required' }]);
  });

  it('says what is wrong with a value that is there, each rule once', () => {
    const { errors } = errorsOf({ type: 7, occurredOn: '2025-04', source: { publisher: 'P', publishedOn: 'x' } });
    expect(errors.map((error) => error.field)).toEqual(expect.arrayContaining(['type', 'source.publishedOn']));
    expect(errors.some((error) => error.message.endsWith('is required'))).toBe(false);
    expect(new Set(errors.map((error) => `${error.field}:${error.message}`)).size).toBe(errors.length);
  });
});
