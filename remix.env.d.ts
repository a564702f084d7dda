/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

interface Window {
  /** Set by Remix's bootstrap script; its version changes with every build. */
  __remixManifest: { version: string };
}
