import { RemixBrowser } from "@remix-run/react";
import i18next, { type BackendModule } from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { i18nConfig } from "./i18n";
import { currentRouteId, sendClientError } from "./telemetry/beacon.client";

window.addEventListener("error", (event) => sendClientError("uncaught", currentRouteId(), event.error));
window.addEventListener("unhandledrejection", (event) => sendClientError("uncaught", currentRouteId(), event.reason));

/**
 * Loads a namespace a client-side navigation needs from /locales/{lng}/{ns} (the build version
 * busts caches when translations change). A few lines instead of a backend library keep the
 * script every page loads small.
 */
const localesBackend: BackendModule = {
  type: "backend",
  init() {},
  read(language, namespace, callback) {
    fetch(`/locales/${language}/${namespace}?v=${window.__remixManifest.version}`)
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`locales answered ${response.status}`))))
      .then(
        (data) => callback(null, data),
        (error: Error) => callback(error, false),
      );
  },
};

async function hydrate() {
  await i18next
    .use(initReactI18next)
    .use(localesBackend)
    .init({
      ...i18nConfig,
      lng: document.documentElement.lang,
      ns: getInitialNamespaces(),
      // A client-side navigation renders routes whose namespaces this page never loaded.
      // Suspending until they arrive keeps the previous page on screen (Remix wraps
      // navigations in a transition) instead of rendering keys where lists are expected.
      // The server has every namespace in memory and never suspends.
      react: { ...i18nConfig.react, useSuspense: true },
    });

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
      // A server page the browser rendered differently (React #418/#423/#425) still works,
      // but it is a defect an operator should hear about.
      // React's default (reporting it to the console) stays, for developers and the browser tests.
      {
        onRecoverableError: (error) => {
          console.error(error);
          sendClientError("hydration", currentRouteId(), error);
        },
      },
    );
  });
}

if (window.requestIdleCallback) window.requestIdleCallback(hydrate);
else window.setTimeout(hydrate, 1);
