/**
 * The report status machine: every (from, to) pair against an explicit table, closing
 * outcomes per status, the reporter's reply, and the clock (dates, overdue, on time).
 */
import { describe, expect, it } from "vitest";
import {
  CLOSING_OUTCOMES,
  REPORT_OUTCOMES,
  REPORT_STATUSES,
  apply,
  canAskQuestion,
  canMove,
  currentDeadline,
  followedUpOnTime,
  isOverdue,
  receivedClock,
  recomputeDeadlines,
  type ReportClock,
  type ReportOutcome,
  type ReportStatus,
} from "~/reports/status-machine";

const SLA = { triageDays: 3, followUpDays: 5, closeDays: 10 };
const NO_HOLIDAYS = new Set<string>();

// Rows: from; columns in REPORT_STATUSES order:
//            received triage needs_info verified forwarded handled_int closed
const ALLOWED: Record<ReportStatus, readonly number[]> = {
  received: /*           */ [0, 1, 1, 1, 0, 0, 1],
  triage: /*             */ [0, 0, 1, 1, 0, 0, 1],
  needs_info: /*         */ [0, 1, 0, 1, 0, 0, 1],
  verified: /*           */ [0, 0, 1, 0, 1, 1, 1],
  forwarded: /*          */ [0, 0, 0, 0, 1, 1, 1],
  handled_internally: /* */ [0, 0, 0, 0, 1, 0, 1],
  closed: /*             */ [0, 1, 0, 0, 0, 0, 0],
};

const OUTCOMES: Record<ReportStatus, readonly ReportOutcome[]> = {
  received: ["out_of_scope", "duplicate", "spam"],
  triage: ["not_substantiated", "out_of_scope", "duplicate", "spam"],
  needs_info: ["not_substantiated", "out_of_scope", "duplicate", "spam"],
  verified: ["substantiated", "not_substantiated", "out_of_scope", "duplicate"],
  forwarded: ["substantiated", "not_substantiated"],
  handled_internally: ["substantiated", "not_substantiated"],
  closed: [],
};

/** A clock in a given status (dates are irrelevant to whether a move is allowed). */
function clockIn(status: ReportStatus): ReportClock {
  return { ...receivedClock("2026-08-10", SLA, NO_HOLIDAYS), status, outcome: status === "closed" ? "spam" : null };
}

describe("transitions", () => {
  for (const from of REPORT_STATUSES) {
    for (const [column, to] of REPORT_STATUSES.entries()) {
      const allowed = ALLOWED[from][column] === 1;
      it(`${from} → ${to} is ${allowed ? "allowed" : "forbidden"}`, () => {
        expect(canMove(from, to)).toBe(allowed);
        const outcome = to === "closed" ? OUTCOMES[from][0] : undefined;
        const result = apply(clockIn(from), { by: "staff", to, outcome }, "2026-08-11", SLA, NO_HOLIDAYS);
        expect(result.ok).toBe(allowed);
        if (result.ok) expect(result.clock.status).toBe(to);
        else expect(result.reason).toBe("not_allowed");
      });
    }
  }
});

describe("closing outcomes", () => {
  for (const from of REPORT_STATUSES.filter((s) => canMove(s, "closed"))) {
    it(`from ${from}: ${OUTCOMES[from].join(", ")}`, () => {
      expect([...CLOSING_OUTCOMES[from]].sort()).toEqual([...OUTCOMES[from]].sort());
      for (const outcome of REPORT_OUTCOMES) {
        const result = apply(clockIn(from), { by: "staff", to: "closed", outcome }, "2026-08-11", SLA, NO_HOLIDAYS);
        if (OUTCOMES[from].includes(outcome)) {
          expect(result).toMatchObject({ ok: true, clock: { status: "closed", outcome, closedOn: "2026-08-11" } });
        } else {
          expect(result).toEqual({ ok: false, reason: "outcome_not_allowed" });
        }
      }
    });
  }

  it("requires an outcome to close, and refuses one for any other move", () => {
    expect(apply(clockIn("triage"), { by: "staff", to: "closed" }, "2026-08-11", SLA, NO_HOLIDAYS)).toEqual({ ok: false, reason: "outcome_required" });
    expect(apply(clockIn("triage"), { by: "staff", to: "verified", outcome: "spam" }, "2026-08-11", SLA, NO_HOLIDAYS)).toEqual({
      ok: false,
      reason: "outcome_not_allowed",
    });
  });
});

