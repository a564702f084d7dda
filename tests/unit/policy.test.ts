/**
 * The permission matrix: every actor × action × resource cell is asserted against an
 * explicit expectation, including conflict of interest and cross-region access.
 */
import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  attachedUnits,
  accessNoticeRegions,
  can,
  canApproveAccess,
  grantApprovalRegion,
  grantReadsReports,
  REPORT_CONTENT_ROLES,
  reportReadingRegions,
  reach,
  reachIncludesUnit,
  reportResource,
  reportScope,
  unitResource,
  type Action,
  type Actor,
  type Grant,
  type Resource,
  type ReportScope,
} from "~/auth/policy";

// The world: province 1 (regions 10 and 20), province 2 (region 30).
// Units 100 and 101 in region 10, 200 in region 20, 300 in region 30.
const RESOURCES: Record<string, Resource> = {
  installation: { kind: "installation" },
  P1: { kind: "province", provinceId: 1 },
  P2: { kind: "province", provinceId: 2 },
  R10: { kind: "region", provinceId: 1, regionId: 10 },
  R20: { kind: "region", provinceId: 1, regionId: 20 },
  R30: { kind: "region", provinceId: 2, regionId: 30 },
  U100: { kind: "unit", provinceId: 1, regionId: 10, unitId: 100 },
  U101: { kind: "unit", provinceId: 1, regionId: 10, unitId: 101 },
  U200: { kind: "unit", provinceId: 1, regionId: 20, unitId: 200 },
  U300: { kind: "unit", provinceId: 2, regionId: 30, unitId: 300 },
};
const ALL = Object.keys(RESOURCES);

const grant = (role: Grant["role"], scope: Partial<Omit<Grant, "role">> = {}): Grant => ({
  role,
  provinceId: scope.provinceId ?? null,
  regionId: scope.regionId ?? null,
  unitId: scope.unitId ?? null,
});
const actor = (grants: Grant[], homeUnitId: number | null = null): Actor => ({ staffId: 1, homeUnitId, grants });

const ACTORS: Record<string, Actor> = {
  installationAdmin: actor([grant("admin")]),
  regionAdmin10: actor([grant("admin", { regionId: 10 })]),
  moderator10: actor([grant("moderator", { regionId: 10 })]),
  moderator10HomeUnit100: actor([grant("moderator", { regionId: 10 })], 100),
  moderator10Manager101: actor([grant("moderator", { regionId: 10 }), grant("unit_manager", { unitId: 101 })]),
  unitManager100: actor([grant("unit_manager", { unitId: 100 })], 100),
  evaluator10: actor([grant("evaluator", { regionId: 10 })]),
  provinceMonitor1: actor([grant("province_monitor", { provinceId: 1 })]),
  noRole: actor([]),
};

const REGION_10 = ["R10", "U100", "U101"];
const UNITS_10 = ["U100", "U101"];
const REGIONS_AND_UNITS = ["R10", "R20", "R30", "U100", "U101", "U200", "U300"];
const ALL_UNITS = ["U100", "U101", "U200", "U300"];
const NONE: string[] = [];

