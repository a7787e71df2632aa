import { ParseUUIDPipe } from '@nestjs/common';
import { ApiProblem } from '../problems/api-problem';

/** A development id in a path is a UUID; anything else cannot name one, so it is not looked up. */
export const DEVELOPMENT_ID = new ParseUUIDPipe({
  exceptionFactory: () => new ApiProblem(404, 'DEVELOPMENT_NOT_FOUND', 'No development has this id: ids are UUIDs'),
});
