#!/usr/bin/env node
// The `mmr` command: the CLI is TypeScript, so register tsx's loader and run it without a build step.
import { register } from "tsx/esm/api";

// The CLI needs no tsconfig (its `@/` imports are type-only); not reading one keeps a stray tsconfig in the caller's cwd from applying.
register({ tsconfig: false });
await import("./main.ts");
