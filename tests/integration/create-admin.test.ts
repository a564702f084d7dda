/**
 * `npm run staff:create-admin`: the operator creates an admin of the whole installation or of
 * one region, who gets a one-time set-up link; a taken address or an unknown region is refused.
 */
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema";
import { createCommandDatabase, runScript, type CommandDatabase } from "../helpers/command-database";

let database: CommandDatabase;
const createAdmin = (...args: string[]) => runScript(database, "scripts/create-admin.ts", args);

beforeAll(async () => {
  database = await createCommandDatabase("pintu-depan-admin-");
});
afterAll(() => database.drop());

describe("staff:create-admin", () => {
  it("creates an admin of the installation or of a region with a one-time link, and refuses a taken address or an unknown region", async () => {
    const whole = await createAdmin("--email", "Admin@Palangkaraya.go.id", "--name", "Admin Kota");
    expect(whole.status, whole.stderr).toBe(0);
    expect(whole.stdout).toContain("Admin admin@palangkaraya.go.id created (whole installation).");
    expect(whole.stdout).toMatch(/\/staff\/setup\?token=[\w-]+/);
    const region = await createAdmin("--email", "admin-kota@palangkaraya.go.id", "--region", "kota-palangka-raya");
    expect(region.status, region.stderr).toBe(0);
    expect(region.stdout).toContain("created (region kota-palangka-raya).");

    const taken = await createAdmin("--email", "admin@palangkaraya.go.id");
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain("already exists");
    const unknown = await createAdmin("--email", "lain@palangkaraya.go.id", "--region", "tidak-ada");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('There is no region with the slug "tidak-ada"');
    expect((await createAdmin("--email", "bukan-surel")).status).toBe(2);

    const handle = await database.open();
    const entries = await handle.db.select().from(auditLog).where(eq(auditLog.action, "staff.create_admin")).orderBy(asc(auditLog.id));
    expect(entries.map((e) => e.details)).toEqual([
      { grant: { role: "admin", regionId: null, unitId: null, provinceId: null } },
      { grant: { role: "admin", regionId: expect.any(Number), unitId: null, provinceId: null } },
    ]);
  }, 300_000);
});
