import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TeamNode } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';

@ApiTags('people')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'The team tree (org units), with the number of active members of each team. Any signed-in user.' })
  async tree(): Promise<TeamNode[]> {
    const rows: { id: string; parent_id: string | null; name: string; member_count: number }[] = await this.dataSource.query(
      `SELECT t.id, t.parent_id, t.name,
              (SELECT count(*)::int FROM employee e WHERE e.team_id = t.id AND e.status = 'active') AS member_count
       FROM team t ORDER BY lower(t.name), t.id`,
    );
    const nodes = new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, memberCount: row.member_count, children: [] as TeamNode[] }]));
    const roots: TeamNode[] = [];
    for (const row of rows) {
      const node = nodes.get(row.id) as TeamNode;
      const parent = row.parent_id ? nodes.get(row.parent_id) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  }
}
