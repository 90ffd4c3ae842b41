// Pure (no server-only): the UI imports the role list too.
export const projectRoles = ["viewer", "member", "admin"] as const;
export type ProjectRole = (typeof projectRoles)[number];

// viewer < member < admin: a role grants everything the roles before it grant.
export function roleAtLeast(role: ProjectRole, required: ProjectRole): boolean {
  return projectRoles.indexOf(role) >= projectRoles.indexOf(required);
}
