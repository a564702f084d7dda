/**
 * One PGlite version measured in a process of its own (bench/pglite.ts starts it):
 * `node --import tsx bench/support/pglite-probe.ts <folder with node_modules> <package name>`.
 * Loads PGlite from that folder (the portal's own copy is not used), opens a fresh database in
 * a temporary folder through the portal's db/client.ts (drizzle's PGlite driver), migrates and
 * seeds the demo data, stores ratings through the rating command at 20 at a time, and times the
 * unit and region dashboards and the SKM API. Prints one JSON line.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { randomBytes, randomInt } from "node:crypto";
import type * as PortalPGlite from "@electric-sql/pglite";
import { openDatabase } from "../../db/client";
import { seed } from "#seed/seed";
import { findUnitByAddress } from "../../app/org/queries.server";
import { submitRating } from "../../app/skm/submit.server";
import { regionDashboard, unitDashboard, unitSkmApi } from "../../app/dashboards/dashboards.server";
import { parsePeriod } from "../../app/skm/periods";
import { loadConfig } from "../../app/utils/env.server";
import { localDate } from "../../app/utils/calendar";
import type { RatingValues } from "../../app/skm/form-schema";

const [folder, name] = process.argv.slice(2);
if (!folder || !name) throw new Error("usage: pglite-probe.ts <folder> <package>");
const entry = createRequire(path.join(path.resolve(folder), "package.json")).resolve(name);
const { PGlite } = (await import(pathToFileURL(entry).href)) as typeof PortalPGlite;
const version = (createRequire(entry)(path.join(path.dirname(entry), "../package.json")) as { version: string }).version;

const dataDir = mkdtempSync(path.join(tmpdir(), "pd-bench-pglite-"));
const config = loadConfig({ DEMO_DATA: "on" });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  let t = performance.now();
  const client = new PGlite(path.join(dataDir, "db"));
  const handle = await openDatabase({ driver: "pglite", dataDir: null }, { pglite: client as never });
  const open = performance.now() - t;
  t = performance.now();
  await handle.migrate();
  await seed(handle.db, { demo: true, secrets: config.secrets });
  const migrateSeed = performance.now() - t;
  const db = handle.db;

  const unit = (await findUnitByAddress(db, "kota-palangka-raya", "disdukcapil", { services: true }))!;
  const ratings = 400;
  let sent = 0;
  t = performance.now();
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (sent < ratings) {
        const n = sent++;
        const values = {
          token: randomBytes(32).toString("base64url"),
          serviceId: unit.services[n % unit.services.length]!.id,
          ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, randomInt(1, 5)])),
        } as unknown as RatingValues;
        // A crowd of new ratings trips the unit's volume signal: the bench measures storing, so
        // each one comes as if its challenge had passed.
        const { outcome } = await submitRating(db, config, {
          unit,
          clientAddress: `198.18.${n >> 8}.${n & 255}`,
          values,
          challengePassed: true,
          now: new Date(),
        });
        if (outcome !== "stored") throw new Error(`rating ${n}: ${outcome}`);
      }
    }),
  );
  const ratingsPerSecond = ratings / ((performance.now() - t) / 1000);

  const today = localDate("Asia/Jakarta");
  const year = parsePeriod(today.slice(0, 4))!;
  const time = async (work: () => Promise<unknown>) => {
    for (let i = 0; i < 5; i++) await work();
    const runs: number[] = [];
    for (let i = 0; i < 30; i++) {
      const s = performance.now();
      await work();
      runs.push(performance.now() - s);
    }
    return median(runs);
  };
  const unitMs = await time(() => unitDashboard(db, config.disclosureMin, unit.id, year, today));
  const regionMs = await time(() => regionDashboard(db, config.disclosureMin, unit.regionId, year, today));
  const apiMs = await time(() => unitSkmApi(db, config.disclosureMin, unit as never, year));
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  await handle.close();
  console.log(JSON.stringify({ version, open, migrateSeed, ratingsPerSecond, unitMs, regionMs, apiMs, rssMb }));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
