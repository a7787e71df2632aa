import { Module } from '@nestjs/common';
import { DayTurns } from './day-turns.service';

@Module({ providers: [DayTurns], exports: [DayTurns] })
export class DayTurnsModule {}
