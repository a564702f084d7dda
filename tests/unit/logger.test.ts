import { pathForLog } from "~/utils/request-handler.server";
import { describe, expect, it } from "vitest";
import { errorForLog, isReportPath } from "~/utils/logger.server";
import { pagePath } from "~/utils/page-path";
import { bodyLimitsFor } from "~/utils/request-guard.server";

describe("errors in logs", () => {
  it("never carry the parameters of a failed query", () => {
    const cause = Object.assign(new Error('invalid input syntax for type integer: "siti@palangkaraya.go.id"'), { code: "22P02" });
    const error = new Error('Failed query: select "id" from "staff" where "email" = $1\nparams: siti@palangkaraya.go.id', { cause });
    const logged = JSON.stringify(errorForLog(error));
    expect(logged).not.toContain("siti@palangkaraya.go.id");
    expect(errorForLog(error)).toMatchObject({ query: 'select "id" from "staff" where "email" = $1', code: "22P02" });
  });

  it("keep only the code and constraint of a database error, whose message may quote input", () => {
    const error = Object.assign(new Error('value too long for type character varying(10): "Rahasia pelapor"'), {
      code: "22001",
      constraint: "some_check",
    });
    const logged = errorForLog(error);
    expect(JSON.stringify(logged)).not.toContain("Rahasia pelapor");
    expect(logged).toMatchObject({ code: "22001", constraint: "some_check" });
  });

  it("keep an ordinary error's message and frames, but not a repeat of the message in the stack", () => {
    const logged = errorForLog(new TypeError("x is not a function"));
    expect(logged).toMatchObject({ name: "TypeError", message: "x is not a function" });
    expect(String(logged.stack)).toMatch(/^\s+at /);
    expect(errorForLog("a string")).toEqual({ message: "non-Error thrown" });
  });
});

describe("request paths in logs", () => {
  it("name no report, file or forward: uuid segments become :id", () => {
    expect(pathForLog("/report/case/files/0b6e2f1a-9c3d-4e5f-8a7b-1c2d3e4f5a6b")).toBe("/report/case/files/:id");
    expect(pathForLog("/staff/reports/0B6E2F1A-9C3D-4E5F-8A7B-1C2D3E4F5A6B/files/0b6e2f1a-9c3d-4e5f-8a7b-1c2d3e4f5a6c")).toBe(
      "/staff/reports/:id/files/:id",
    );
    expect(pathForLog("/units/kota-palangka-raya/disdukcapil")).toBe("/units/kota-palangka-raya/disdukcapil");
  });
});

describe("the report paths", () => {
  it("include Remix's data address, where the form posts with JavaScript", () => {
    for (const path of ["/report", "/report.data", "/report/case", "/report/case.data", "/report/thanks"]) expect(isReportPath(path), path).toBe(true);
    for (const path of ["/", "/reports", "/rate/kota-palangka-raya/disdukcapil", "/staff/reports"]) expect(isReportPath(path), path).toBe(false);
  });

  it("get the report forms' body limits at the data address too", () => {
    const report = { maxFiles: 5, maxFileBytes: 8 * 1024 * 1024 };
    expect(bodyLimitsFor(pagePath("/report.data"), report)).toEqual(bodyLimitsFor("/report", report));
    expect(bodyLimitsFor(pagePath("/report/case.data"), report)).toEqual(bodyLimitsFor("/report/case", report));
    expect(bodyLimitsFor(pagePath("/report.data"), report).multipart).toBe(true);
    expect(pagePath("/_root.data")).toBe("/");
    expect(pagePath("/units/kota-palangka-raya/disdukcapil")).toBe("/units/kota-palangka-raya/disdukcapil");
  });
});
