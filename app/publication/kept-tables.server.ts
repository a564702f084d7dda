/**
 * Published region tables kept in memory between requests (ADR 027). Building a region's
 * table of a year (every unit and every month, quarter, semester and year, with its disclosure
 * suppression) costs far more than rendering a page from it, and the table only changes when
 * its data does. So each process keeps the tables it built, keyed by everything a table
 * depends on (its kind, region, year, disclosure minimum and the region's unit ids), and
 * reuses one only while the database's data version is the one it was built under. The
 * report statistics are kept under a version of their own (app/reports/stats.server.ts says
 * why).
 *
 * The data version is the sequence `published_data_version` (migration 0013): every statement
 * that writes to the running totals or the units takes its next value, so a page
 * reads one number (in the same query as the region's unit ids) and sees new data at once.
 *
 * A kept table is also rebuilt once it is MAX_AGE_MS old, whatever the version says: a writer
 * takes the next value before it commits, so a reader that reads the new version before the
 * commit builds the table from the data before the write and keeps it under the new version.
 * Until the next write that table would be out of date; the age bounds how long (the same
 * order as the public page cache, ADR 025).
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Database } from "../../db/client";

/** How long a kept table may serve, whatever the version (see above). */
const MAX_AGE_MS = 15_000;
/** Tables kept per database: regions × years × kinds in use; the least recently used go first. */
const MAX_ENTRIES = 500;

interface Entry {
  version: string;
  builtAt: number;
  value: Promise<unknown>;
}

interface KeeperOptions {
  maxEntries: number;
  maxAgeMs: number;
  /** Milliseconds of a monotonic clock. */
  now: () => number;
}

/** Built values by key, each valid for one data version and for a limited time (LRU-bounded). */
export class TableKeeper {
  private readonly entries = new Map<string, Entry>();
  /** Tables built (not reused) so far: read by the tests and the benchmark. */
  builds = 0;

  constructor(private readonly options: KeeperOptions) {}

  /** The kept value of `key` if it was built under `version` and is not too old. */
  lookup<T>(key: string, version: string): Promise<T> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || this.options.now() - entry.builtAt >= this.options.maxAgeMs) {
      this.entries.delete(key);
      return undefined;
    }
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value as Promise<T>;
  }

  /**
   * Keeps a value being built under `version`. It is kept as a promise, so that requests
   * arriving while it is built wait for it instead of building it again; a build that fails is
   * dropped.
   */
  keep<T>(key: string, version: string, value: Promise<T>): Promise<T> {
    this.builds++;
    const entry: Entry = { version, builtAt: this.options.now(), value };
    this.entries.delete(key);
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    return value;
  }

  /** The kept value of `key` under `version`, or the one `build` makes, kept for the next reader. */
  get<T>(key: string, version: string, build: () => Promise<T>): Promise<T> {
    return this.lookup<T>(key, version) ?? this.keep(key, version, build());
  }

  get size(): number {
    return this.entries.size;
  }
}

export function createTableKeeper(options: Partial<KeeperOptions> = {}): TableKeeper {
  return new TableKeeper({ maxEntries: MAX_ENTRIES, maxAgeMs: MAX_AGE_MS, now: () => performance.now(), ...options });
}

/*
 * One keeper per database handle (a test process opens many databases; a transaction handle
 * gets its own short-lived keeper). The registry lives on globalThis so that a process has one
 * even when this module is loaded twice: the server build and the development rebuilds bundle
 * their own copy of it.
 */
const registryKey = Symbol.for("pintu-depan.kept-tables");
type GlobalWithKeepers = typeof globalThis & { [registryKey]?: WeakMap<Database, TableKeeper> };

/** The keeper of a database's published tables in this process. */
export function keptTables(db: Database): TableKeeper {
  const g = globalThis as GlobalWithKeepers;
  const registry = (g[registryKey] ??= new WeakMap());
  let keeper = registry.get(db);
  if (!keeper) {
    keeper = createTableKeeper();
    registry.set(db, keeper);
  }
  return keeper;
}

export interface PublishedState {
  /** The data version the reads below belong to. */
  version: string;
  /** Every unit of each asked region (active or not: their responses count in the region's totals), by id. */
  unitsByRegion: Map<number, number[]>;
}

/** The data version and the unit ids of some regions, in one query. */
export async function publishedState(db: Database, regionIds: readonly number[]): Promise<PublishedState> {
  const unitsByRegion = new Map<number, number[]>(regionIds.map((r) => [r, []]));
  const inRegions: SQL = regionIds.length === 0 ? sql`false` : sql`u.region_id IN (${sql.join(regionIds.map((r) => sql`${r}`), sql`, `)})`;
  const rows = await queryRows<{ version: string; id: number | null; region_id: number | null }>(db, sql`
    SELECT v.last_value::text AS version, u.id, u.region_id
    FROM published_data_version v LEFT JOIN units u ON ${inRegions}
    ORDER BY u.id`);
  for (const row of rows) if (row.id !== null && row.region_id !== null) unitsByRegion.get(Number(row.region_id))?.push(Number(row.id));
  return { version: rows[0]!.version, unitsByRegion };
}

/** The data version alone, for a kept figure that needs no unit list. */
export async function publishedVersion(db: Database): Promise<string> {
  const rows = await queryRows<{ version: string }>(db, sql`SELECT last_value::text AS version FROM published_data_version`);
  return rows[0]!.version;
}

/** The key of a kept table: its kind and everything it is built from besides the data version. */
export function tableKey(kind: string, regionId: number, year: number, min: number, unitIds: readonly number[], ...more: string[]): string {
  return [kind, regionId, year, min, unitIds.join(","), ...more].join("|");
}
