// `a \pm b` is the two-element set {a+b, a−b}; expanded after parsing so comparisons never see it.
import type { MathNode } from "./types";

function containsPlusMinus(node: MathNode): boolean {
  switch (node.t) {
    case "pm":
      return true;
    case "add":
    case "mul":
    case "fn":
      return node.args.some(containsPlusMinus);
    case "div":
      return containsPlusMinus(node.num) || containsPlusMinus(node.den);
    case "pow":
      return containsPlusMinus(node.base) || containsPlusMinus(node.exp);
    case "neg":
      return containsPlusMinus(node.arg);
    default:
      return false;
  }
}

/** The expression with its first ± taken as + (sign 1) or as − (sign −1). */
function choose(node: MathNode, sign: 1 | -1): MathNode {
  switch (node.t) {
    case "pm": {
      const right = sign === 1 ? node.right : { t: "neg" as const, arg: node.right };
      return node.left ? { t: "add", args: [node.left, right] } : right;
    }
    case "add":
    case "mul":
    case "fn":
      return { ...node, args: node.args.map((arg) => choose(arg, sign)) };
    case "div":
      return { t: "div", num: choose(node.num, sign), den: choose(node.den, sign) };
    case "pow":
      return { t: "pow", base: choose(node.base, sign), exp: choose(node.exp, sign) };
    case "neg":
      return { t: "neg", arg: choose(node.arg, sign) };
    default:
      return node;
  }
}

export function expandPlusMinus(node: MathNode): MathNode {
  switch (node.t) {
    case "set": {
      const items = node.items.map(expandPlusMinus);
      return { t: "set", items: items.flatMap((item, index) => (item.t === "set" && containsPlusMinus(node.items[index]) ? item.items : [item])) };
    }
    case "tuple":
      return { t: "tuple", items: node.items.map(expandPlusMinus) };
    case "interval":
      return { ...node, lo: expandPlusMinus(node.lo), hi: expandPlusMinus(node.hi) };
    case "union":
      return { t: "union", parts: node.parts.map(expandPlusMinus) };
    case "matrix":
      return { t: "matrix", rows: node.rows.map((row) => row.map(expandPlusMinus)) };
    case "rel":
      return { ...node, sides: node.sides.map(expandPlusMinus) };
    default:
      return containsPlusMinus(node) ? { t: "set", items: [choose(node, 1), choose(node, -1)] } : node;
  }
}
