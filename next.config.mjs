/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files at run time, and DuckDB a native addon per platform: bundling either breaks it.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "@duckdb/node-api"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
