import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/*
 * Layers. db/ is the bottom: the client, the schema and the migrations, importing nothing of
 * the project. app/ sits on db/; seed/, scripts/, bench/ and tests/ sit on both. Inside app/,
 * the area folders are domain modules (no React, no Remix); routes/ and components/ render,
 * and the files at app/'s root are the framework's entry points.
 * The layer rules use @typescript-eslint/no-restricted-imports so that they add to, rather
 * than replace, the no-restricted-imports settings of the other blocks.
 */
const DOMAIN_FOLDERS = [
  "audit",
  "auth",
  "dashboards",
  "moderation",
  "opendata",
  "org",
  "perception",
  "publication",
  "regulation",
  "reports",
  "security",
  "skm",
  "stats",
  "telemetry",
  "utils",
  "zi",
];
/** An import of one of these top-level folders, by alias or by a relative path. */
const importOf = (...folders) => `^(?:#(?:${folders.join("|")})|(?:\\.\\./)+(?:${folders.join("|")}))(?:/|$)`;
const appImportsNoSeedOrTests = {
  regex: importOf("seed", "tests"),
  message: "app/ runs in production: it imports neither the seed nor the tests.",
};
const domainImportsNoUi = {
  regex: "^(?:~|#app|(?:\\.\\./)*\\.\\.)/(?:routes|components)(?:/|$)",
  message: "Domain modules sit below the pages: routes and components import them, never the reverse.",
};
const domainImportsNoReact = [
  { name: "react", message: "Domain modules render nothing: React code belongs in app/components or app/routes." },
  { name: "react-dom", message: "Domain modules render nothing: React code belongs in app/components or app/routes." },
  { name: "react-i18next", message: "Domain modules render nothing: translate in app/components or app/routes." },
  { name: "remix-i18next", message: "Domain modules do not depend on the framework: use it in app/routes or app/i18n.server.ts." },
  {
    name: "@conform-to/react",
    allowTypeImports: true,
    message: "Domain modules render nothing: form hooks belong in app/components or app/routes (its types may be used).",
  },
];
const domainImportsNoReactPatterns = [
  { group: ["react/*", "react-dom/*"], message: "Domain modules render nothing: React code belongs in app/components or app/routes." },
];
const domainImportsNoRemix = { group: ["@remix-run/*"], message: "Domain modules do not depend on the framework: keep Remix in app/routes." };

export default tseslint.config(
  { ignores: ["build/", "public/build/", "node_modules/", "data/", "tests/.tmp/", "db/migrations/", "bench/bare/build/", "bench/bare/public/build/", "bench/.tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    settings: { react: { version: "18" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.strict.rules,
      "react/prop-types": "off",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["error", "warn"] }],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@conform-to/zod",
              importNames: ["parseWithZod"],
              message: "Use parseWithZod from ~/utils/form-rows: it drops fields with absurd row numbers first.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/utils/form-rows.ts", "tests/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Command-line scripts and tests talk to a terminal.
    files: ["scripts/**", "tests/**", "bench/**"],
    rules: { "no-console": "off" },
  },
  {
    files: ["app/**"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [appImportsNoSeedOrTests] }] },
  },
  {
    files: DOMAIN_FOLDERS.map((folder) => `app/${folder}/**`),
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: domainImportsNoReact,
          patterns: [appImportsNoSeedOrTests, domainImportsNoUi, ...domainImportsNoReactPatterns, domainImportsNoRemix],
        },
      ],
    },
  },
  {
    // The server edge of a few areas still uses Remix's server runtime (never React): the
    // signed cookies of the staff session, the login step and the perception ticket
    // (createCookie), the redirect to the login page, the multipart parsing of report files,
    // the action result of the staff forms (data), and the request handler and load
    // context that connect the framework to the app.
    files: [
      "app/auth/guard.server.ts",
      "app/auth/login.server.ts",
      "app/auth/session.server.ts",
      "app/utils/form-result.server.ts",
      "app/perception/offer.server.ts",
      "app/reports/attachments.server.ts",
      "app/utils/context.server.ts",
      "app/utils/request-handler.server.ts",
    ],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { paths: domainImportsNoReact, patterns: [appImportsNoSeedOrTests, domainImportsNoUi, ...domainImportsNoReactPatterns] },
      ],
    },
  },
  {
    // db/ is the bottom layer: the app and the seed import it, so it imports neither.
    files: ["db/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `^~(?:/|$)|${importOf("app", "seed", "tests")}`,
              message: "db/ is the bottom layer (client, schema, migrations): it imports nothing from app/, seed/ or tests/.",
            },
          ],
        },
      ],
    },
  },
  {
    // Benchmarks share what they need with the tests through scripts/support, never the test
    // suite itself; scripts/support, which both use, imports nothing from tests/ either.
    files: ["bench/**", "scripts/support/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ regex: importOf("tests"), message: "bench/ and scripts/support import nothing from tests/: what benchmarks and tests share lives in scripts/support." }] },
      ],
    },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { globals: globals.node },
  },
  {
    // Plain scripts some lean pages load as they are, with no build step: browser globals
    // only, a classic script in ES2017 (docs/performance.md, "Lean pages").
    files: ["public/enhance/**/*.js"],
    languageOptions: { ecmaVersion: 2017, sourceType: "script", globals: globals.browser },
  },
);
