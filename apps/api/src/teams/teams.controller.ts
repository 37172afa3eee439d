import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TeamNode, TeamView } from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { RequireRole } from '../common/auth/roles';
import { Actor, CurrentActor } from '../access';
import { CreateTeamDto, UpdateTeamDto } from './dto/team.dto';
import { TeamWriteService } from './team-write.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: TeamWriteService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The team tree (org units), with the number of active members of each team. Any signed-in user.' })
  async tree(): Promise<TeamNode[]> {
    const rows: { id: string; parent_id: string | null; name: string; member_count: number }[] = await this.dataSource.query(
      `SELECT t.id, t.parent_id, t.name,
              (SELECT count(*)::int FROM employee e WHERE e.team_id = t.id AND e.status = 'active') AS member_count
       FROM team t ORDER BY lower(t.name), t.id`,
    );
    const nodes = new Map(
      rows.map((row) => [row.id, { id: row.id, name: row.name, memberCount: row.member_count, children: [] as TeamNode[] }]),
    );
    const roots: TeamNode[] = [];
    for (const row of rows) {
      const node = nodes.get(row.id) as TeamNode;
      const parent = row.parent_id ? nodes.get(row.parent_id) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  }

  @Post()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Add a team (admin), top-level or under `parentId`.' })
  @ApiConflictResponse({ description: 'A team with the same parent already has this name (any casing).' })
  @ApiUnprocessableEntityResponse({ description: 'The parent team does not exist.' })
  create(@Body() body: CreateTeamDto, @CurrentActor() actor: Actor): Promise<TeamView> {
    return this.writes.create(actor, body);
  }

  @Patch(':id')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Rename a team and/or move it under another parent (admin); `parentId: null` makes it top-level.' })
  @ApiNotFoundResponse({ description: 'No team has this id.' })
  @ApiConflictResponse({ description: 'The new parent already has a team with this name (any casing).' })
  @ApiUnprocessableEntityResponse({ description: 'The new parent does not exist, or is the team itself or one of its sub-teams.' })
  update(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: UpdateTeamDto,
    @CurrentActor() actor: Actor,
  ): Promise<TeamView> {
    return this.writes.update(actor, id, body);
  }

  @Delete(':id')
  @RequireRole('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a team (admin): only one without members and without sub-teams.' })
  @ApiNoContentResponse({ description: 'The team is deleted.' })
  @ApiNotFoundResponse({ description: 'No team has this id.' })
  @ApiConflictResponse({ description: 'The team still has members or sub-teams.' })
  async remove(@Param('id', new ParseUUIDPipe({ version: undefined })) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.writes.remove(actor, id);
  }
}
