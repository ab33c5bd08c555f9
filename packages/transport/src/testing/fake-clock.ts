import type { Clock } from "../clock.js";

interface Timer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

/** A `Clock` that only moves when told to, for exact, instant tests of waits and timeouts. */
export interface FakeClock extends Clock {
  /** Every delay passed to `setTimeout`, in call order (cleared timers included). */
  readonly delays: readonly number[];
  /** How many timers are scheduled and not yet fired or cleared. */
  pendingTimers(): number;
  /** Moves time forward by `ms`, firing due timers in order and letting promises settle between them. */
  advance(ms: number): Promise<void>;
  /** Moves time to the next timer and fires it; false when none is scheduled. */
  next(): Promise<boolean>;
  /** Lets pending promise callbacks run without moving time. */
  flush(): Promise<void>;
}

// One real macrotask: every queued promise callback runs before it, so chains that schedule the
// next timer get to do so. Uses the real global timer, which exists in every runtime.
const realTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Creates a fake clock starting at `start` (epoch ms; default 2026-01-01T00:00:00Z), for tests of
 * anything that takes a `clock` option.
 *
 * @example
 * ```ts
 * const clock = createFakeClock();
 * const call = compose(retry({ clock }))(transport)(request);
 * await clock.advance(500); // the backoff wait passes instantly
 * ```
 */
export function createFakeClock(start = Date.UTC(2026, 0, 1)): FakeClock {
  let now = start;
  let nextId = 1;
  let timers: Timer[] = [];
  const delays: number[] = [];

  const fireNext = async (limit: number): Promise<boolean> => {
    await realTick();
    const due = timers.filter((t) => t.at <= limit).sort((a, b) => a.at - b.at || a.id - b.id)[0];
    if (!due) return false;
    timers = timers.filter((t) => t !== due);
    now = Math.max(now, due.at);
    due.callback();
    return true;
  };

  return {
    delays,
    now: () => now,
    setTimeout(callback, ms) {
      const delay = Math.max(0, Number.isFinite(ms) ? ms : 0);
      delays.push(ms);
      const timer = { id: nextId++, at: now + delay, callback };
      timers.push(timer);
      return timer.id;
    },
    clearTimeout(handle) {
      timers = timers.filter((t) => t.id !== handle);
    },
    pendingTimers: () => timers.length,
    async advance(ms) {
      const target = now + ms;
      while (await fireNext(target));
      now = Math.max(now, target);
      await realTick();
    },
    async next() {
      const first = [...timers].sort((a, b) => a.at - b.at || a.id - b.id)[0];
      const fired = first ? await fireNext(first.at) : false;
      await realTick();
      return fired;
    },
    flush: realTick,
  };
}
