// ESLint 9 flat config. eslint-config-next 16 exports ready-made flat config arrays:
// `core-web-vitals` (React, hooks, jsx-a11y, import and Next's own rules) and `typescript`
// (typescript-eslint's recommended set). We spread both and add Penprint's ignores.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // Unused values are mistakes; a leading underscore marks a deliberately unused one.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Playwright fixtures receive a callback named `use`; it is not React's `use` hook.
    files: ["tests/e2e/**/*.ts", "playwright.config.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "data/**",
    "test-results/**",
    "playwright-report/**",
    "blob-report/**",
    "coverage/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "db/migrations/**",
  ]),
]);
