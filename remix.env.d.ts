/// <reference types="@remix-run/dev" />
import "@remix-run/node";

declare global {
  interface Window {
    /** Set by Remix's bootstrap script; its version changes with every build. */
    __remixManifest: { version: string };
  }
}

// Types of loader and action data follow the single-fetch behaviour (future.v3_singleFetch).
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
