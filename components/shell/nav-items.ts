export const projectNav = [
  { segment: "", label: "Overview" },
  { segment: "datasets", label: "Datasets" },
  { segment: "runs", label: "Runs" },
  { segment: "judge", label: "Judge" },
  { segment: "leaderboard", label: "Leaderboard" },
  { segment: "workers", label: "Workers" },
  { segment: "settings", label: "Settings" },
] as const;
