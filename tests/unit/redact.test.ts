import { describe, expect, it } from "vitest";
import { REDACTED, redact } from "~/moderation/redact";

describe("redact", () => {
  it.each([
    ["Hubungi saya di 081234567890 ya", `Hubungi saya di ${REDACTED} ya`],
    ["WA 0812-3456-7890.", `WA ${REDACTED}.`],
    ["nomor 0812 3456 789", `nomor ${REDACTED}`],
    ["+62 812-3456-7890 atau +6281234567890", `${REDACTED} atau ${REDACTED}`],
    ["(+62) 536 3221234", REDACTED],
    ["6281234567890", REDACTED],
    ["NIK 6271010101010001, KK 6271 0101 0101 0002", `NIK ${REDACTED}, KK ${REDACTED}`],
    ["surel budi.santoso@gmail.com atau Siti_99@palangkaraya.go.id!", `surel ${REDACTED} atau ${REDACTED}!`],
  ])("hides personal data in %j", (input, expected) => {
    const result = redact(input);
    expect(result.text).toBe(expected);
    expect(result.count).toBeGreaterThan(0);
  });

  it.each([
    "Antre 3 jam, ada 62 orang menunggu, nomor antrean 0812.",
    "Biaya Rp 150.000 padahal gratis; tahun 2024 juga begitu.",
    "Datang 08-12-2024 pukul 08.30, loket 2.",
    "Pelayanan cepat dan ramah, terima kasih!",
  ])("leaves ordinary text alone: %j", (input) => {
    expect(redact(input)).toEqual({ text: input, count: 0 });
  });

  it("counts every replacement and is idempotent", () => {
    const once = redact("a@b.id 081234567890 6271010101010001");
    expect(once).toEqual({ text: `${REDACTED} ${REDACTED} ${REDACTED}`, count: 3 });
    expect(redact(once.text)).toEqual({ text: once.text, count: 0 });
  });

  it("does not cut a 17-digit or longer number into a NIK", () => {
    expect(redact("kode 12345678901234567").text).toBe("kode 12345678901234567");
  });
});
