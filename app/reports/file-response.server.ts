/**
 * How evidence files leave the server: never cached, never sniffed into something else, shown
 * inline only when they are the images the portal itself re-encoded. Used by the reporter's
 * and the moderators' file routes alike.
 */
import { isRedactable } from "./redaction.server";

export function fileResponse(file: { mediaType: string; bytes: Buffer }): Response {
  const image = isRedactable(file.mediaType);
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      "Content-Type": image ? file.mediaType : "application/octet-stream",
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": image ? "inline" : "attachment",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      // Opened on its own, the file can run nothing and tell no other site where it came from.
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "Referrer-Policy": "no-referrer",
    },
  });
}
