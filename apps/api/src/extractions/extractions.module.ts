import { Module } from '@nestjs/common';
import { ExtractionsController } from './extractions.controller';
import { EXTRACTION_TIME_LIMIT, ExtractionThread } from './extraction-thread';
import { Extractions } from './extractions.service';

@Module({
  controllers: [ExtractionsController],
  providers: [
    Extractions,
    {
      provide: ExtractionThread,
      inject: [EXTRACTION_TIME_LIMIT],
      useFactory: (timeLimitMs: number) => new ExtractionThread(timeLimitMs),
    },
  ],
})
export class ExtractionsModule {}
