import { Body, Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import { UuidParam } from '../common/http/params';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiUnknownId, NoContent } from '../common/http/responses';
import type { TeamNode, TeamView } from '@proficio/shared/contracts';
import { RequireRole } from '../common/auth/roles';
import { Actor, CurrentActor } from '../access';
import { CreateTeamDto, UpdateTeamDto } from './dto/team.dto';
import { TeamQueryService } from './team-query.service';
import { TeamWriteService } from './team-write.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(
    private readonly teams: TeamQueryService,
    private readonly writes: TeamWriteService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The team tree (org units), with the number of active members of each team that the caller may see (admins: everyone; others: themselves and their reporting line). Any signed-in user.',
  })
  tree(@CurrentActor() actor: Actor): Promise<TeamNode[]> {
    return this.teams.tree(actor);
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
  @ApiUnknownId('team')
  @ApiConflictResponse({ description: 'The new parent already has a team with this name (any casing).' })
  @ApiUnprocessableEntityResponse({ description: 'The new parent does not exist, or is the team itself or one of its sub-teams.' })
  update(@UuidParam() id: string, @Body() body: UpdateTeamDto, @CurrentActor() actor: Actor): Promise<TeamView> {
    return this.writes.update(actor, id, body);
  }

  @Delete(':id')
  @RequireRole('admin')
  @NoContent('The team is deleted.')
  @ApiOperation({ summary: 'Delete a team (admin): only one without members and without sub-teams.' })
  @ApiUnknownId('team')
  @ApiConflictResponse({ description: 'The team still has members or sub-teams.' })
  async remove(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.writes.remove(actor, id);
  }
}
