/**
 * The same six signed-in staff members the admin-screen tests act as: an installation admin,
 * admins of two regions, a moderator, a unit manager and a province monitor.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { provinces } from "../../db/schema";
import type { Config } from "../../app/utils/env.server";
import { createStaff, sessionFor, type TestStaff } from "./staff";

export type CastMember = "installation" | "city" | "kotim" | "moderator" | "unitManager" | "monitor";

/** `city` and `kotim` are region slugs of the seed; the moderator and unit manager work in `city`. */
export async function createAdminCast(
  db: Database,
  config: Config,
  regions: { city: string; kotim: string },
): Promise<{ staff: Record<"installation" | "city" | "kotim", TestStaff>; cookies: Record<CastMember, string> }> {
  const [province] = await db.select({ id: provinces.id }).from(provinces).where(eq(provinces.slug, "kalimantan-tengah"));
  const installationAdmin = await createStaff(db, config, { grants: [{ role: "admin" }] });
  const cityAdmin = await createStaff(db, config, { grants: [{ role: "admin", region: regions.city }] });
  const kotimAdmin = await createStaff(db, config, { grants: [{ role: "admin", region: regions.kotim }] });
  const moderator = await createStaff(db, config, { grants: [{ role: "moderator", region: regions.city }] });
  const unitManager = await createStaff(db, config, { grants: [{ role: "unit_manager", unit: `${regions.city}/disdukcapil` }] });
  const monitor = await createStaff(db, config, { grants: [{ role: "province_monitor", provinceId: province!.id }] });
  const session = (person: TestStaff) => sessionFor(db, config, person.id);
  return {
    staff: { installation: installationAdmin, city: cityAdmin, kotim: kotimAdmin },
    cookies: {
      installation: await session(installationAdmin),
      city: await session(cityAdmin),
      kotim: await session(kotimAdmin),
      moderator: await session(moderator),
      unitManager: await session(unitManager),
      monitor: await session(monitor),
    },
  };
}
