// verl prints `step:N - key:value` (possibly behind a Ray prefix) and its file logger writes `{"step": N, "data": …}`;
// lmms-engine and the HF Trainer print Python dicts of `'loss'` / `'train/loss'`.
const VERL_LINE = /(?:^|[\s)\]])step:\d+ - |^\{"step": ?\d+, ?"data"/m;
const SFT_DICT = /^\{'(?:train\/)?loss': /m;

/** A first guess of what a log trained, from its first 256 KB; the user can change it before importing. */
export function guessLogKind(text: string): "rl" | "sft" {
  const head = text.slice(0, 256 * 1024);
  if (VERL_LINE.test(head)) return "rl";
  return SFT_DICT.test(head) ? "sft" : "rl";
}

/** "verl_gsm8k.log" → "verl_gsm8k". */
export function runNameOf(fileName: string): string {
  return fileName.replace(/\.(?:log|txt|jsonl|out|err)$/i, "") || fileName;
}
