import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OfficialViewEntity, UnitViewEntity } from '@rectify/read-models';
import { AppointUnitHeadController } from './commands/appoint-unit-head/appoint-unit-head.controller';
import { AppointUnitHeadHandler } from './commands/appoint-unit-head/appoint-unit-head.handler';
import { CreateUnitController } from './commands/create-unit/create-unit.controller';
import { CreateUnitHandler } from './commands/create-unit/create-unit.handler';
import { RegisterOfficialController } from './commands/register-official/register-official.controller';
import { RegisterOfficialHandler } from './commands/register-official/register-official.handler';
import { OfficialQueriesController } from './queries/officials/official-queries.controller';
import { GetOfficialHandler, ListOfficialsHandler } from './queries/officials/official-queries';
import { UnitQueriesController } from './queries/units/unit-queries.controller';
import { GetUnitHandler, ListUnitsHandler } from './queries/units/unit-queries';

/** The org registry: units, officials and unit heads (written by admins, read by every human role). */
@Module({
  imports: [TypeOrmModule.forFeature([UnitViewEntity, OfficialViewEntity])],
  controllers: [
    CreateUnitController,
    RegisterOfficialController,
    AppointUnitHeadController,
    UnitQueriesController,
    OfficialQueriesController,
  ],
  providers: [
    CreateUnitHandler,
    RegisterOfficialHandler,
    AppointUnitHeadHandler,
    ListUnitsHandler,
    GetUnitHandler,
    ListOfficialsHandler,
    GetOfficialHandler,
  ],
})
export class OrgModule {}
