import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TeamNode } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access';
import { allTeams, type TeamRow } from './teams.queries';

/** Rows in name order to a forest: each team under its parent, children in name order. */
export function teamTree(rows: readonly TeamRow[]): TeamNode[] {
  const nodes = new Map<string, TeamNode>(
    rows.map((row) => [row.id, { id: row.id, name: row.name, memberCount: row.member_count, children: [] }]),
  );
  const roots: TeamNode[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id);
    if (!node) continue;
    const parent = row.parent_id ? nodes.get(row.parent_id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Reads the team tree (any signed-in user); member counts include only the people the caller may see. */
@Injectable()
export class TeamQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async tree(actor: Actor): Promise<TeamNode[]> {
    return teamTree(await allTeams(this.dataSource, actor));
  }
}
