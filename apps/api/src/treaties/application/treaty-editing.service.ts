import { Injectable } from '@nestjs/common';
import type { TreatyCommand } from '@timeline/treaty';
import type { CorrectDevelopmentRequestDto } from '../dto/correct-development.request.dto';
import type { RegisterTreatyRequestDto } from '../dto/register-treaty.request.dto';
import type { ReportDevelopmentRequestDto } from '../dto/report-development.request.dto';
import type { RetractDevelopmentRequestDto } from '../dto/retract-development.request.dto';
import { DevelopmentNamedByEvent } from './development-named-by-event';
import { TreatyCommands } from './treaty-commands.service';
import { TreatyDryRun, type DryRunOutcome } from './treaty-dry-run.service';
import type { WriteOutcome, WriteRequest } from './write-request';

type Run<Outcome> = (
  treatyId: string,
  commandFor: (eventId: string) => TreatyCommand,
  write: WriteRequest,
) => Promise<Outcome>;

/**
 * The editors' use cases: each turns a validated request into the domain's command and runs it. The same use
 * cases serve real writes (`TreatyEditing`) and dry runs (`TreatyEditingDryRun`), so both decide on one command.
 */
abstract class EditingUseCases<Outcome> {
  protected constructor(
    private readonly run: Run<Outcome>,
    private readonly namedByEvent: DevelopmentNamedByEvent,
  ) {}

  register(request: RegisterTreatyRequestDto, write: WriteRequest): Promise<Outcome> {
    const { id: treatyId, ...registration } = request;
    return this.run(
      treatyId,
      (eventId) => ({ type: 'RegisterTreaty', data: { eventId, treatyId, ...registration } }),
      write,
    );
  }

  reportDevelopment(treatyId: string, development: ReportDevelopmentRequestDto, write: WriteRequest): Promise<Outcome> {
    return this.run(treatyId, (eventId) => ({ type: 'ReportDevelopment', data: { eventId, development } }), write);
  }

  correctDevelopment(
    treatyId: string,
    developmentId: string,
    { changes, reason, source }: CorrectDevelopmentRequestDto,
    write: WriteRequest,
  ): Promise<Outcome> {
    return this.run(
      treatyId,
      (eventId) => ({ type: 'CorrectDevelopment', data: { eventId, developmentId, changes, reason, source } }),
      write,
    ).catch(async (error: unknown) => {
      throw await this.namedByEvent.explain(error, treatyId, developmentId, 'corrections');
    });
  }

  retractDevelopment(
    treatyId: string,
    developmentId: string,
    { reason, source }: RetractDevelopmentRequestDto,
    write: WriteRequest,
  ): Promise<Outcome> {
    return this.run(
      treatyId,
      (eventId) => ({ type: 'RetractDevelopment', data: { eventId, developmentId, reason, source } }),
      write,
    ).catch(async (error: unknown) => {
      throw await this.namedByEvent.explain(error, treatyId, developmentId, 'retractions');
    });
  }
}

/** The editors' writes: decided and appended. */
@Injectable()
export class TreatyEditing extends EditingUseCases<WriteOutcome> {
  constructor(commands: TreatyCommands, namedByEvent: DevelopmentNamedByEvent) {
    super((treatyId, commandFor, write) => commands.execute(treatyId, commandFor, write), namedByEvent);
  }
}

/** The same writes as dry runs (`?dryRun=true`): decided, never appended. */
@Injectable()
export class TreatyEditingDryRun extends EditingUseCases<DryRunOutcome> {
  constructor(dryRun: TreatyDryRun, namedByEvent: DevelopmentNamedByEvent) {
    super((treatyId, commandFor, write) => dryRun.decide(treatyId, commandFor, write), namedByEvent);
  }
}
