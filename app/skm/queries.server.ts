/** The services of a unit, for imports and benchmarks. */
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { services } from "../../db/schema";

export async function unitServices(db: Database, unitId: number) {
  return db.select({ id: services.id, slug: services.slug, name: services.name }).from(services).where(eq(services.unitId, unitId));
}
