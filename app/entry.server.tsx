import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type EntryContext, type HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import type { AppLoadContext } from "@remix-run/server-runtime";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { NonceProvider } from "./components/nonce";
import { i18nServer, translationsFor } from "./i18n.server";
import { noteDatabaseUnavailable } from "./utils/db-errors.server";
import { errorForLog } from "./utils/logger.server";
import { applySecurityHeaders } from "./utils/security-headers.server";

export const streamTimeout = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const i18n = await translationsFor(await i18nServer.getLocale(request));

  const nonce = loadContext.cspNonce;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          responseHeaders.append("Vary", "Cookie, Accept-Language");
          applySecurityHeaders(responseHeaders, nonce, { captcha: loadContext.config.captcha !== null });
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are reported by handleError; before it, reject above.
          if (shellRendered) loadContext.log.error({ err: errorForLog(error) }, "render error");
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  // A client that went away is not an error of ours.
  if (request.signal.aborted) return;
  // The request handler turns this request's 500 into a 503 (see request-handler.server.ts).
  if (context) noteDatabaseUnavailable(context, error);
  const log = (context as AppLoadContext | undefined)?.log;
  const entry = { err: errorForLog(error), method: request.method, path: new URL(request.url).pathname };
  if (log) log.error(entry, "unhandled error");
  else console.error(JSON.stringify({ level: "error", msg: "unhandled error", ...entry }));
};
