/**
 * Moves this process's wall clock by TEST_CLOCK_SHIFT_DAYS days (`npm run test:later`), so the
 * suite proves it passes on any date: a test that mixes a fixed instant with the real clock, or
 * code that reads the database's clock where it should take an injected `now`, fails here.
 * Loaded with `node --import`, so the test workers and every process they spawn see the same
 * shifted clock. Only `Date` moves; timers and monotonic clocks are untouched.
 */
const days = Number(process.env.TEST_CLOCK_SHIFT_DAYS ?? "0");
if (!Number.isFinite(days)) throw new Error("TEST_CLOCK_SHIFT_DAYS must be a number of days");

if (days !== 0 && !globalThis.__clockShifted) {
  const offset = Math.round(days * 86_400_000);
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
  globalThis.__clockShifted = true;
}
