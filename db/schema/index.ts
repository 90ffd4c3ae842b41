export * from "./auth";
export * from "./projects";
export * from "./tokens";
export * from "./runs";
export * from "./datasets";
export * from "./evaluations";
export * from "./workers";
