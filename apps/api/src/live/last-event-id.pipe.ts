import { createParamDecorator, Injectable, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import type { Request } from 'express';
import { LogHead } from '../http/positions';
import { ReadModels } from '../read-models/read-models.service';
import { resumePosition } from './resume-position';

/**
 * `Last-Event-ID` as an event's position: malformed, out of range, past the head or inside a record is a 400 before
 * any stream opens.
 */
@Injectable()
export class LastEventIdPipe implements PipeTransform<string | undefined, Promise<bigint | undefined>> {
  constructor(
    private readonly head: LogHead,
    private readonly readModels: ReadModels,
  ) {}

  async transform(value: string | undefined): Promise<bigint | undefined> {
    const position = resumePosition(value);
    if (position === undefined) return undefined;
    const applied = this.readModels.projection.position;
    return this.head.requireEvent(await this.head.requireOnRecord(position, 'Last-Event-ID', applied));
  }
}

/** The raw `Last-Event-ID` header, as a parameter that takes pipes (`@Headers` does not). */
export const LastEventIdHeader = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  context.switchToHttp().getRequest<Request>().header('last-event-id'),
);