/** For each actor and action: the resources it is allowed on. Everything else is denied. */
const EXPECTED: Record<string, Record<Action, string[]>> = {
  installationAdmin: {
    "installation.manage": ["installation", "P1", "P2"],
    "structure.manage": REGIONS_AND_UNITS,
    "staff.manage": ALL,
    "audit.read": ALL,
    "report.read": NONE,
    "report.moderate": NONE,
    "report.forwarded.read": NONE,
    "comment.moderate": NONE,
    "comment.reply": NONE,
    "unit.results.read": ALL_UNITS,
    "skm.import": ALL_UNITS,
    "lke.read": REGIONS_AND_UNITS,
    "lke.edit": NONE,
    "aggregates.read": ALL,
    "integrity.read": NONE,
    "integrity.review": NONE,
    "kiosk.manage": ALL_UNITS,
    "staff.area": ALL,
  },
  regionAdmin10: {
    "installation.manage": NONE,
    "structure.manage": REGION_10,
    "staff.manage": REGION_10,
    "audit.read": REGION_10,
    "report.read": NONE,
    "report.moderate": NONE,
    "report.forwarded.read": NONE,
    "comment.moderate": NONE,
    "comment.reply": NONE,
    "unit.results.read": UNITS_10,
    "skm.import": UNITS_10,
    "lke.read": REGION_10,
    "lke.edit": NONE,
    "aggregates.read": REGION_10,
    "integrity.read": NONE,
    "integrity.review": NONE,
    "kiosk.manage": UNITS_10,
    "staff.area": ALL,
  },
  moderator10: {
    "installation.manage": NONE,
    "structure.manage": NONE,
    "staff.manage": NONE,
    "audit.read": NONE,
    "report.read": REGION_10,
    "report.moderate": REGION_10,
    "report.forwarded.read": NONE,
    "comment.moderate": REGION_10,
    "comment.reply": NONE,
    "unit.results.read": UNITS_10,
    "skm.import": NONE,
    "lke.read": NONE,
    "lke.edit": NONE,
    "aggregates.read": REGION_10,
    "integrity.read": REGION_10,
    "integrity.review": NONE,
    "kiosk.manage": NONE,
    "staff.area": ALL,
  },
  // Conflict of interest: works in unit 100, so never sees reports about it.
  moderator10HomeUnit100: {
    "installation.manage": NONE,
    "structure.manage": NONE,
    "staff.manage": NONE,
    "audit.read": NONE,
    "report.read": ["R10", "U101"],
    "report.moderate": ["R10", "U101"],
    "report.forwarded.read": NONE,
    "comment.moderate": REGION_10,
    "comment.reply": NONE,
    "unit.results.read": UNITS_10,
    "skm.import": NONE,
    "lke.read": NONE,
    "lke.edit": NONE,
    "aggregates.read": REGION_10,
    "integrity.read": REGION_10,
    "integrity.review": NONE,
    "kiosk.manage": NONE,
    "staff.area": ALL,
  },
  // Conflict of interest: manages unit 101.
  moderator10Manager101: {
    "installation.manage": NONE,
    "structure.manage": NONE,
    "staff.manage": NONE,
    "audit.read": NONE,
    "report.read": ["R10", "U100"],
    "report.moderate": ["R10", "U100"],
    "report.forwarded.read": ["U101"],
    "comment.moderate": REGION_10,
    "comment.reply": ["U101"],
    "unit.results.read": UNITS_10,
    "skm.import": ["U101"],
    "lke.read": NONE,
    "lke.edit": NONE,
    "aggregates.read": REGION_10,
    "integrity.read": REGION_10,
    "integrity.review": NONE,
    "kiosk.manage": ["U101"],
    "staff.area": ALL,
  },
  unitManager100: {
    "installation.manage": NONE,
    "structure.manage": NONE,
    "staff.manage": NONE,
    "audit.read": NONE,
    "report.read": NONE,
    "report.moderate": NONE,
    "report.forwarded.read": ["U100"],
    "comment.moderate": NONE,
    "comment.reply": ["U100"],
    "unit.results.read": ["U100"],
    "skm.import": ["U100"],
    "lke.read": NONE,
    "lke.edit": NONE,
    "aggregates.read": ["U100"],
    "integrity.read": NONE,
    "integrity.review": NONE,
    "kiosk.manage": ["U100"],
    "staff.area": ALL,
  },
  evaluator10: {
    "installation.manage": NONE,
    "structure.manage": NONE,
    "staff.manage": NONE,
    "audit.read": NONE,
    "report.read": NONE,
    "report.moderate": NONE,
    "report.forwarded.read": NONE,
    "comment.moderate": NONE,
    "comment.reply": NONE,
    "unit.results.read": UNITS_10,
    "skm.import": NONE,
    "lke.read": REGION_10,
    "lke.edit": REGION_10,
    "aggregates.read": REGION_10,
    "integrity.read": REGION_10,
    "integrity.review": REGION_10,
    "kiosk.manage": NONE,
    "staff.area": ALL,
  },
  provinceMonitor1: {
    "installation.manage": NONE,
    "structure.manage": NONE,
    "staff.manage": NONE,
    "audit.read": NONE,
    "report.read": NONE,
    "report.moderate": NONE,
    "report.forwarded.read": NONE,
    "comment.moderate": NONE,
    "comment.reply": NONE,
    "unit.results.read": NONE,
    "skm.import": NONE,
    "lke.read": NONE,
    "lke.edit": NONE,
    "aggregates.read": ["P1", "R10", "R20", "U100", "U101", "U200"],
    "integrity.read": ["R10", "R20", "U100", "U101", "U200"],
    "integrity.review": NONE,
    "kiosk.manage": NONE,
    "staff.area": ALL,
  },
  noRole: Object.fromEntries(ACTIONS.map((a) => [a, NONE])) as Record<Action, string[]>,
};

