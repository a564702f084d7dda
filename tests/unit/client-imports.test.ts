/**
 * Shared components run in the browser too, where the compiler replaces every `.server`
 * module with an empty one: a value imported from there is undefined after hydration (the
 * "12" of the password hint vanished that way). Types are erased and may come from anywhere.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const FOLDERS = ["app/components", "app/moderation"];

describe("components shown in the browser", () => {
  for (const folder of FOLDERS) {
    // Sections live in per-area folders too (app/components/report/…), so every level is read.
    for (const name of readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((n) => /(?<!\.server)\.tsx?$/.test(n))) {
      it(`${folder}/${name} imports no value from a .server module`, () => {
        const text = readFileSync(path.join(folder, name), "utf8");
        const valueImports = [...text.matchAll(/^import (?!type )[^;]*from "([^"]+\.server)";/gm)].map((m) => m[1]);
        expect(valueImports).toEqual([]);
      });
    }
  }
});
