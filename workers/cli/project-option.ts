import { Option } from "commander";

/** `--project SLUG`, required by every verb that works inside one project; MMR_PROJECT saves typing it. */
export const projectOption = () => new Option("--project <slug>", "the project's slug (see `mmr projects list`)").env("MMR_PROJECT").makeOptionMandatory();
