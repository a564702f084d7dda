/**
 * Demo back-door reports for the first tenant, in several statuses, so the moderators' queue
 * has something to show. Deterministic content, sealed with the configured keys, no files.
 * Their receipt codes are random and thrown away: nobody can sign in to a demo case.
 */
import { and, eq, sql } from "drizzle-orm";
import { hashReceipt, newReceiptCode } from "../app/reports/receipt.server";
import { sealJson, sealText, type ReportContent } from "../app/reports/sealed.server";
import { apply, receivedClock, type ReportMove, type SlaSettings } from "../app/reports/status-machine";
import { addWorkingDays } from "../app/reports/working-days";
import { localDate } from "../app/utils/calendar";
import type { Secrets } from "../app/utils/secrets.server";
import type { Database } from "#db/client";
import { regions, reportEvents, reportMessages, reports, services, staff, units } from "#db/schema";

type Category = (typeof reports.$inferInsert)["category"];
type Channel = (typeof reports.$inferInsert)["channel"];

interface DemoReport {
  reference: string;
  unit: string;
  service: string | null;
  category: Category;
  /** How it came in, when not the web form: a moderator recorded it. */
  channel?: Channel;
  /** Working days before today that it arrived. */
  receivedAgo: number;
  monthsAgo: number | null;
  content: ReportContent;
  /** Staff moves, each a number of working days after receipt, with the reason the reporter sees. */
  moves: Array<{ after: number; move: ReportMove; reason: string }>;
  question?: string;
}

const DEMO_REPORTS: DemoReport[] = [
  {
    reference: "PD-DEMO-2A01",
    unit: "disdukcapil",
    service: "ktp-el",
    category: "pungli",
    receivedAgo: 1,
    monthsAgo: 0,
    content: {
      narrative: "Saat mengambil KTP-el yang sudah jadi, petugas meminta uang Rp 50.000 \"untuk percepatan\". Tidak ada tanda terima.",
      amountAsked: 50_000,
      officialTariff: 0,
      paid: "yes",
      askedBy: "loket",
    },
    moves: [],
  },
  {
    reference: "PD-DEMO-2A02",
    unit: "dpmptsp",
    service: "pbg",
    category: "calo",
    channel: "phone",
    receivedAgo: 6,
    monthsAgo: 1,
    content: {
      narrative: "Seseorang di depan kantor menawarkan PBG selesai dua minggu dengan biaya Rp 7.500.000, katanya kenal orang dalam.",
      amountAsked: 7_500_000,
      officialTariff: null,
      paid: "no",
      askedBy: "calo",
    },
    moves: [{ after: 2, move: { by: "staff", to: "triage" }, reason: "Laporan Anda sedang ditelaah oleh Inspektorat." }],
  },
  {
    reference: "PD-DEMO-2A03",
    unit: "dishub-pengujian-kendaraan",
    service: "uji-kir",
    category: "suap",
    receivedAgo: 9,
    monthsAgo: 1,
    content: {
      narrative: "Kendaraan saya dinyatakan lulus uji KIR tanpa diperiksa setelah sopir memberi \"uang rokok\" kepada penguji.",
      amountAsked: 100_000,
      officialTariff: 87_000,
      paid: "yes",
      askedBy: "lapangan",
    },
    moves: [
      { after: 2, move: { by: "staff", to: "needs_info" }, reason: "Kami memerlukan keterangan tambahan dari Anda." },
    ],
    question: "Kira-kira pada hari apa dan jam berapa kejadian itu? Apakah ada bukti pembayaran atau foto lokasi?",
  },
  {
    reference: "PD-DEMO-2A04",
    unit: "bapenda",
    service: "bphtb",
    category: "pemerasan",
    receivedAgo: 20,
    monthsAgo: 2,
    content: {
      narrative: "Validasi BPHTB saya ditahan dan petugas bilang baru bisa selesai kalau saya \"mengerti\". Diminta Rp 2.000.000.",
      amountAsked: 2_000_000,
      officialTariff: null,
      paid: "no",
      askedBy: "pejabat",
    },
    moves: [
      { after: 2, move: { by: "staff", to: "triage" }, reason: "Laporan Anda sedang ditelaah." },
      { after: 4, move: { by: "staff", to: "verified" }, reason: "Laporan Anda cukup untuk ditindaklanjuti." },
      { after: 7, move: { by: "staff", to: "forwarded" }, reason: "Laporan diteruskan kepada Inspektorat untuk pemeriksaan." },
    ],
  },
  {
    reference: "PD-DEMO-2A05",
    unit: "puskesmas-pahandut",
    service: null,
    category: "diskriminasi",
    receivedAgo: 30,
    monthsAgo: 2,
    content: {
      narrative: "Antrean rawat jalan diserobot kerabat petugas beberapa kali, sementara warga lain menunggu sejak pagi.",
      amountAsked: null,
      officialTariff: null,
      paid: null,
      askedBy: "loket",
    },
    moves: [
      { after: 1, move: { by: "staff", to: "triage" }, reason: "Laporan Anda sedang ditelaah." },
      { after: 3, move: { by: "staff", to: "verified" }, reason: "Laporan Anda cukup untuk ditindaklanjuti." },
      { after: 5, move: { by: "staff", to: "handled_internally" }, reason: "Kepala Puskesmas diminta menertibkan antrean." },
      {
        after: 12,
        move: { by: "staff", to: "closed", outcome: "substantiated" },
        reason: "Laporan terbukti; antrean kini memakai nomor urut elektronik.",
      },
    ],
  },
  {
    reference: "PD-DEMO-2A06",
    unit: "kecamatan-pahandut",
    service: null,
    category: "lainnya",
    receivedAgo: 15,
    monthsAgo: null,
    content: {
      narrative: "Petugas kecamatan tidak ramah dan lama melayani, tetapi tidak meminta uang apa pun.",
      amountAsked: null,
      officialTariff: null,
      paid: "no",
      askedBy: null,
    },
    moves: [
      {
        after: 1,
        move: { by: "staff", to: "closed", outcome: "out_of_scope" },
        reason: "Ini keluhan layanan, bukan pintu belakang: sampaikan melalui kanal pengaduan unit atau SP4N-LAPOR!.",
      },
    ],
  },
];

