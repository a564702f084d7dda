/**
 * The database schema: one source for both drivers (PGlite and postgres.js), one file per
 * area. SQL migrations in db/migrations are generated from it (npm run db:generate); import
 * tables from here (`db/schema`), not from the area files.
 *
 * Organisation model: province → region (a local government, the tenant) → agency
 * (perangkat daerah / OPD) → service unit (what residents visit and rate) → service.
 *
 * The SKM unsur columns (u1–u9) and the perception item columns (a1–a8, q1–q8) are spelled
 * out, not generated from SKM_ELEMENTS (app/regulation/skm.ts) and the perception profile's
 * item lists (app/regulation/perception.ts). Those modules are pure, but db/ is the layer
 * below app/: every storage module in app/ imports this schema, so the schema importing
 * app/ would make the two layers depend on each other, and eslint.config.js forbids any
 * import from app/ in db/. A column change is a migration anyway, never a profile edit;
 * tests/unit/schema-regulation.test.ts checks that the columns and the lists agree.
 */
export * from "./org";
export * from "./staff";
export * from "./security";
export * from "./audit";
export * from "./skm";
export * from "./kiosk";
export * from "./reports";
export * from "./perception";
export * from "./zi";
export * from "./integrity";
export * from "./alerts";
export * from "./jobs";
