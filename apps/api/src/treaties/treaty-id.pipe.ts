import { Injectable, type PipeTransform } from '@nestjs/common';
import { TREATY_ID_PATTERN } from '@timeline/treaty';
import { ApiProblem } from '../problems/api-problem';

/** A treaty id in a path must be a slug; anything else cannot name a treaty, so it is not looked up. */
@Injectable()
export class TreatyIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!TREATY_ID_PATTERN.test(value)) {
      throw new ApiProblem(404, 'TREATY_NOT_FOUND', `No treaty has the id "${value.slice(0, 100)}": ids are slugs`);
    }
    return value;
  }
}