function monthStartAgo(today: string, monthsAgo: number): string {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - monthsAgo);
  return d.toISOString().slice(0, 10);
}

function workingDaysAgo(today: string, days: number): string {
  // Walk back until `days` working days lie between the result and today.
  const d = new Date(`${today}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() - 1);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

export async function seedDemoReports(
  tx: Database,
  secrets: Secrets,
  sla: SlaSettings = { triageDays: 3, followUpDays: 5, closeDays: 10 },
  regionSlug = "kota-palangka-raya",
): Promise<number> {
  const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(reports);
  if ((existing?.n ?? 0) > 0) return 0;
  const [region] = await tx.select({ id: regions.id, timeZone: regions.timeZone }).from(regions).where(eq(regions.slug, regionSlug));
  if (!region) return 0;
  const [moderator] = await tx.select({ id: staff.id }).from(staff).where(eq(staff.email, "moderator@demo.pintudepan.id"));
  const today = localDate(region.timeZone);
  const keys = secrets.encryptionKeys;
  const noHolidays = new Set<string>();
  let stored = 0;

  for (const demo of DEMO_REPORTS) {
    const [unit] = await tx.select({ id: units.id }).from(units).where(and(eq(units.regionId, region.id), eq(units.slug, demo.unit)));
    if (!unit) continue;
    const [service] = demo.service
      ? await tx.select({ id: services.id }).from(services).where(and(eq(services.unitId, unit.id), eq(services.slug, demo.service)))
      : [];
    const receivedOn = workingDaysAgo(today, demo.receivedAgo);
    let clock = receivedClock(receivedOn, sla, noHolidays);
    const events: Array<Omit<typeof reportEvents.$inferInsert, "reportId">> = [];
    for (const step of demo.moves) {
      const day = addWorkingDays(receivedOn, step.after, noHolidays);
      const moved = apply(clock, step.move, day, sla, noHolidays);
      if (!moved.ok) throw new Error(`seed: demo report ${demo.reference} cannot move to ${step.move.to}`);
      events.push({ fromStatus: clock.status, toStatus: moved.clock.status, actorStaffId: moderator?.id ?? null, occurredOn: day, publicReason: sealText(step.reason, keys) });
      clock = moved.clock;
    }
    const [report] = await tx
      .insert(reports)
      .values({
        reference: demo.reference,
        regionId: region.id,
        unitId: unit.id,
        serviceId: service?.id ?? null,
        category: demo.category,
        channel: demo.channel ?? "web",
        incidentMonth: demo.monthsAgo === null ? null : monthStartAgo(receivedOn, demo.monthsAgo),
        content: sealJson(demo.content, keys),
        receiptHash: await hashReceipt(newReceiptCode(), secrets.hashKey),
        ...clock,
      })
      .returning({ id: reports.id });
    if (!report) throw new Error("seed: demo report not stored");
    await tx.insert(reportEvents).values([
      { reportId: report.id, fromStatus: null, toStatus: "received", actorStaffId: null, occurredOn: receivedOn },
      ...events.map((e) => ({ ...e, reportId: report.id })),
    ]);
    if (demo.question) {
      const askedOn = events[events.length - 1]?.occurredOn ?? receivedOn;
      await tx
        .insert(reportMessages)
        .values({ reportId: report.id, kind: "question", authorStaffId: moderator?.id ?? null, body: sealText(demo.question, keys), createdOn: askedOn, seq: 1 });
    }
    stored += 1;
  }
  return stored;
}
