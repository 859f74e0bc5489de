import { Module } from '@nestjs/common';
import { HistoryController } from './history.controller';
import { HistoryService } from './history.service';

/** Histories of officials and units (JSON, CSV, PDF) for hearings; every read is access-logged. */
@Module({ controllers: [HistoryController], providers: [HistoryService] })
export class HistoryModule {}
