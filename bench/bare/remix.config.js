/**
 * The bare baseline of `npm run bench`: the smallest Remix v2 app the portal could be (a root
 * with <Scripts/>, one route whose loader returns ten items), built by the same Remix with the
 * same future flags and served by the same express + compression code (bench/bare/server.ts).
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  serverModuleFormat: "esm",
  serverPlatform: "node",
  serverBuildPath: "build/index.js",
  assetsBuildDirectory: "public/build",
  publicPath: "/build/",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
