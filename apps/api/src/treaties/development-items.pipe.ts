import { Injectable, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ApiProblem } from '../problems/api-problem';
import { validationProblem } from '../problems/validation-problem';
import { ReportDevelopmentRequestDto } from './dto/report-development.request.dto';

/** Items in one batch: enough for a backfill of one treaty, few enough that one append stays well-sized. */
export const MAX_BATCH_ITEMS = 1000;

/**
 * Checks each item of a batch exactly as the global validation pipe checks the body of a single report (the same
 * DTO and options), and names the first item that fails: `index`, and its fields prefixed with it.
 */
@Injectable()
export class DevelopmentItemsPipe implements PipeTransform<unknown, ReportDevelopmentRequestDto[]> {
  transform(body: unknown): ReportDevelopmentRequestDto[] {
    if (!Array.isArray(body)) {
      throw new ApiProblem(400, 'VALIDATION_FAILED', 'A batch is a JSON array of developments, or NDJSON');
    }
    if (body.length === 0) throw new ApiProblem(400, 'EMPTY_BATCH', 'A batch needs at least one development');
    if (body.length > MAX_BATCH_ITEMS) {
      throw new ApiProblem(413, 'TOO_MANY_ITEMS', `A batch holds at most ${MAX_BATCH_ITEMS} developments`, {
        maxItems: MAX_BATCH_ITEMS,
      });
    }
    return body.map((item: unknown, index) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        throw new ApiProblem(400, 'VALIDATION_FAILED', `Item ${index}: a development is a JSON object`, { index });
      }
      const dto = plainToInstance(ReportDevelopmentRequestDto, item);
      const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length > 0) {
        const problem = validationProblem(errors);
        const fields = (problem.extensions.errors as { field: string; message: string }[]).map((error) => ({
          ...error,
          field: `${index}.${error.field}`,
        }));
        throw new ApiProblem(400, problem.code, `Item ${index}: ${problem.message}`, {
          ...problem.extensions,
          errors: fields,
          index,
        });
      }
      return dto;
    });
  }
}
