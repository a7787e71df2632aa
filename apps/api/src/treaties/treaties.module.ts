import { Module } from '@nestjs/common';
import { TreatyCommands } from './application/treaty-commands.service';
import { TreatyEditing } from './application/treaty-editing.service';
import { TreatiesController } from './treaties.controller';

@Module({
  controllers: [TreatiesController],
  providers: [TreatyCommands, TreatyEditing],
  exports: [TreatyEditing],
})
export class TreatiesModule {}
