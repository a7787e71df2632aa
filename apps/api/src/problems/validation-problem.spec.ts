import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CorrectDevelopmentRequestDto } from '../treaties/dto/correct-development.request.dto';
import { ReportDevelopmentRequestDto } from '../treaties/dto/report-development.request.dto';
import { validationProblem } from './validation-problem';

const WHITELIST = { whitelist: true, forbidNonWhitelisted: true };
const errorsOf = (body: object, type: new () => object = ReportDevelopmentRequestDto) =>
  validationProblem(validateSync(plainToInstance(type, body), WHITELIST)).extensions as {
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

  describe('a field the request does not take', () => {
    const correction = (changes: object) => ({
      changes,
      reason: 'r',
      source: { publisher: 'P', publishedOn: '2025-04-09' },
    });

    it("gives the DTO's reason: a statement's speaker cannot be corrected, and what to do instead", () => {
      const { errors } = errorsOf(correction({ speaker: 'Sergei Lavrov' }), CorrectDevelopmentRequestDto);
      expect(errors).toEqual([
        {
          field: 'changes.speaker',
          message:
            'changes.speaker cannot be corrected (a statement is its speaker and its words): retract the development and report it again as it was',
        },
      ]);
    });

    it('lists the fields a small DTO takes', () => {
      const { errors } = errorsOf(correction({ venue: 'Kremlin' }), CorrectDevelopmentRequestDto);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(/^changes\.venue is not a field of this request: it takes .*\bplace\b/);
      expect(errors[0]!.message).toContain('signatories');
    });

    it('says only that it is not a field of a DTO with many, whose schema says them better', () => {
      const { errors } = errorsOf({
        type: 'signed',
        occurredOn: '2025-04',
        venue: 'Kremlin',
        source: { publisher: 'P', publishedOn: '2025-04-09' },
      });
      expect(errors).toEqual([{ field: 'venue', message: 'venue is not a field of this request' }]);
    });
  });
});
