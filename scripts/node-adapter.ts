/**
 * Between Node's HTTP objects (through Express) and the Fetch API Request/Response that the
 * application handler takes.
 */
import { Readable } from "node:stream";
import { writeReadableStreamToWritable } from "@remix-run/node";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";

export function toFetchRequest(req: ExpressRequest, res: ExpressResponse): Request {
  // Joined as text, not resolved: a target such as "//x" is a path here, never another host.
  const url = new URL(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
}

export async function sendFetchResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.status(response.status);
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.append(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/**
 * The client's address: the socket's, or with `trustProxy` hops of reverse proxies, the
 * X-Forwarded-For entry that the nearest trusted proxy saw.
 */
export function clientAddress(req: ExpressRequest, trustProxy: number): string {
  return forwardedClient(req.get("x-forwarded-for"), req.socket.remoteAddress ?? "unknown", trustProxy);
}

/** The address `trustProxy` hops back in an X-Forwarded-For header, or the socket's. */
export function forwardedClient(forwardedFor: string | null | undefined, socket: string, trustProxy: number): string {
  if (trustProxy === 0) return socket;
  const forwarded = (forwardedFor ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustProxy] ?? forwarded[0] ?? socket;
}
