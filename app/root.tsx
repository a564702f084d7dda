import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { SiteFooter, SiteHeader } from "./components/layout";
import { useNonce } from "./components/nonce";
import { fallbackLanguage, isLanguage } from "./i18n";
import { i18nServer } from "./i18n.server";
import styles from "./styles/app.css";
import { sendClientError } from "./telemetry/beacon.client";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.ico", sizes: "48x48" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// On an error the Layout writes a translated title instead.
export const meta: MetaFunction = ({ error }) => (error ? [] : [{ title: "Pintu Depan" }]);

export const handle = { i18n: ["common"] };

/**
 * What a route's `handle` may say: the translation namespaces it needs, `hydrate: false` for a
 * page complete as HTML that ships no framework, and then `scripts`, the paths of the plain
 * scripts (static files in public/, no build step) that enhance it.
 * scripts/support/hydration.ts reads the same.
 */
export interface PageHandle {
  i18n?: string[];
  hydrate?: boolean;
  scripts?: string[];
}

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await i18nServer.getLocale(request);
  const url = new URL(request.url);
  return { locale, currentPath: url.pathname + url.search };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { i18n } = useTranslation();
  const locale = data?.locale ?? (isLanguage(i18n.language) ? i18n.language : fallbackLanguage);
  const nonce = useNonce();
  const error = useRouteError();
  // Search results and shared links show a description: the site's, unless the page has its
  // own (a route that returns `description` from its loader also puts it in its meta).
  const matches = useMatches();
  const pageData = matches[matches.length - 1]?.data;
  const ownDescription = typeof pageData === "object" && pageData !== null && "description" in pageData;
  const handles = matches.map((match) => match.handle as PageHandle | undefined);
  const hydrate = handles.every((handle) => handle?.hydrate !== false);
  // Without the framework a page may still load a few small plain scripts of its own, named by its route.
  const plainScripts = hydrate ? [] : handles.flatMap((handle) => handle?.scripts ?? []);
  return (
    <html lang={locale} dir={i18n.dir(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b4f6c" />
        {error ? <title>{`${i18n.t(`errors.${errorKind(error)}.title`)} · Pintu Depan`}</title> : null}
        {ownDescription ? null : <meta name="description" content={i18n.t("layout.metaDescription")} />}
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {/* A page whose route says `handle.hydrate: false` is complete as HTML and ships no
            framework: at most the plain scripts its handle lists, which only enhance it. */}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          plainScripts.map((src) => <script key={src} src={src} defer nonce={nonce} />)
        )}
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  useChangeLanguage(data?.locale ?? fallbackLanguage);
  useFocusHeadingOnNavigation();
  // A counter kiosk's screen is the whole screen: no site header, menu or footer to wander into.
  const bare = useMatches().some((match) => (match.handle as { bare?: boolean } | undefined)?.bare === true);
  if (bare) {
    return (
      <main id="main" tabIndex={-1} className="kiosk-main">
        <Outlet />
      </main>
    );
  }
  return (
    <Page currentPath={data?.currentPath ?? "/"}>
      <Outlet />
    </Page>
  );
}

/**
 * After a client-side move to another page (a link, or a form that redirects, like a rating
 * to its thank-you page) focus goes to the new page's heading, as a screen reader user
 * expects from a page load; otherwise it is left on the body. The first render is a real
 * page load and keeps the browser's own focus.
 */
function useFocusHeadingOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const heading = document.querySelector<HTMLElement>("main h1");
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus();
  }, [pathname]);
}

function Page({ currentPath, children }: { currentPath: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("layout.skipToContent")}
      </a>
      <SiteHeader currentPath={currentPath} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const { t } = useTranslation();
  const key = errorKind(error);
  const matches = useMatches();
  const routeId = matches[matches.length - 1]?.id ?? "root";
  useEffect(() => {
    // Errors answered by the server are in its log already; a failure in the browser is not.
    if (isRouteErrorResponse(error) || (error instanceof Error && error.message === SERVER_ERROR_MESSAGE)) return;
    sendClientError("boundary", routeId, error);
  }, [error, routeId]);
  return (
    <Page currentPath={data?.currentPath ?? "/"}>
      <div className="container narrow">
        <h1>{t(`errors.${key}.title`)}</h1>
        <p>{t(`errors.${key}.body`)}</p>
        <p>
          <a href="/">{t("errors.backHome")}</a>
        </p>
      </div>
    </Page>
  );
}

// What Remix puts in the browser for an error the server threw (and logged) in production.
const SERVER_ERROR_MESSAGE = "Unexpected Server Error";

function errorKind(error: unknown): "notFound" | "forbidden" | "badRequest" | "serverError" {
  if (isRouteErrorResponse(error) && error.status === 404) return "notFound";
  if (isRouteErrorResponse(error) && error.status === 403) return "forbidden";
  if (isRouteErrorResponse(error) && error.status >= 400 && error.status < 500) return "badRequest";
  return "serverError";
}
