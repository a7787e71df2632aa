import { Injectable } from '@nestjs/common';
import type { CorrectDevelopmentRequestDto } from '../dto/correct-development.request.dto';
import type { RegisterTreatyRequestDto } from '../dto/register-treaty.request.dto';
import type { ReportDevelopmentRequestDto } from '../dto/report-development.request.dto';
import type { RetractDevelopmentRequestDto } from '../dto/retract-development.request.dto';
import { TreatyCommands } from './treaty-commands.service';
import type { WriteOutcome, WriteRequest } from './write-request';

/** The editors' use cases: each turns a validated request into the domain's command and runs it. */
@Injectable()
export class TreatyEditing {
  constructor(private readonly commands: TreatyCommands) {}

  register(request: RegisterTreatyRequestDto, write: WriteRequest): Promise<WriteOutcome> {
    const { id: treatyId, ...registration } = request;
    return this.commands.execute(
      treatyId,
      (eventId) => ({ type: 'RegisterTreaty', data: { eventId, treatyId, ...registration } }),
      write,
    );
  }

  reportDevelopment(
    treatyId: string,
    development: ReportDevelopmentRequestDto,
    write: WriteRequest,
  ): Promise<WriteOutcome> {
    return this.commands.execute(
      treatyId,
      (eventId) => ({ type: 'ReportDevelopment', data: { eventId, development } }),
      write,
    );
  }

  correctDevelopment(
    treatyId: string,
    developmentId: string,
    { changes, reason, source }: CorrectDevelopmentRequestDto,
    write: WriteRequest,
  ): Promise<WriteOutcome> {
    return this.commands.execute(
      treatyId,
      (eventId) => ({ type: 'CorrectDevelopment', data: { eventId, developmentId, changes, reason, source } }),
      write,
    );
  }

  retractDevelopment(
    treatyId: string,
    developmentId: string,
    { reason, source }: RetractDevelopmentRequestDto,
    write: WriteRequest,
  ): Promise<WriteOutcome> {
    return this.commands.execute(
      treatyId,
      (eventId) => ({ type: 'RetractDevelopment', data: { eventId, developmentId, reason, source } }),
      write,
    );
  }
}
