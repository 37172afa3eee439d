import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Put, Query } from '@nestjs/common';
import { AcceptLanguage, UuidParam } from '../common/http/params';
import { ApiUnknownId, NoContent } from '../common/http/responses';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Page, RoleProfileDetail, RoleProfileSummary } from '@proficio/shared/contracts';
import { RequireRole } from '../common/auth/roles';
import { Actor, CurrentActor } from '../access';
import {
  CopyRoleProfileDto,
  CreateRoleProfileDto,
  GetRoleProfileQuery,
  ListRoleProfilesQuery,
  SaveRoleProfileDraftDto,
  UpdateRoleProfileDto,
} from './dto/role-profile.dto';
import { RoleProfileQueryService } from './role-profile-query.service';
import { RoleProfileWriteService } from './role-profile-write.service';

@ApiTags('role-profiles')
@ApiBearerAuth()
@Controller('role-profiles')
export class RoleProfilesController {
  constructor(
    private readonly profiles: RoleProfileQueryService,
    private readonly writes: RoleProfileWriteService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Role profiles, searched by name and paged (anyone signed in). Profiles that have only a draft are listed for admins only.',
  })
  list(@Query() query: ListRoleProfilesQuery, @CurrentActor() actor: Actor): Promise<Page<RoleProfileSummary>> {
    return this.profiles.list(actor, {
      q: query.q,
      includeArchived: query.includeArchived,
      ...query.paging(),
    });
  }

  @Post()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Create a role profile with its draft version 1 (admin).' })
  @ApiCreatedResponse({ description: 'The new profile, its draft selected.' })
  @ApiConflictResponse({ description: 'The name is taken (any casing).' })
  @ApiUnprocessableEntityResponse({
    description: 'A requirement names an unknown competency, a level the competency lacks, or a competency twice.',
  })
  create(@Body() body: CreateRoleProfileDto, @CurrentActor() actor: Actor): Promise<RoleProfileDetail> {
    return this.writes.create(actor, body);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One role profile with its versions and one version’s requirements, each with the competency’s levels and their descriptions.',
  })
  @ApiNotFoundResponse({ description: 'No role profile has this id (or no such version; drafts are for admins only).' })
  detail(
    @UuidParam() id: string,
    @Query() query: GetRoleProfileQuery,
    @CurrentActor() actor: Actor,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<RoleProfileDetail> {
    return this.profiles.detail(actor, id, { version: query.version, lang: query.lang, acceptLanguage });
  }

  @Patch(':id')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Rename, archive or restore a role profile (admin).' })
  @ApiUnknownId('role profile')
  @ApiConflictResponse({ description: 'The new name is taken (any casing).' })
  update(@UuidParam() id: string, @Body() body: UpdateRoleProfileDto, @CurrentActor() actor: Actor): Promise<RoleProfileDetail> {
    return this.writes.update(actor, id, body);
  }

  @Put(':id/draft')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Replace the draft version’s description and requirements (admin).' })
  @ApiUnknownId('role profile')
  @ApiConflictResponse({ description: 'The profile has no draft, or is archived.' })
  @ApiUnprocessableEntityResponse({
    description: 'A requirement names an unknown competency, a level the competency lacks, or a competency twice.',
  })
  saveDraft(@UuidParam() id: string, @Body() body: SaveRoleProfileDraftDto, @CurrentActor() actor: Actor): Promise<RoleProfileDetail> {
    return this.writes.saveDraft(actor, id, body);
  }

  @Delete(':id/draft')
  @RequireRole('admin')
  @NoContent('The draft is gone.')
  @ApiOperation({
    summary: 'Discard the draft version (admin). A profile’s only version cannot be discarded: archive the profile instead.',
  })
  @ApiUnknownId('role profile')
  @ApiConflictResponse({ description: 'There is no draft, or it is the only version.' })
  discardDraft(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.writes.discardDraft(actor, id);
  }

  @Post(':id/draft/publish')
  @RequireRole('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Publish the draft (admin): it becomes the version that sets the targets; the one published before is retired.',
  })
  @ApiUnknownId('role profile')
  @ApiConflictResponse({ description: 'There is no draft, or the profile is archived.' })
  @ApiUnprocessableEntityResponse({ description: 'The draft names no competency.' })
  publish(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<RoleProfileDetail> {
    return this.writes.publish(actor, id);
  }

  @Post(':id/versions')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Start a new version (admin): a draft copy of the published version.' })
  @ApiCreatedResponse({ description: 'The profile with the new draft selected.' })
  @ApiUnknownId('role profile')
  @ApiConflictResponse({ description: 'A draft exists already, or the profile is archived.' })
  startVersion(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<RoleProfileDetail> {
    return this.writes.startVersion(actor, id);
  }

  @Post(':id/copies')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Copy a version of a role profile into a new profile, as its draft version 1 (admin).' })
  @ApiCreatedResponse({ description: 'The new profile.' })
  @ApiUnknownId('role profile')
  @ApiConflictResponse({ description: 'The new name is taken (any casing).' })
  @ApiUnprocessableEntityResponse({ description: 'The profile has no such version.' })
  copy(@UuidParam() id: string, @Body() body: CopyRoleProfileDto, @CurrentActor() actor: Actor): Promise<RoleProfileDetail> {
    return this.writes.copy(actor, id, body);
  }
}
