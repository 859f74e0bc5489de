import { Body, Controller, Get, HttpCode, Inject, Optional, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { Roles } from '@rectify/auth';
import { ROLES } from '@rectify/domain';
import { CLOCK, ManualClock, type Clock, type NotificationDispatcher, type WorkflowRuntime } from '@rectify/workflow';
import { CodedHttpException } from '../http/coded-http.exception';
import { NOTIFICATION_DISPATCHER, WORKFLOW_RUNTIME } from '../workflow/workflow.tokens';

export class MoveClockRequest {
  @ApiProperty({ example: '2023-02-17T09:00:00+07:00', description: 'The new engine time (never earlier than now)' })
  @IsISO8601({ strict: true, strictSeparator: true })
  now!: string;
}

/**
 * DEV ONLY (AUTH_MODE=dev and CLOCK=manual): moves engine time forward. Before answering,
 * every process manager catches up with the log, every timer due at the new time fires
 * (timers may cascade: firing goes on until none is due), and the process managers catch up again.
 */
@ApiTags('dev')
@Controller('dev/clock')
export class DevClockController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WORKFLOW_RUNTIME) private readonly runtime: WorkflowRuntime,
    @Optional() @Inject(NOTIFICATION_DISPATCHER) private readonly dispatcher: NotificationDispatcher | null,
  ) {}

  @Get()
  @Roles(...ROLES.filter((r) => r !== 'system'))
  @ApiOperation({ summary: 'DEV ONLY: the engine time and whether it is manual' })
  get() {
    return { now: this.clock.now().toISOString(), mode: this.clock instanceof ManualClock ? 'manual' : 'system' };
  }

  @Post()
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'DEV ONLY (CLOCK=manual): move engine time forward; due timers fire before the answer' })
  async move(@Body() body: MoveClockRequest) {
    if (!(this.clock instanceof ManualClock)) {
      throw new CodedHttpException(409, 'CLOCK.NOT_MANUAL', 'The engine runs on real time; start it with CLOCK=manual to move time');
    }
    const to = new Date(body.now);
    if (to.getTime() < this.clock.now().getTime()) {
      throw new CodedHttpException(422, 'CLOCK.BACKWARDS', `The clock never goes backwards (now ${this.clock.now().toISOString()})`, [
        { field: 'now', message: 'must not be earlier than the engine time' },
      ]);
    }
    await this.runtime.catchUp();
    this.clock.set(to);
    const fired = await this.runtime.fireDueTimers();
    await this.runtime.catchUp();
    return { now: this.clock.now().toISOString(), firedTimers: fired, notificationsEnabled: this.dispatcher !== null };
  }
}
