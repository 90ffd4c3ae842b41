import { describe, expect, it } from "vitest";
import { formatTable } from "./output";

const columns = [
  { header: "NAME", value: (row: { name: string; role: string }) => row.name },
  { header: "ROLE", value: (row: { name: string; role: string }) => row.role },
];

describe("formatTable", () => {
  it("aligns columns to the widest cell, without trailing spaces", () => {
    const table = formatTable([{ name: "a much longer name", role: "admin" }, { name: "x", role: "viewer" }], columns);
    expect(table.split("\n")).toEqual(["NAME                ROLE", "a much longer name  admin", "x                   viewer"]);
  });

  it("blanks control characters so server text cannot drive the terminal", () => {
    expect(formatTable([{ name: "evil\u001b[2Jname\nnext", role: "admin" }], columns).split("\n")[1]).toBe("evil [2Jname next  admin");
  });
});
