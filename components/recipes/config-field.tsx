"use client";
import { useId, useState, type InputHTMLAttributes } from "react";
import { numberText, parseNumberText } from "./config-path";
import type { FieldSpec } from "./recipe-fields";

export const inputClass =
  "w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-950";

export function FieldMessage({ id, issue, help }: { id: string; issue?: string; help?: string }) {
  if (issue) return <p id={id} className="text-xs text-red-600 dark:text-red-400">{issue}</p>;
  return help ? <p id={id} className="text-xs text-zinc-500 dark:text-zinc-400">{help}</p> : null;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * An input over a value that is not text (a number, a label list). The typed text is kept while it still means the
 * value (`5e-` on the way to `5e-5`, a trailing comma), and replaced when the value changes from elsewhere (a clone).
 */
function ParsedInput({
  value,
  format,
  parse,
  onValue,
  ...props
}: { value: unknown; format: (value: unknown) => string; parse: (text: string) => unknown; onValue: (value: unknown) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "value" | "onChange"
>) {
  const [text, setText] = useState(format(value));
  return (
    <input
      {...props}
      className={`${inputClass} font-mono`}
      value={sameValue(parse(text), value) ? text : format(value)}
      onChange={(event) => {
        setText(event.target.value);
        onValue(parse(event.target.value));
      }}
    />
  );
}

const formatLabels = (value: unknown) => (Array.isArray(value) ? value.join(",") : "");
const parseLabels = (text: string) => text.split(",").map((label) => label.trim()).filter(Boolean);

function ChoiceList({ spec, value, onChange }: { spec: Extract<FieldSpec, { type: "multi" }>; value: unknown; onChange: (value: unknown) => void }) {
  const chosen = Array.isArray(value) ? (value as string[]) : [];
  return (
    <fieldset className="space-y-1">
      <legend className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{spec.label}</legend>
      <div className="flex flex-wrap gap-3 py-1">
        {spec.options.map((option) => (
          <label key={option} className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={chosen.includes(option)}
              onChange={(event) => onChange(event.target.checked ? [...chosen, option] : chosen.filter((o) => o !== option))}
            />
            {option}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** One config field by its spec, with the server's issue for it (or its help) underneath. */
export function ConfigField({ spec, value, issue, onChange }: { spec: FieldSpec; value: unknown; issue?: string; onChange: (value: unknown) => void }) {
  const id = useId();
  if (spec.type === "multi") return <ChoiceList spec={spec} value={value} onChange={onChange} />;
  const messageId = `${id}-message`;
  const shownIssue = spec.type === "number" && typeof value === "string" ? "Enter a number." : issue;
  const common = { id, "aria-invalid": shownIssue !== undefined, "aria-describedby": messageId };
  if (spec.type === "boolean") {
    return (
      <label className="flex items-center gap-2 self-end py-1.5 text-sm">
        <input type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} {...common} />
        {spec.label}
      </label>
    );
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {spec.label}
      </label>
      {spec.type === "number" && <ParsedInput inputMode="decimal" value={value} format={numberText} parse={parseNumberText} onValue={onChange} {...common} />}
      {spec.type === "labels" && <ParsedInput value={value} format={formatLabels} parse={parseLabels} onValue={onChange} {...common} />}
      {(spec.type === "text" || spec.type === "secret") && (
        <input
          className={`${inputClass} font-mono`}
          type={spec.type === "secret" ? "password" : "text"}
          autoComplete="off"
          value={typeof value === "string" ? value : ""}
          onChange={(event) => onChange(event.target.value)}
          {...common}
        />
      )}
      {spec.type === "select" && (
        <select className={inputClass} value={String(value)} onChange={(event) => onChange(event.target.value)} {...common}>
          {spec.options.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      )}
      <FieldMessage id={messageId} issue={shownIssue} help={spec.help} />
    </div>
  );
}
