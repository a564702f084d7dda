/**
 * The keeper of published region tables (app/publication/kept-tables.server.ts): a value is
 * reused only under the data version it was built for and while it is young enough, the
 * least recently used go first, a build in progress is shared and a failed one is forgotten.
 */
import { describe, expect, it } from "vitest";
import { createTableKeeper } from "~/publication/kept-tables.server";

describe("TableKeeper", () => {
  it("reuses a value under the same version and rebuilds it under another", async () => {
    const keeper = createTableKeeper({ now: () => 0 });
    let made = 0;
    const build = async () => ++made;
    expect(await keeper.get("skm|1|2026", "7", build)).toBe(1);
    expect(await keeper.get("skm|1|2026", "7", build)).toBe(1);
    expect(await keeper.get("skm|1|2026", "8", build)).toBe(2);
    expect(keeper.builds).toBe(2);
  });

  it("rebuilds a value once it is as old as the maximum age, whatever the version", async () => {
    let clock = 1_000;
    const keeper = createTableKeeper({ now: () => clock, maxAgeMs: 15_000 });
    let made = 0;
    const build = async () => ++made;
    await keeper.get("k", "1", build);
    clock += 14_999;
    expect(await keeper.get("k", "1", build)).toBe(1);
    clock += 1;
    expect(await keeper.get("k", "1", build)).toBe(2);
  });

  it("keeps at most its number of entries, dropping the least recently used", async () => {
    const keeper = createTableKeeper({ now: () => 0, maxEntries: 2 });
    let made = 0;
    const build = async () => ++made;
    await keeper.get("a", "1", build);
    await keeper.get("b", "1", build);
    await keeper.get("a", "1", build); // a is now the most recently used
    await keeper.get("c", "1", build); // b goes
    expect(keeper.size).toBe(2);
    expect(keeper.lookup("a", "1")).toBeDefined();
    expect(keeper.lookup("b", "1")).toBeUndefined();
    expect(keeper.lookup("c", "1")).toBeDefined();
  });

  it("shares a build in progress and forgets one that failed", async () => {
    const keeper = createTableKeeper({ now: () => 0 });
    let release!: (value: number) => void;
    const first = keeper.get("k", "1", () => new Promise<number>((resolve) => (release = resolve)));
    const second = keeper.get("k", "1", async () => 99);
    release(5);
    expect(await first).toBe(5);
    expect(await second).toBe(5);
    expect(keeper.builds).toBe(1);

    await expect(keeper.get("f", "1", async () => Promise.reject(new Error("database gone")))).rejects.toThrow("database gone");
    expect(keeper.lookup("f", "1")).toBeUndefined();
    expect(await keeper.get("f", "1", async () => 7)).toBe(7);
  });
});