describe("the reporter's reply", () => {
  for (const from of REPORT_STATUSES) {
    it(`from ${from} is ${from === "needs_info" ? "accepted (back to triage)" : "refused"}`, () => {
      const result = apply(clockIn(from), { by: "reporter" }, "2026-08-11", SLA, NO_HOLIDAYS);
      if (from === "needs_info") expect(result).toMatchObject({ ok: true, clock: { status: "triage" } });
      else expect(result).toEqual({ ok: false, reason: "not_allowed" });
    });
  }

  it("questions may be asked wherever needs_info is reachable, or again while waiting", () => {
    expect(REPORT_STATUSES.filter(canAskQuestion)).toEqual(["received", "triage", "needs_info", "verified"]);
  });
});

describe("the clock", () => {
  it("sets the triage deadline on receipt, across a weekend", () => {
    // Thursday + 3 working days → Tuesday.
    const clock = receivedClock("2026-08-13", SLA, NO_HOLIDAYS);
    expect(clock).toMatchObject({ status: "received", receivedOn: "2026-08-13", triageDueOn: "2026-08-18", triagedOn: null });
    expect(currentDeadline(clock)).toEqual({ stage: "triage", dueOn: "2026-08-18" });
  });

  it("moves a deadline by the holidays it crosses", () => {
    // Independence Day (Monday 17 August) pushes Tuesday to Wednesday.
    expect(receivedClock("2026-08-13", SLA, new Set(["2026-08-17"])).triageDueOn).toBe("2026-08-19");
  });

  it("dates triage, verification (follow-up due) and follow-up (close due), each once", () => {
    const holidays = new Set(["2026-08-17"]);
    let clock = receivedClock("2026-08-10", SLA, holidays);
    const step = (to: ReportStatus, today: string, outcome?: ReportOutcome) => {
      const result = apply(clock, { by: "staff", to, outcome }, today, SLA, holidays);
      if (!result.ok) throw new Error(result.reason);
      clock = result.clock;
    };
    step("triage", "2026-08-11");
    expect(clock.triagedOn).toBeNull(); // picking a report up is not a triage decision
    step("needs_info", "2026-08-12");
    expect(clock.triagedOn).toBe("2026-08-12");
    expect(currentDeadline(clock)).toBeNull(); // the reporter's turn
    clock = (apply(clock, { by: "reporter" }, "2026-08-13", SLA, holidays) as { ok: true; clock: ReportClock }).clock;
    // The reply (Thursday 13) starts a new triage round: 3 working days, over the weekend and
    // the 17th → Wednesday 19.
    expect(clock).toMatchObject({ status: "triage", triagedOn: "2026-08-12", triageDueOn: "2026-08-19" });
    expect(currentDeadline(clock)).toEqual({ stage: "triage", dueOn: "2026-08-19" });
    expect(isOverdue(clock, "2026-08-20")).toBe(true);
    // Verified on Friday 14 → 5 working days skipping the weekend and the 17th → Monday 24.
    step("verified", "2026-08-14");
    expect(clock).toMatchObject({ triagedOn: "2026-08-12", verifiedOn: "2026-08-14", followUpDueOn: "2026-08-24" });
    expect(currentDeadline(clock)).toEqual({ stage: "follow_up", dueOn: "2026-08-24" });
    step("forwarded", "2026-08-20");
    // 10 working days after Thursday 20 → Thursday 3 September.
    expect(clock).toMatchObject({ followedUpOn: "2026-08-20", closeDueOn: "2026-09-03" });
    expect(currentDeadline(clock)).toEqual({ stage: "close", dueOn: "2026-09-03" });
    step("handled_internally", "2026-08-25");
    expect(clock).toMatchObject({ followedUpOn: "2026-08-20", closeDueOn: "2026-09-03" });
    step("closed", "2026-08-31", "substantiated");
    expect(clock).toMatchObject({ status: "closed", outcome: "substantiated", closedOn: "2026-08-31" });
    expect(currentDeadline(clock)).toBeNull();
    expect(followedUpOnTime(clock)).toBe(true);
  });

  it("reopens a closed report into triage, clearing the outcome and the closing day", () => {
    const closed = apply(receivedClock("2026-08-10", SLA, NO_HOLIDAYS), { by: "staff", to: "closed", outcome: "spam" }, "2026-08-11", SLA, NO_HOLIDAYS);
    if (!closed.ok) throw new Error(closed.reason);
    const reopened = apply(closed.clock, { by: "staff", to: "triage" }, "2026-08-12", SLA, NO_HOLIDAYS);
    // The first decision stays history; the reopened report runs a new triage round.
    expect(reopened).toMatchObject({ ok: true, clock: { status: "triage", outcome: null, closedOn: null, triagedOn: "2026-08-11", triageDueOn: "2026-08-17" } });
  });

  it("gives a report a moderator takes back from the reporter a new triage deadline too", () => {
    const asked = apply(receivedClock("2026-08-03", SLA, NO_HOLIDAYS), { by: "staff", to: "needs_info" }, "2026-08-04", SLA, NO_HOLIDAYS);
    if (!asked.ok) throw new Error(asked.reason);
    const back = apply(asked.clock, { by: "staff", to: "triage" }, "2026-08-20", SLA, NO_HOLIDAYS);
    expect(back).toMatchObject({ ok: true, clock: { triagedOn: "2026-08-04", triageDueOn: "2026-08-25" } });
    if (back.ok) expect(currentDeadline(back.clock)).toEqual({ stage: "triage", dueOn: "2026-08-25" });
  });

  it("is overdue only after the due day, and never while waiting for the reporter or closed", () => {
    const clock = receivedClock("2026-08-13", SLA, NO_HOLIDAYS); // due 2026-08-18
    expect(isOverdue(clock, "2026-08-18")).toBe(false);
    expect(isOverdue(clock, "2026-08-19")).toBe(true);
    expect(isOverdue({ ...clock, status: "needs_info" }, "2026-12-31")).toBe(false);
    expect(isOverdue({ ...clock, status: "closed", outcome: "spam", closedOn: "2026-08-14" }, "2026-12-31")).toBe(false);
  });

  it("followedUpOnTime: null before verification, false when late or missing, true when on time", () => {
    const base = receivedClock("2026-08-10", SLA, NO_HOLIDAYS);
    expect(followedUpOnTime(base)).toBeNull();
    const verified = { ...base, status: "verified" as const, verifiedOn: "2026-08-12", followUpDueOn: "2026-08-19" };
    expect(followedUpOnTime(verified)).toBe(false);
    expect(followedUpOnTime({ ...verified, status: "forwarded", followedUpOn: "2026-08-19" })).toBe(true);
    expect(followedUpOnTime({ ...verified, status: "forwarded", followedUpOn: "2026-08-20" })).toBe(false);
  });
});

