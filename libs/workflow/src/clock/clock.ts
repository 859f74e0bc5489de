/** The engine's notion of "now". Production uses real time; tests and dev mode move it. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to; never goes backwards. */
export class ManualClock implements Clock {
  private current: Date;

  constructor(start: Date) {
    this.current = new Date(start.getTime());
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(to: Date): void {
    if (to.getTime() < this.current.getTime()) {
      throw new RangeError(`The clock cannot move backwards (now ${this.current.toISOString()})`);
    }
    this.current = new Date(to.getTime());
  }

  advance(milliseconds: number): void {
    this.set(new Date(this.current.getTime() + milliseconds));
  }
}