describe("policy matrix", () => {
  it("names every action in the expectations", () => {
    for (const [name, byAction] of Object.entries(EXPECTED)) expect(Object.keys(byAction).sort(), name).toEqual([...ACTIONS].sort());
  });

  for (const [actorName, a] of Object.entries(ACTORS)) {
    describe(actorName, () => {
      for (const action of ACTIONS) {
        it(`${action}`, () => {
          const allowed = EXPECTED[actorName]![action];
          const actual = ALL.filter((r) => can(a, action, RESOURCES[r]!));
          expect(actual).toEqual(ALL.filter((r) => allowed.includes(r)));
        });
      }
    });
  }
});

describe("reach (for list queries) agrees with can on every action about data", () => {
  const units = [
    { unitId: 100, regionId: 10, provinceId: 1 },
    { unitId: 101, regionId: 10, provinceId: 1 },
    { unitId: 200, regionId: 20, provinceId: 1 },
    { unitId: 300, regionId: 30, provinceId: 2 },
  ];
  for (const [actorName, a] of Object.entries(ACTORS)) {
    it(actorName, () => {
      for (const action of ACTIONS.filter((x) => x !== "installation.manage" && x !== "staff.area")) {
        const r = reach(a, action);
        for (const unit of units) {
          expect(reachIncludesUnit(r, unit), `${action} unit ${unit.unitId}`).toBe(can(a, action, { kind: "unit", ...unit }));
        }
      }
    });
  }
});

describe("reach of actions that are not about data", () => {
  it("is empty: the installation and the staff area are not lists of units", () => {
    for (const action of ["installation.manage", "staff.area"] as const) {
      const r = reach(ACTORS.installationAdmin!, action);
      expect(r.all || r.regionIds.size + r.unitIds.size + r.provinceIds.size > 0).toBe(false);
    }
  });
});

describe("attachment", () => {
  it("counts the home unit and every managed unit", () => {
    expect([...attachedUnits(ACTORS.moderator10Manager101!)]).toEqual([101]);
    expect([...attachedUnits(actor([grant("unit_manager", { unitId: 5 }), grant("unit_manager", { unitId: 6 })], 7))].sort()).toEqual([5, 6, 7]);
  });
});

/**
 * Does a report scope include this report? The rule of the queue's SQL filter
 * (reportsInScope in app/reports/queue.server.ts), to check scopes against can().
 */
function reportScopeIncludes(scope: ReportScope, report: { regionId: number; unitId: number | null }): boolean {
  if (!scope.regionIds.includes(report.regionId)) return false;
  return report.unitId === null || !scope.excludedUnitIds.includes(report.unitId);
}

