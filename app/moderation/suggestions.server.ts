/**
 * The one module that reads and writes residents' suggestions (skm_suggestions): the
 * moderators' queue, publishing and rejecting, the units' replies, the public list, and the
 * unit's response export. Every change is checked against the policy per item and written in
 * one transaction with its audit record; audit details never hold the suggestion's text.
 */
import { and, asc, between, count, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { regions, services, skmResponses, skmSuggestions, units } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { actingRole } from "../auth/guard.server";
import { can, unitResource, type Action, type Reach } from "../auth/policy";
import { unitsInReach } from "../auth/reach.server";
import type { SignedInStaff } from "../auth/session.server";
import { SKM_ELEMENTS } from "../regulation/skm";
import { localDate } from "../utils/calendar";
import type { Period } from "../skm/periods";
import { redact } from "./redact";
import { PAGE_SIZE, type QueueFilter, type RejectReason } from "./schema";

/** The public page shows at most this many suggestions per period. */
const PUBLIC_LIMIT = 20;

/** Regions and units a moderator can filter by. */
export async function scopeOptions(db: Database, r: Reach) {
  const scope = unitsInReach(r);
  if (scope === null) return { regions: [], units: [] };
  const rows = await db
    .select({ unitId: units.id, unitName: units.name, regionId: regions.id, regionName: regions.name })
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(scope)
    .orderBy(asc(regions.name), asc(units.name));
  const regionList = new Map<number, string>();
  for (const row of rows) regionList.set(row.regionId, row.regionName);
  return {
    regions: [...regionList].map(([id, name]) => ({ id, name })),
    units: rows.map((row) => ({ id: row.unitId, name: row.unitName, regionId: row.regionId, regionName: row.regionName })),
  };
}

const itemColumns = {
  id: skmSuggestions.id,
  text: skmSuggestions.text,
  publishedText: skmSuggestions.publishedText,
  status: skmSuggestions.status,
  submittedOn: skmSuggestions.submittedOn,
  moderatedOn: skmSuggestions.moderatedOn,
  reply: skmSuggestions.reply,
  repliedOn: skmSuggestions.repliedOn,
  unitId: units.id,
  unitName: units.name,
  unitSlug: units.slug,
  regionId: regions.id,
  regionSlug: regions.slug,
  regionName: regions.name,
};

/** One page of the moderation queue, oldest first. */
export async function listQueue(db: Database, r: Reach, filter: QueueFilter) {
  const scope = unitsInReach(r);
  if (scope === null) return { items: [], total: 0 };
  const where = and(
    scope,
    eq(skmSuggestions.status, filter.status),
    filter.regionId === undefined ? undefined : eq(units.regionId, filter.regionId),
    filter.unitId === undefined ? undefined : eq(units.id, filter.unitId),
  );
  const [totalRow] = await db
    .select({ n: count() })
    .from(skmSuggestions)
    .innerJoin(units, eq(units.id, skmSuggestions.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(where);
  const items = await db
    .select(itemColumns)
    .from(skmSuggestions)
    .innerJoin(units, eq(units.id, skmSuggestions.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(where)
    .orderBy(asc(skmSuggestions.id))
    .limit(PAGE_SIZE)
    .offset((filter.page - 1) * PAGE_SIZE);
  return { items: items.map((item) => ({ ...item, redacted: redact(item.text).text })), total: Number(totalRow?.n ?? 0) };
}

/** Published suggestions of the units a manager answers for, newest first. */
export async function listForReply(db: Database, r: Reach, page: number) {
  const scope = unitsInReach(r);
  if (scope === null) return { items: [], total: 0 };
  const where = and(scope, eq(skmSuggestions.status, "published"));
  const [totalRow] = await db
    .select({ n: count() })
    .from(skmSuggestions)
    .innerJoin(units, eq(units.id, skmSuggestions.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(where);
  const items = await db
    .select({ ...itemColumns, text: skmSuggestions.publishedText })
    .from(skmSuggestions)
    .innerJoin(units, eq(units.id, skmSuggestions.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(where)
    .orderBy(desc(skmSuggestions.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return { items, total: Number(totalRow?.n ?? 0) };
}

interface Target {
  id: number;
  text: string;
  status: "pending" | "published" | "rejected";
  unit: { id: number; regionId: number; provinceId: number };
  timeZone: string;
}

async function loadTargets(db: Database, ids: readonly number[]): Promise<Target[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: skmSuggestions.id,
      text: skmSuggestions.text,
      status: skmSuggestions.status,
      unit: { id: units.id, regionId: regions.id, provinceId: regions.provinceId },
      timeZone: regions.timeZone,
    })
    .from(skmSuggestions)
    .innerJoin(units, eq(units.id, skmSuggestions.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(inArray(skmSuggestions.id, [...ids]));
}

export type Outcome = { ok: true; count: number } | { ok: false; status: 400 | 403 | 404; error: string };

/** Every id must exist (else 404) and every item be within the actor's permission (else 403). */
async function authorise(db: Database, signedIn: SignedInStaff, action: Action, ids: readonly number[]) {
  const targets = await loadTargets(db, ids);
  if (targets.length !== new Set(ids).size) return { ok: false as const, status: 404 as const, error: "errors.unknownItem" };
  if (!targets.every((t) => can(signedIn.actor, action, unitResource(t.unit)))) {
    return { ok: false as const, status: 403 as const, error: "errors.outOfScope" };
  }
  return { ok: true as const, targets };
}

/** Thrown inside a transaction to undo it when an item changed under our feet. */
class StaleItem extends Error {}

export type ModerationCommand =
  | { kind: "publish"; id: number; publishedText: string }
  | { kind: "reject"; id: number; reason: RejectReason }
  | { kind: "bulk-publish"; ids: number[] }
  | { kind: "bulk-reject"; ids: number[]; reason: RejectReason };

/**
 * Publishes or rejects suggestions. A single item may be moderated again (to correct a
 * published text, or to withdraw it); a bulk action touches pending items only, all or none.
 */
export async function moderate(db: Database, signedIn: SignedInStaff, command: ModerationCommand): Promise<Outcome> {
  const bulk = command.kind === "bulk-publish" || command.kind === "bulk-reject";
  const ids = bulk ? command.ids : [command.id];
  const allowed = await authorise(db, signedIn, "comment.moderate", ids);
  if (!allowed.ok) return allowed;
  if (bulk && allowed.targets.some((t) => t.status !== "pending")) return { ok: false, status: 400, error: "errors.alreadyModerated" };

  try {
    await db.transaction(async (tx) => {
      for (const target of allowed.targets) {
        const today = localDate(target.timeZone);
        const publish = command.kind === "publish" || command.kind === "bulk-publish";
        const publishedText =
          command.kind === "publish" ? command.publishedText : command.kind === "bulk-publish" ? redact(target.text).text : null;
        const changed = await tx
          .update(skmSuggestions)
          .set({ status: publish ? "published" : "rejected", publishedText, moderatedOn: today })
          .where(and(eq(skmSuggestions.id, target.id), eq(skmSuggestions.status, target.status)))
          .returning({ id: skmSuggestions.id });
        if (changed.length !== 1) throw new StaleItem();
        await recordAudit(tx, {
          actorStaffId: signedIn.id,
          actorRole: actingRole(signedIn, "comment.moderate", unitResource(target.unit)),
          action: publish ? "suggestion.published" : "suggestion.rejected",
          objectType: "suggestion",
          objectId: target.id,
          regionId: target.unit.regionId,
          details: publish
            ? { redacted: publishedText !== target.text.trim(), bulk }
            : { reason: (command as { reason: RejectReason }).reason, redacted: false, bulk },
        });
      }
    });
  } catch (error) {
    if (error instanceof StaleItem) return { ok: false, status: 400, error: "errors.alreadyModerated" };
    throw error;
  }
  return { ok: true, count: allowed.targets.length };
}

/** Sets or replaces the unit's public answer to a published suggestion. */
export async function saveReply(db: Database, signedIn: SignedInStaff, id: number, reply: string): Promise<Outcome> {
  const allowed = await authorise(db, signedIn, "comment.reply", [id]);
  if (!allowed.ok) return allowed;
  const [target] = allowed.targets;
  if (!target || target.status !== "published") return { ok: false, status: 404, error: "errors.unknownItem" };
  try {
    await db.transaction(async (tx) => {
      const [before] = await tx.select({ reply: skmSuggestions.reply }).from(skmSuggestions).where(eq(skmSuggestions.id, id));
      const changed = await tx
        .update(skmSuggestions)
        .set({ reply, repliedOn: localDate(target.timeZone) })
        .where(and(eq(skmSuggestions.id, id), eq(skmSuggestions.status, "published")))
        .returning({ id: skmSuggestions.id });
      if (changed.length !== 1) throw new StaleItem();
      await recordAudit(tx, {
        actorStaffId: signedIn.id,
        actorRole: actingRole(signedIn, "comment.reply", unitResource(target.unit)),
        action: "suggestion.replied",
        objectType: "suggestion",
        objectId: id,
        regionId: target.unit.regionId,
        details: { edited: before?.reply !== null && before?.reply !== undefined },
      });
    });
  } catch (error) {
    if (error instanceof StaleItem) return { ok: false, status: 404, error: "errors.unknownItem" };
    throw error;
  }
  return { ok: true, count: 1 };
}

/**
 * The period's published suggestions of a unit with the unit's replies, newest first: only
 * the moderated text. Call it only for a period whose respondents reach the disclosure threshold.
 */
export async function publishedSuggestions(db: Database, unitId: number, period: Pick<Period, "from" | "to">, limit = PUBLIC_LIMIT) {
  const rows = await db
    .select({
      id: skmSuggestions.id,
      text: skmSuggestions.publishedText,
      submittedOn: skmSuggestions.submittedOn,
      reply: skmSuggestions.reply,
      repliedOn: skmSuggestions.repliedOn,
    })
    .from(skmSuggestions)
    .where(
      and(
        eq(skmSuggestions.unitId, unitId),
        eq(skmSuggestions.status, "published"),
        isNotNull(skmSuggestions.publishedText),
        between(skmSuggestions.submittedOn, period.from, period.to),
      ),
    )
    .orderBy(desc(skmSuggestions.submittedOn), desc(skmSuggestions.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, text: row.text ?? "" }));
}

/** Units a manager answers for, to offer the export of each. */
export async function unitsInScope(db: Database, r: Reach) {
  const scope = unitsInReach(r);
  if (scope === null) return [];
  return db
    .select({ id: units.id, name: units.name, slug: units.slug, regionSlug: regions.slug, timeZone: regions.timeZone })
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(scope)
    .orderBy(asc(units.name));
}

export const EXPORT_COLUMNS = ["date", "service", "sex", "age_band", "education", "occupation", ...SKM_ELEMENTS] as const;

/** The unit's responses between two dates (inclusive), as rows of EXPORT_COLUMNS: no id, no text. */
export async function responsesForExport(db: Database, unitId: number, from: string, to: string): Promise<Array<Array<string | number | null>>> {
  const r = skmResponses;
  const rows = await db
    .select({
      date: r.respondedOn,
      service: services.name,
      sex: r.sex,
      ageBand: r.ageBand,
      education: r.education,
      occupation: r.occupation,
      answers: { u1: r.u1, u2: r.u2, u3: r.u3, u4: r.u4, u5: r.u5, u6: r.u6, u7: r.u7, u8: r.u8, u9: r.u9 },
    })
    .from(r)
    .leftJoin(services, eq(services.id, r.serviceId))
    .where(and(eq(r.unitId, unitId), between(r.respondedOn, from, to)))
    .orderBy(asc(r.respondedOn), asc(r.id));
  return rows.map((row) => [row.date, row.service, row.sex, row.ageBand, row.education, row.occupation, ...SKM_ELEMENTS.map((e) => row.answers[e])]);
}
