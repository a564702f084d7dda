import { defineConfig } from "drizzle-kit";

// Only used to generate SQL migrations from db/schema.ts; it never connects to a database.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