describe("the report queue: every persona × report action × report", () => {
  // Reports about unit 100 (the conflicted personas' own unit), unit 101, no unit (region-level)
  // in region 10; unit 200 and no unit in region 20 (another region of the same province); unit 300.
  const REPORTS = {
    own100: { regionId: 10, provinceId: 1, unitId: 100 },
    other101: { regionId: 10, provinceId: 1, unitId: 101 },
    noUnit10: { regionId: 10, provinceId: 1, unitId: null },
    otherRegion200: { regionId: 20, provinceId: 1, unitId: 200 },
    noUnit20: { regionId: 20, provinceId: 1, unitId: null },
    otherProvince300: { regionId: 30, provinceId: 2, unitId: 300 },
  } as const;
  const REGION_10_REPORTS = ["own100", "other101", "noUnit10"];
  /** The reports each persona's queue holds (the same for reading and moderating). */
  const QUEUE: Record<string, string[]> = {
    installationAdmin: [],
    regionAdmin10: [],
    moderator10: REGION_10_REPORTS,
    moderator10HomeUnit100: ["other101", "noUnit10"],
    moderator10Manager101: ["own100", "noUnit10"],
    unitManager100: [],
    evaluator10: [],
    provinceMonitor1: [],
    noRole: [],
  };

  for (const [actorName, a] of Object.entries(ACTORS)) {
    for (const action of ["report.read", "report.moderate"] as const) {
      it(`${actorName} ${action}`, () => {
        const scope = reportScope(a, action);
        const byCan = Object.entries(REPORTS)
          .filter(([, report]) => can(a, action, reportResource(report)))
          .map(([name]) => name);
        const byScope = Object.entries(REPORTS)
          .filter(([, report]) => reportScopeIncludes(scope, report))
          .map(([name]) => name);
        expect(byCan).toEqual(QUEUE[actorName]);
        expect(byScope).toEqual(QUEUE[actorName]);
      });
    }
  }

  it("gives a region-level resource to a report with no unit", () => {
    expect(reportResource(REPORTS.noUnit10)).toEqual({ kind: "region", provinceId: 1, regionId: 10 });
    expect(reportResource(REPORTS.own100)).toEqual({ kind: "unit", provinceId: 1, regionId: 10, unitId: 100 });
  });

  it("gives a unit's resource from the unit as a lookup finds it, whatever else the row holds", () => {
    const unit = { id: 100, slug: "a", name: "A", regionId: 10, provinceId: 1 };
    expect(unitResource(unit)).toEqual({ kind: "unit", provinceId: 1, regionId: 10, unitId: 100 });
  });

  it("lets only a unit's manager read what was forwarded to its head, never the reports themselves", () => {
    for (const [actorName, a] of Object.entries(ACTORS)) {
      const forwardedTo = Object.entries(REPORTS)
        .filter(([, report]) => report.unitId !== null && can(a, "report.forwarded.read", reportResource(report)))
        .map(([name]) => name);
      const expected = actorName === "unitManager100" ? ["own100"] : actorName === "moderator10Manager101" ? ["other101"] : [];
      expect(forwardedTo, actorName).toEqual(expected);
    }
    expect(reportScope(ACTORS.unitManager100!).regionIds).toEqual([]);
  });
});

