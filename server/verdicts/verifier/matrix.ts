// Sums, scalar multiples and products of matrices worked out entry by entry before comparing.
import type { MathNode } from "./types";

type Matrix = Extract<MathNode, { t: "matrix" }>;

function containsMatrix(node: MathNode): boolean {
  if (node.t === "matrix") return true;
  if (node.t === "add" || node.t === "mul") return node.args.some(containsMatrix);
  if (node.t === "neg") return containsMatrix(node.arg);
  return false;
}

function sameShape(a: Matrix, b: Matrix): boolean {
  return a.rows.length === b.rows.length && a.rows.every((row, index) => row.length === b.rows[index].length);
}

function scale(matrix: Matrix, factor: MathNode): Matrix {
  return { t: "matrix", rows: matrix.rows.map((row) => row.map((cell) => ({ t: "mul", args: [factor, cell] }))) };
}

function product(a: Matrix, b: Matrix): Matrix | null {
  const inner = a.rows[0].length;
  if (b.rows.length !== inner) return null;
  const rows = a.rows.map((row) =>
    b.rows[0].map((_, column) => ({ t: "add" as const, args: row.map((cell, k) => ({ t: "mul" as const, args: [cell, b.rows[k][column]] })) })),
  );
  return { t: "matrix", rows };
}

/** The node with its matrix arithmetic done; null when the shapes do not fit. Nodes without matrices come back as they are. */
export function reduceMatrices(node: MathNode): MathNode | null {
  if (!containsMatrix(node) || node.t === "matrix") return node;
  if (node.t === "neg") {
    const inner = reduceMatrices(node.arg);
    return inner && inner.t === "matrix" ? scale(inner, { t: "num", value: -1, float: false }) : null;
  }
  if (node.t !== "add" && node.t !== "mul") return null;
  const args = node.args.map(reduceMatrices);
  if (args.some((arg) => arg === null)) return null;
  const reduced = args as MathNode[];
  if (node.t === "add") {
    if (!reduced.every((arg) => arg.t === "matrix")) return null;
    const [first, ...rest] = reduced as Matrix[];
    if (!rest.every((matrix) => sameShape(first, matrix))) return null;
    return { t: "matrix", rows: first.rows.map((row, i) => row.map((cell, j) => ({ t: "add", args: [cell, ...rest.map((matrix) => matrix.rows[i][j])] }))) };
  }
  let result: MathNode = reduced[0];
  for (const factor of reduced.slice(1)) {
    if (result.t === "matrix" && factor.t === "matrix") {
      const next = product(result, factor);
      if (!next) return null;
      result = next;
    } else if (result.t === "matrix") result = scale(result, factor);
    else if (factor.t === "matrix") result = scale(factor, result);
    else result = { t: "mul", args: [result, factor] };
  }
  return result;
}
