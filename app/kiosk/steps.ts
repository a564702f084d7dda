/**
 * The kiosk's screens, one question each: the service first, the nine unsur, the optional
 * profile questions when the kiosk asks them, and last the optional coercion question (did
 * anyone from the office ask for a good rating or watch?). Pure, shared by the server (the
 * no-JavaScript flow, one page per question) and the browser (the same screens without
 * a round trip).
 */
import { SKM_ELEMENTS } from "../regulation/skm";
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS } from "../skm/form-schema";

export const PROFILE_STEPS = ["sex", "ageBand", "education", "occupation"] as const;
export type KioskStep = "serviceId" | (typeof SKM_ELEMENTS)[number] | (typeof PROFILE_STEPS)[number] | "coercion";

/** After this long without a tap the screen goes back to the start, answers dropped. */
export const IDLE_SECONDS = 45;
/** How long the "selesai" screen stays before the next visitor's start screen. */
export const DONE_SECONDS = 6;
/** The same after a "yes" to the coercion question: time to scan or note the report address. */
export const REPORT_SECONDS = 45;

export const PROFILE_CHOICES: Record<(typeof PROFILE_STEPS)[number], readonly string[]> = {
  sex: ["L", "P"],
  ageBand: AGE_BANDS,
  education: EDUCATIONS,
  occupation: OCCUPATIONS,
};

export function kioskSteps(askProfile: boolean): KioskStep[] {
  return ["serviceId", ...SKM_ELEMENTS, ...(askProfile ? PROFILE_STEPS : []), "coercion"];
}

/** The first screen not answered yet (a skipped profile question counts as answered), or null when all are. */
export function nextStep(steps: readonly KioskStep[], answers: Readonly<Record<string, string>>): KioskStep | null {
  return steps.find((step) => !(step in answers)) ?? null;
}

/** The answers a form carries for these steps, and nothing else. */
export function answersFrom(steps: readonly KioskStep[], read: (name: string) => unknown): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const step of steps) {
    const value = read(step);
    if (typeof value === "string" && value.length <= 20) answers[step] = value;
  }
  return answers;
}

/** A finished set of answers as the rating the server takes: skipped questions left out. */
export function ratingOf(token: string, answers: Readonly<Record<string, string>>): Record<string, string> {
  const rating: Record<string, string> = { token };
  for (const [name, value] of Object.entries(answers)) if (value !== "") rating[name] = value;
  return rating;
}
