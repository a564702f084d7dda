/**
 * `npm run staff:create-moderator`: the operator sets up the first report reader of a region
 * that has none (the trust root, like the first admin); once a region has one, further
 * moderators go through the staff pages and a moderator's approval.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, staff, staffGrants } from "../../db/schema";
import { createCommandDatabase, runScript, type CommandDatabase } from "../helpers/command-database";

let database: CommandDatabase;

const createModerator = (...args: string[]) => runScript(database, "scripts/create-moderator.ts", args);

beforeAll(async () => {
  database = await createCommandDatabase("pintu-depan-moderator-");
});
afterAll(() => database.drop());

describe("staff:create-moderator", () => {
  it("creates the first moderator of a region with a one-time link, then refuses a second one", async () => {
    const first = await createModerator("--email", "Inspektur@Palangkaraya.go.id", "--region", "kota-palangka-raya", "--name", "Inspektur Kota");
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("Moderator inspektur@palangkaraya.go.id of region kota-palangka-raya created.");
    expect(first.stdout).toMatch(/\/staff\/setup\?token=[\w-]+/);

    const second = await createModerator("--email", "kedua@palangkaraya.go.id", "--region", "kota-palangka-raya");
    expect(second.status).toBe(1);
    expect(second.stderr).toContain("already has a moderator");

    const unknown = await createModerator("--email", "x@palangkaraya.go.id", "--region", "tidak-ada");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('There is no region with the slug "tidak-ada"');
    expect((await createModerator("--email", "bukan-surel", "--region", "kota-palangka-raya")).status).toBe(2);
    expect((await createModerator("--email", "x@palangkaraya.go.id")).status).toBe(2);
  }, 300_000);

  it("stores the grant at once and audits it as the operator's", async () => {
    const handle = await database.open();
    const rows = await handle.db
      .select({ id: staff.id, email: staff.email, role: staffGrants.role })
      .from(staff)
      .innerJoin(staffGrants, eq(staffGrants.staffId, staff.id));
    expect(rows.map(({ email, role }) => ({ email, role }))).toEqual([{ email: "inspektur@palangkaraya.go.id", role: "moderator" }]);
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.action, "staff.create_moderator"));
    expect(entry).toMatchObject({ actorStaffId: null, actorRole: "system", objectId: String(rows[0]!.id) });
  });
});
