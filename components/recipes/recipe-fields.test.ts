import { describe, expect, it } from "vitest";
import { recipeDefaults, recipeKinds } from "@/server/recipes/recipes";
import { valueAt } from "./config-path";
import { recipeFieldSections } from "./recipe-fields";

describe("recipe form fields", () => {
  it.each(recipeKinds)("name only fields the %s recipe has, each choice list holding its default", (kind) => {
    const defaults = recipeDefaults(kind);
    for (const field of recipeFieldSections[kind].flatMap((section) => section.fields)) {
      const value = valueAt(defaults, field.path);
      expect(value, field.path).not.toBeUndefined();
      if (field.type === "select") expect(field.options, field.path).toContain(value);
      if (field.type === "multi") expect(value, field.path).toEqual([]);
    }
  });
});
