/**
 * The life cycle of a back-door report (pure; docs/casework.md):
 *
 *   received → triage → needs_info (waiting for the reporter) → verified
 *            → forwarded (to a destination) / handled_internally → closed with an outcome
 *
 * and the time limits that go with it: triage within `triageDays` working days of receipt,
 * follow-up (forwarded or handled internally) within `followUpDays` of verification, closing
 * within `closeDays` of the follow-up. A report that comes back to triage after its first
 * triage decision (the reporter answered, a moderator took it back, or it was reopened) runs
 * a new triage round of `triageDays` from that day, so nothing waits for a moderator without
 * a deadline. Every transition of the product goes through `apply`.
 */
import { addWorkingDays } from "./working-days";

export const REPORT_STATUSES = [
  "received",
  "triage",
  "needs_info",
  "verified",
  "forwarded",
  "handled_internally",
  "closed",
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_OUTCOMES = ["substantiated", "not_substantiated", "out_of_scope", "duplicate", "spam"] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

/** Moves a moderator may make (a closed report can only be reopened). */
export const STAFF_TRANSITIONS: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = {
  received: ["triage", "needs_info", "verified", "closed"],
  triage: ["needs_info", "verified", "closed"],
  needs_info: ["triage", "verified", "closed"],
  verified: ["needs_info", "forwarded", "handled_internally", "closed"],
  forwarded: ["forwarded", "handled_internally", "closed"],
  handled_internally: ["forwarded", "closed"],
  closed: ["triage"],
};

/** Outcomes allowed when closing from each status: "substantiated" needs a verified report. */
export const CLOSING_OUTCOMES: Readonly<Record<ReportStatus, readonly ReportOutcome[]>> = {
  received: ["out_of_scope", "duplicate", "spam"],
  triage: ["not_substantiated", "out_of_scope", "duplicate", "spam"],
  needs_info: ["not_substantiated", "out_of_scope", "duplicate", "spam"],
  verified: ["substantiated", "not_substantiated", "out_of_scope", "duplicate"],
  forwarded: ["substantiated", "not_substantiated"],
  handled_internally: ["substantiated", "not_substantiated"],
  closed: [],
};

export interface SlaSettings {
  triageDays: number;
  followUpDays: number;
  closeDays: number;
}

/** The clock-related fields of a report (all local dates). */
export interface ReportClock {
  status: ReportStatus;
  outcome: ReportOutcome | null;
  receivedOn: string;
  triagedOn: string | null;
  triageDueOn: string;
  verifiedOn: string | null;
  followUpDueOn: string | null;
  followedUpOn: string | null;
  closeDueOn: string | null;
  closedOn: string | null;
}

export type ReportMove =
  | { by: "staff"; to: ReportStatus; outcome?: ReportOutcome }
  /** The reporter answered while the report waited for them: it goes back to triage. */
  | { by: "reporter"; to?: undefined; outcome?: undefined };

export type MoveRefusal = "not_allowed" | "outcome_required" | "outcome_not_allowed";

export type MoveResult = { ok: true; clock: ReportClock } | { ok: false; reason: MoveRefusal };

/** A new report's clock. */
export function receivedClock(today: string, sla: SlaSettings, holidays: ReadonlySet<string>): ReportClock {
  return {
    status: "received",
    outcome: null,
    receivedOn: today,
    triagedOn: null,
    triageDueOn: addWorkingDays(today, sla.triageDays, holidays),
    verifiedOn: null,
    followUpDueOn: null,
    followedUpOn: null,
    closeDueOn: null,
    closedOn: null,
  };
}

export function canMove(from: ReportStatus, to: ReportStatus): boolean {
  return STAFF_TRANSITIONS[from].includes(to);
}

/**
 * May a moderator ask the reporter a question now? Either the report can move to needs_info,
 * or it already waits there (a follow-up question leaves the status as it is).
 */
export function canAskQuestion(status: ReportStatus): boolean {
  return status === "needs_info" || canMove(status, "needs_info");
}

const TRIAGE_DECISIONS: ReadonlySet<ReportStatus> = new Set(["needs_info", "verified", "closed"]);
const FOLLOW_UPS: ReadonlySet<ReportStatus> = new Set(["forwarded", "handled_internally"]);

export function apply(
  clock: ReportClock,
  move: ReportMove,
  today: string,
  sla: SlaSettings,
  holidays: ReadonlySet<string>,
): MoveResult {
  if (move.by === "reporter") {
    if (clock.status !== "needs_info") return { ok: false, reason: "not_allowed" };
    return { ok: true, clock: { ...clock, status: "triage", triageDueOn: addWorkingDays(today, sla.triageDays, holidays) } };
  }
  const { to } = move;
  if (!canMove(clock.status, to)) return { ok: false, reason: "not_allowed" };
  if (to === "closed" && !move.outcome) return { ok: false, reason: "outcome_required" };
  if (to === "closed" && move.outcome && !CLOSING_OUTCOMES[clock.status].includes(move.outcome)) {
    return { ok: false, reason: "outcome_not_allowed" };
  }
  if (to !== "closed" && move.outcome) return { ok: false, reason: "outcome_not_allowed" };

  const next: ReportClock = { ...clock, status: to, outcome: to === "closed" ? (move.outcome ?? null) : null };
  if (TRIAGE_DECISIONS.has(to) && next.triagedOn === null) next.triagedOn = today;
  // Back in triage after a triage decision: a new round with its own deadline (triagedOn
  // keeps the first decision, which is history).
  if (to === "triage" && clock.triagedOn !== null) next.triageDueOn = addWorkingDays(today, sla.triageDays, holidays);
  if (to === "verified" && next.verifiedOn === null) {
    next.verifiedOn = today;
    next.followUpDueOn = addWorkingDays(today, sla.followUpDays, holidays);
  }
  if (FOLLOW_UPS.has(to) && next.followedUpOn === null) {
    next.followedUpOn = today;
    next.closeDueOn = addWorkingDays(today, sla.closeDays, holidays);
  }
  if (to === "closed") next.closedOn = today;
  if (clock.status === "closed") next.closedOn = null; // reopened
  return { ok: true, clock: next };
}

/**
 * The clock with its pending deadlines counted again (after the holidays or the time limits
 * changed). A deadline already met or passed by a decision stays as it was: it is history.
 * A later triage round's deadline also stays: its start is only in the event log, and it is
 * a few working days long (docs/decisions/017).
 */
export function recomputeDeadlines(clock: ReportClock, sla: SlaSettings, holidays: ReadonlySet<string>): ReportClock {
  const next = { ...clock };
  if (clock.triagedOn === null) next.triageDueOn = addWorkingDays(clock.receivedOn, sla.triageDays, holidays);
  if (clock.verifiedOn !== null && clock.followedUpOn === null) next.followUpDueOn = addWorkingDays(clock.verifiedOn, sla.followUpDays, holidays);
  if (clock.followedUpOn !== null && clock.closedOn === null) next.closeDueOn = addWorkingDays(clock.followedUpOn, sla.closeDays, holidays);
  return next;
}

export type DueStage = "triage" | "follow_up" | "close";

/** The deadline the report is running against now, if any. */
export function currentDeadline(clock: ReportClock): { stage: DueStage; dueOn: string } | null {
  switch (clock.status) {
    case "received":
    case "triage":
      // The first round from receipt, or a later round from the day the report came back.
      return { stage: "triage", dueOn: clock.triageDueOn };
    case "needs_info":
      return null; // waiting for the reporter: the clock is theirs
    case "verified":
      return clock.followUpDueOn ? { stage: "follow_up", dueOn: clock.followUpDueOn } : null;
    case "forwarded":
    case "handled_internally":
      return clock.closeDueOn ? { stage: "close", dueOn: clock.closeDueOn } : null;
    case "closed":
      return null;
  }
}

export function isOverdue(clock: ReportClock, today: string): boolean {
  const deadline = currentDeadline(clock);
  return deadline !== null && deadline.dueOn < today;
}

/**
 * Followed up on time (the ZI evidence "reports followed up"): the report was forwarded or
 * handled internally no later than its follow-up deadline. Null when it never needed one
 * (closed before verification: spam, out of scope, duplicate, not substantiated at triage).
 */
export function followedUpOnTime(clock: ReportClock): boolean | null {
  if (clock.verifiedOn === null || clock.followUpDueOn === null) return null;
  return clock.followedUpOn !== null && clock.followedUpOn <= clock.followUpDueOn;
}
