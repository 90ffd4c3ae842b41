import { Scalar, stringify, type ScalarTag } from "yaml";

const pythonFloatFormat = "PYTHON_FLOAT";

/**
 * A float as Python's YAML loader (PyYAML, YAML 1.1) reads one: a dot in the mantissa and a signed exponent. PyYAML
 * reads `5e-05` as a string, which is why the recipe writes `5.0e-05`; lmms-engine would then fail on a str learning rate.
 */
export function pythonFloatText(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? ".nan" : value > 0 ? ".inf" : "-.inf";
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e16)) {
    const [mantissa, exponent] = value.toExponential().split("e");
    const sign = exponent.startsWith("-") ? "-" : "+";
    const digits = exponent.replace(/^[-+]/, "").padStart(2, "0");
    return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}e${sign}${digits}`;
  }
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

const pythonFloatTag: ScalarTag = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: pythonFloatFormat,
  test: /^[-+]?[0-9]+\.[0-9]*(?:e[-+][0-9]+)?$/,
  resolve: (text) => parseFloat(text),
  stringify: (node) => pythonFloatText(Number(node.value)),
};

/** Marks a value to be written as a Python float (`0.0`, `5.0e-05`) rather than the shortest YAML number. */
export function pythonFloat(value: number): Scalar<number> {
  const node = new Scalar(value);
  node.format = pythonFloatFormat;
  return node;
}

/** YAML for a Python program: values wrapped in `pythonFloat` come out as floats PyYAML reads back as floats. */
export function stringifyForPython(value: unknown): string {
  return stringify(value, { customTags: [pythonFloatTag], lineWidth: 0 });
}
