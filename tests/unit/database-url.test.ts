import { describe, expect, it } from "vitest";
import { DatabaseUrlError, parseDatabaseUrl } from "../../db/client";

describe("DATABASE_URL selects the driver", () => {
  it.each([
    [undefined, { driver: "pglite", dataDir: "./data/pglite" }],
    ["", { driver: "pglite", dataDir: "./data/pglite" }],
    ["  ", { driver: "pglite", dataDir: "./data/pglite" }],
    ["pglite:memory", { driver: "pglite", dataDir: null }],
    ["pglite:/tmp/pd", { driver: "pglite", dataDir: "/tmp/pd" }],
    ["pglite:./data/other", { driver: "pglite", dataDir: "./data/other" }],
    ["postgres://postgres@127.0.0.1:5432/test", { driver: "postgres", url: "postgres://postgres@127.0.0.1:5432/test" }],
    ["postgresql://u:p@db/x", { driver: "postgres", url: "postgresql://u:p@db/x" }],
  ])("%j → %j", (value, expected) => {
    expect(parseDatabaseUrl(value)).toEqual(expected);
  });

  it.each(["pglite:", "sqlite:./x.db", "postgres://", "postgres://host-without-db", "http://localhost/db"])(
    "refuses %j",
    (value) => {
      expect(() => parseDatabaseUrl(value)).toThrow(DatabaseUrlError);
    },
  );
});