describe("recomputeDeadlines", () => {
  const holiday = new Set(["2026-08-17"]);
  it("moves pending deadlines over a new holiday", () => {
    const clock = receivedClock("2026-08-13", SLA, NO_HOLIDAYS);
    expect(recomputeDeadlines(clock, SLA, holiday).triageDueOn).toBe("2026-08-19");
    const verified = { ...clock, status: "verified" as const, triagedOn: "2026-08-13", verifiedOn: "2026-08-13", followUpDueOn: "2026-08-20" };
    expect(recomputeDeadlines(verified, SLA, holiday)).toMatchObject({ triageDueOn: "2026-08-18", followUpDueOn: "2026-08-21" });
    const followed = { ...verified, status: "forwarded" as const, followedUpOn: "2026-08-14", closeDueOn: "2026-08-28" };
    expect(recomputeDeadlines(followed, SLA, holiday)).toMatchObject({ followUpDueOn: "2026-08-20", closeDueOn: "2026-08-31" });
  });

  it("leaves a closed report's dates alone", () => {
    const closed = {
      ...receivedClock("2026-08-13", SLA, NO_HOLIDAYS),
      status: "closed" as const,
      outcome: "substantiated" as const,
      triagedOn: "2026-08-13",
      verifiedOn: "2026-08-13",
      followUpDueOn: "2026-08-20",
      followedUpOn: "2026-08-14",
      closeDueOn: "2026-08-28",
      closedOn: "2026-08-20",
    };
    expect(recomputeDeadlines(closed, SLA, holiday)).toEqual(closed);
  });
});
