/**
 * The kiosk's outbox, in the browser: a finished rating is written to localStorage first and
 * sent from there, so a dropped connection loses nothing. Each rating carries a token made on
 * the device; the server stores a token once, so a rating sent again after a lost answer is
 * not counted twice. Browser-only: call from effects and event handlers.
 */

const KEY = "pintu-depan-kiosk-outbox";
const ENDPOINT = "/kiosk/ratings";

export interface QueuedRating {
  token: string;
  rating: Record<string, string>;
}

export function readOutbox(): QueuedRating[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(value) ? (value as QueuedRating[]).filter((item) => typeof item?.token === "string") : [];
  } catch {
    return [];
  }
}

function writeOutbox(items: readonly QueuedRating[]): void {
  window.localStorage.setItem(KEY, JSON.stringify(items));
}

export function enqueue(item: QueuedRating): void {
  const items = readOutbox();
  if (!items.some((queued) => queued.token === item.token)) writeOutbox([...items, item]);
}

function remove(token: string): void {
  writeOutbox(readOutbox().filter((item) => item.token !== token));
}

/** What stopped the sending: nothing left, no network (or a server fault), the device was refused, or the pace limit. */
export type FlushResult = { kind: "empty" } | { kind: "offline" } | { kind: "refused" } | { kind: "wait"; seconds: number };

let running: Promise<FlushResult> | null = null;

/** Sends the queued ratings oldest first, one at a time; one run at a time. */
export function flushOutbox(onPending: (count: number) => void): Promise<FlushResult> {
  running ??= send(onPending).finally(() => {
    running = null;
  });
  return running;
}

async function send(onPending: (count: number) => void): Promise<FlushResult> {
  for (;;) {
    const items = readOutbox();
    onPending(items.length);
    const item = items[0];
    if (!item) return { kind: "empty" };
    let response: Response;
    try {
      response = await fetch(ENDPOINT, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(item.rating),
        credentials: "same-origin",
      });
    } catch {
      return { kind: "offline" };
    }
    if (response.status === 429) return { kind: "wait", seconds: Math.max(1, Number(response.headers.get("Retry-After")) || 5) };
    if (response.status === 403) return { kind: "refused" };
    // Stored, already stored, or a rating the server can never take (a service since removed).
    if (response.ok || response.status === 400) {
      remove(item.token);
      continue;
    }
    return { kind: "offline" };
  }
}

/** A token for one visitor's rating: 32 random bytes, base64url (what the server accepts). */
export function newDeviceToken(): string {
  const bytes = new Uint8Array(32);
  window.crypto.getRandomValues(bytes);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return window.btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
