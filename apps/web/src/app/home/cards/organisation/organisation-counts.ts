import { TeamNode } from '@proficio/shared/contracts';

/** What an administrator sees of the organisation at a glance. */
export interface OrganisationCounts {
  /** Active people. */
  readonly people: number;
  readonly teams: number;
  /** Role profiles not archived. */
  readonly roleProfiles: number;
  readonly frameworks: number;
}

/** Teams in the tree, sub-teams however deep included. */
export function countTeams(nodes: readonly TeamNode[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countTeams(node.children), 0);
}
