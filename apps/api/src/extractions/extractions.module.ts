import { Module } from '@nestjs/common';
import { ExtractionsController } from './extractions.controller';
import { Extractions } from './extractions.service';

@Module({
  controllers: [ExtractionsController],
  providers: [Extractions],
})
export class ExtractionsModule {}