describe("insiders: report access needs someone who already has it", () => {
  const admin10 = (staffId: number): Actor => ({ staffId, homeUnitId: null, grants: [grant("admin", { regionId: 10 })] });
  const moderator10 = (staffId: number): Actor => ({ staffId, homeUnitId: null, grants: [grant("moderator", { regionId: 10 })] });

  // Units 100 and 101 are in region 10, 200 in region 20.
  const unitRegion = (unitId: number) => ({ 100: 10, 101: 10, 200: 20 })[unitId];

  it("counts the roles that open any report content: moderators, and unit managers (forwarded cases)", () => {
    expect([...REPORT_CONTENT_ROLES]).toEqual(["moderator", "unit_manager"]);
    expect(grantReadsReports(grant("moderator", { regionId: 10 }))).toBe(true);
    expect(grantReadsReports(grant("unit_manager", { unitId: 100 }))).toBe(true);
    for (const role of ["admin", "evaluator", "province_monitor"] as const) expect(grantReadsReports(grant(role))).toBe(false);
  });

  it("sends a unit manager grant to the moderators of the unit's region, and lets other grants through", () => {
    expect(grantApprovalRegion(grant("moderator", { regionId: 10 }), unitRegion)).toBe(10);
    expect(grantApprovalRegion(grant("unit_manager", { unitId: 200 }), unitRegion)).toBe(20);
    expect(grantApprovalRegion(grant("unit_manager", { unitId: 999 }), unitRegion)).toBeNull();
    expect(grantApprovalRegion(grant("admin", { regionId: 10 }), unitRegion)).toBeNull();
    expect(grantApprovalRegion(grant("evaluator", { regionId: 10 }), unitRegion)).toBeNull();
  });

  it("never lets an admin, of a region or of the installation, reach report content", () => {
    for (const admin of [ACTORS.installationAdmin!, ACTORS.regionAdmin10!]) {
      for (const key of ALL) {
        expect(can(admin, "report.read", RESOURCES[key]!)).toBe(false);
        expect(can(admin, "report.moderate", RESOURCES[key]!)).toBe(false);
      }
      expect(reportScope(admin).regionIds).toEqual([]);
      expect(accessNoticeRegions(admin)).toEqual([]);
    }
  });

  it("sockpuppet: the admin's second account, invited as moderator, cannot approve its own grant, nor can the admin", () => {
    // Staff 1 is the region admin, 2 their second address (no role until approved).
    const sockpuppet: Actor = { staffId: 2, homeUnitId: null, grants: [] };
    const request = { targetStaffId: 2, requestedByStaffId: 1, regionId: 10 };
    expect(canApproveAccess(admin10(1), request)).toBe(false);
    expect(canApproveAccess(sockpuppet, request)).toBe(false);
    // Even an installation admin cannot.
    expect(canApproveAccess({ ...ACTORS.installationAdmin!, staffId: 3 }, request)).toBe(false);
    // A moderator of another region cannot; a moderator of the region can.
    expect(canApproveAccess({ staffId: 4, homeUnitId: null, grants: [grant("moderator", { regionId: 20 })] }, request)).toBe(false);
    expect(canApproveAccess(moderator10(5), request)).toBe(true);
  });

  it("sockpuppet: the admin's second account, invited as unit manager, waits for a moderator of the unit's region", () => {
    const sockpuppet: Actor = { staffId: 2, homeUnitId: null, grants: [] };
    const request = { targetStaffId: 2, requestedByStaffId: 1, regionId: grantApprovalRegion(grant("unit_manager", { unitId: 100 }), unitRegion)! };
    expect(request.regionId).toBe(10);
    expect(canApproveAccess(admin10(1), request)).toBe(false);
    expect(canApproveAccess(sockpuppet, request)).toBe(false);
    // Another unit manager of the region receives forwarded cases but does not read reports.
    expect(canApproveAccess({ ...ACTORS.unitManager100!, staffId: 3 }, request)).toBe(false);
    expect(canApproveAccess(moderator10(5), request)).toBe(true);
  });

  it("reset: nobody approves a reset about themselves or one they asked for, even when they read reports", () => {
    // Staff 6 is a real moderator whose password the admin (1) wants to reset.
    const target: Actor = moderator10(6);
    expect(reportReadingRegions(target, unitRegion)).toEqual([10]);
    const request = { targetStaffId: 6, requestedByStaffId: 1, regionId: 10 };
    expect(canApproveAccess(admin10(1), request)).toBe(false);
    expect(canApproveAccess(target, request)).toBe(false);
    // An admin who is also a moderator of the region still cannot approve their own request.
    const adminModerator: Actor = { staffId: 7, homeUnitId: null, grants: [grant("admin", { regionId: 10 }), grant("moderator", { regionId: 10 })] };
    expect(canApproveAccess(adminModerator, { ...request, requestedByStaffId: 7 })).toBe(false);
    expect(canApproveAccess(moderator10(8), request)).toBe(true);
    // A moderator with a conflict of interest about some unit still reads the region's reports.
    expect(canApproveAccess({ staffId: 9, homeUnitId: 100, grants: [grant("moderator", { regionId: 10 })] }, request)).toBe(true);
  });

  it("reset: a unit manager's reset waits for a moderator of the unit's region", () => {
    const target: Actor = { staffId: 6, homeUnitId: 200, grants: [grant("unit_manager", { unitId: 200 })] };
    expect(reportReadingRegions(target, unitRegion)).toEqual([20]);
    const request = { targetStaffId: 6, requestedByStaffId: 1, regionId: 20 };
    expect(canApproveAccess(ACTORS.installationAdmin!, request)).toBe(false);
    expect(canApproveAccess(target, request)).toBe(false);
    expect(canApproveAccess(moderator10(8), request)).toBe(false);
    expect(canApproveAccess({ staffId: 8, homeUnitId: null, grants: [grant("moderator", { regionId: 20 })] }, request)).toBe(true);
  });

  it("finds every region someone opens report content in, and nothing for other roles", () => {
    const both: Actor = { staffId: 1, homeUnitId: null, grants: [grant("moderator", { regionId: 20 }), grant("admin"), grant("moderator", { regionId: 10 })] };
    expect(reportReadingRegions(both, unitRegion)).toEqual([10, 20]);
    expect(reportReadingRegions(ACTORS.installationAdmin!, unitRegion)).toEqual([]);
    expect(reportReadingRegions(ACTORS.evaluator10!, unitRegion)).toEqual([]);
    expect(reportReadingRegions(ACTORS.unitManager100!, unitRegion)).toEqual([10]);
    expect(reportReadingRegions(ACTORS.moderator10Manager101!, unitRegion)).toEqual([10]);
  });
});
