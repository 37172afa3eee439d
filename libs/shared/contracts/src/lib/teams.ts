/** `POST /api/teams` (admin): a new team, top-level when `parentId` is left out. */
export interface CreateTeamRequest {
  name: string;
  parentId?: string;
}

/**
 * `PATCH /api/teams/:id` (admin): rename and/or move a team; only the fields given change.
 * `parentId: null` makes it a top-level team. A team cannot move under itself or its own sub-teams.
 */
export interface UpdateTeamRequest {
  name?: string;
  parentId?: string | null;
}

/** A team as `POST`/`PATCH /api/teams` answer. `DELETE /api/teams/:id` answers 204 (only for a team without members or sub-teams). */
export interface TeamView {
  id: string;
  name: string;
  parentId?: string;
}
