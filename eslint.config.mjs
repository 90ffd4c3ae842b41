import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const eslintConfig = [
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // The app icon is a tiny local SVG; next/image adds nothing for it.
      "@next/next/no-img-element": "off",
      // `const { dropped, ...kept } = row` is how a column is left out.
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }],
    },
  },
  {
    // Hook rules are for React code; the server, workers and scripts have functions that merely share hook-like names.
    files: ["server/**", "workers/**", "db/**", "tests/**", "bench/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  { ignores: [".next/**", "node_modules/**", ".data/**", "next-env.d.ts", "e2e/screenshots/**", "bench/results/**", "test-results/**"] },
];

export default eslintConfig;
