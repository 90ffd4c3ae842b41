import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The browser tests share one server and database, and foundation.test.ts checks what only the first visitor sees
 * (sign-up of the administrator). Vitest's default order puts new, failed or slow files first; this keeps that order
 * but runs the foundation file before the other browser tests.
 */
export class FoundationFirstSequencer extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isFoundation = (spec: TestSpecification) => spec.project.name === "e2e" && spec.moduleId.endsWith("/e2e/foundation.test.ts");
    const firstE2e = sorted.findIndex((spec) => spec.project.name === "e2e");
    const foundation = sorted.findIndex(isFoundation);
    if (firstE2e < 0 || foundation <= firstE2e) return sorted;
    const [spec] = sorted.splice(foundation, 1);
    sorted.splice(firstE2e, 0, spec);
    return sorted;
  }
}
