import { TreatyBatches } from './application/treaty-batches.service';
import { TreatyBatchesController } from './treaty-batches.controller';
import { Module } from '@nestjs/common';
import { TreatyCommands } from './application/treaty-commands.service';
import { OneWriteAtATime } from './decision-state/one-write-at-a-time';
import { TreatyDecisionStates } from './decision-state/treaty-decision-states.service';
import { TreatyDryRun } from './application/treaty-dry-run.service';
import { TreatyEditing, TreatyEditingDryRun } from './application/treaty-editing.service';
import { DevelopmentNamedByEvent } from './application/development-named-by-event';
import { TreatyReads } from './application/treaty-reads.service';
import { TreatyWriter } from './application/treaty-writer.service';
import { TreatiesController } from './treaties.controller';
import { TreatyReadsController } from './treaty-reads.controller';
import { TimeTravelThread } from './application/time-travel-thread';

@Module({
  controllers: [TreatiesController, TreatyBatchesController, TreatyReadsController],
  providers: [
    TreatyWriter,
    TreatyCommands,
    TreatyBatches,
    TreatyDecisionStates,
    OneWriteAtATime,
    TreatyDryRun,
    TreatyEditing,
    TreatyEditingDryRun,
    TreatyReads,
    // One thread for the process's views of the past (decision 0056), ended with the module.
    { provide: TimeTravelThread, useFactory: () => new TimeTravelThread() },
    DevelopmentNamedByEvent,
  ],
  exports: [TreatyEditing],
})
export class TreatiesModule {}
