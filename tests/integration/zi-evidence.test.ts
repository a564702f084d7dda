/**
 * The portal's own figures beside the LKE items, and the internal IPAK/IPKP, from real rows:
 * reports about the unit in the year, those resolved (the LKE's figure) and those followed up on
 * time; SKM quarters held (whatever the count) and published (over the disclosure threshold);
 * published suggestions answered; and no internal index below the threshold.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reports, skmSuggestions } from "../../db/schema";
import { storeResponses, type NewResponse } from "~/skm/responses.server";
import { portalEvidence } from "~/zi/evidence.server";
import { internalIndices } from "~/zi/sheets.server";
import { addPerceptionResponses } from "../../scripts/support/dashboards";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/db";
import { regionId, unitId } from "../helpers/staff";

let database: TestDatabase;
let disduk: number;
let dpmptsp: number;

beforeAll(async () => {
  database = await createSeededTestDatabase({ demo: false });
  disduk = await unitId(database.db, "kota-palangka-raya/disdukcapil");
  dpmptsp = await unitId(database.db, "kota-palangka-raya/dpmptsp");
});
afterAll(() => database.drop());

async function report(unit: number, receivedOn: string, clock: { verifiedOn?: string; followUpDueOn?: string; followedUpOn?: string } = {}) {
  await database.db.insert(reports).values({
    reference: randomUUID().slice(0, 8),
    regionId: await regionId(database.db, "kota-palangka-raya"),
    unitId: unit,
    category: "pungli",
    receiptHash: randomUUID(),
    status: clock.followedUpOn ? "forwarded" : clock.verifiedOn ? "verified" : "received",
    receivedOn,
    triageDueOn: receivedOn,
    verifiedOn: clock.verifiedOn ?? null,
    followUpDueOn: clock.followUpDueOn ?? null,
    followedUpOn: clock.followedUpOn ?? null,
  });
}

function ratings(day: string, count: number): NewResponse[] {
  return Array.from({ length: count }, () => ({
    unitId: disduk,
    serviceId: null,
    respondedOn: day,
    source: "paper",
    profileId: "permenpanrb-14-2017",
    sex: null,
    ageBand: null,
    education: null,
    occupation: null,
    answers: { u1: 3, u2: 3, u3: 3, u4: 3, u5: 3, u6: 3, u7: 3, u8: 3, u9: 3 },
  }));
}

describe("ZI evidence from the portal", () => {
  it("counts reports, on-time follow-ups, SKM quarters and answered suggestions of the year", async () => {
    await report(disduk, "2026-02-01");
    await report(disduk, "2026-02-20", { verifiedOn: "2026-02-25", followUpDueOn: "2026-03-10", followedUpOn: "2026-03-09" });
    await report(disduk, "2026-02-21", { verifiedOn: "2026-02-25", followUpDueOn: "2026-03-10", followedUpOn: "2026-03-12" });
    await report(disduk, "2026-03-21", { verifiedOn: "2026-03-25", followUpDueOn: "2026-04-10" });
    await report(disduk, "2025-12-30", { verifiedOn: "2026-01-05", followUpDueOn: "2026-01-20", followedUpOn: "2026-01-10" });
    // Still inside its deadline on the day of the evidence: not yet due.
    await report(disduk, "2026-11-20", { verifiedOn: "2026-11-25", followUpDueOn: "2026-12-02" });
    await report(dpmptsp, "2026-02-01", { verifiedOn: "2026-02-05", followUpDueOn: "2026-02-20", followedUpOn: "2026-02-10" });

    // Due in 2026 on 2026-11-28: the three verified reports past or within a closed deadline
    // (02-20 on time, 02-21 late, 03-21 never followed up); 02-01 was never verified, 11-20 is
    // still inside its deadline, 2025-12-30 was received the year before.
    // Resolved (followed up at all) 2 of 3 = the LKE's share; on time 1 of 3 beside it.
    // SKM: Q1 5 (meets 5); Q2 3 + 3 on two days (6); Q3 4 (under the threshold, still held);
    // Q4 none → held in 3 quarters = B; published for Q1 and Q2.
    const ids = await database.db.transaction(async (tx) => {
      const q1 = await storeResponses(tx, ratings("2026-01-15", 5));
      await storeResponses(tx, [...ratings("2026-04-02", 3), ...ratings("2026-05-02", 3), ...ratings("2026-08-01", 4)]);
      return q1;
    });
    await database.db.insert(skmSuggestions).values([
      { responseId: ids[0]!, unitId: disduk, text: "a", publishedText: "a", status: "published", submittedOn: "2026-01-15", reply: "terima kasih", repliedOn: "2026-01-20" },
      { responseId: ids[1]!, unitId: disduk, text: "b", publishedText: "b", status: "published", submittedOn: "2026-01-15" },
      { responseId: ids[2]!, unitId: disduk, text: "c", status: "pending", submittedOn: "2026-01-15" },
    ]);

    const evidence = await portalEvidence(database.db, disduk, 2026, 5, "2026-11-28");
    expect(evidence).toEqual({
      reportsReceived: 5,
      followUp: { due: 3, resolved: 2, share: 2 / 3, onTime: 1, onTimeShare: 1 / 3 },
      skmQuarters: [1, 2, 3],
      skmGrade: "B",
      publishedQuarters: [1, 2],
      suggestions: { published: 2, answered: 1, share: 0.5 },
    });
    const empty = await portalEvidence(database.db, disduk, 2024, 5, "2026-11-28");
    expect(empty).toEqual({
      reportsReceived: 0,
      followUp: { due: 0, resolved: 0, share: null, onTime: 0, onTimeShare: null },
      skmQuarters: [],
      skmGrade: "E",
      publishedQuarters: [],
      suggestions: { published: 0, answered: 0, share: null },
    });
  });

  it("gives an internal IPAK/IPKP only at or above the disclosure threshold", async () => {
    // Five respondents: every SPAK item mean 5.4 (6, 6, 5, 5, 5) → 5.4 ÷ 6 × 4 = 3.60; every SPKP item 4.8 (5, 5, 5, 5, 4) → 3.20.
    await addPerceptionResponses(database.db, disduk, "2026-06-01", [
      { spak: 6, spkp: 5 },
      { spak: 6, spkp: 5 },
      { spak: 5, spkp: 5 },
      { spak: 5, spkp: 5 },
      { spak: 5, spkp: 4 },
    ]);
    expect(await internalIndices(database.db, disduk, 2026, 5)).toEqual({ ipak: 3.6, ipkp: 3.2 });
    expect(await internalIndices(database.db, disduk, 2026, 6)).toEqual({ ipak: null, ipkp: null });
    expect(await internalIndices(database.db, disduk, 2025, 5)).toEqual({ ipak: null, ipkp: null });
  });
});
