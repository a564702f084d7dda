/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  serverBuildPath: "build/index.js",
  assetsBuildDirectory: "public/build",
  publicPath: "/build/",
  // Translations and the database layer live outside app/ but are bundled into the server.
  watchPaths: ["locales/**/*.json", "db/**/*.ts"],
  // The domain code is plain TypeScript; these future flags keep the route
  // conventions identical to the framework's successor so a move stays mechanical.
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
