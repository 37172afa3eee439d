import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ROLE_PROFILE_LIMITS,
  type CopyRoleProfileRequest,
  type CreateRoleProfileRequest,
  type RoleProfileDetailQuery,
  type RoleProfileListQuery,
  type RoleProfileRequirementInput,
  type SaveRoleProfileDraftRequest,
  type UpdateRoleProfileRequest,
} from '@proficio/shared/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/paging';
import { OptionalLanguage, OptionalText, OptionalVersionNumber, trim, queryBoolean } from '../../common/validation/fields';

/** `?includeArchived=true|false`: anything else stays as given and fails @IsBoolean. */

/** The default page size of the role profile list. */
export const ROLE_PROFILES_PAGE_SIZE = 20;

export class ListRoleProfilesQuery extends PageQuery(ROLE_PROFILES_PAGE_SIZE) implements RoleProfileListQuery {
  @OptionalText(200, { description: 'Part of the name, any casing.' })
  q?: string;

  @ApiPropertyOptional({ description: 'Also list archived profiles.', default: false })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  includeArchived?: boolean;
}

export class GetRoleProfileQuery implements RoleProfileDetailQuery {
  @OptionalVersionNumber({
    description: 'Version number to read; defaults to the draft for admins when there is one, else the published version.',
  })
  version?: number;

  @OptionalLanguage({ description: 'Language to read competency texts in (BCP 47), e.g. `it`.' })
  lang?: string;
}

export class RoleProfileRequirementDto implements RoleProfileRequirementInput {
  @ApiProperty({ description: 'A competency of any framework version.' })
  @IsUUID('all')
  competencyId!: string;

  @ApiProperty({ description: 'One of the competency’s own levels.', example: 3 })
  @IsInt()
  @Min(0)
  @Max(1000)
  targetLevel!: number;

  @ApiPropertyOptional({ description: 'false: "nice to have".', default: true })
  @IsOptional()
  @IsBoolean()
  required?: boolean;
}

export class CreateRoleProfileDto implements CreateRoleProfileRequest {
  @ApiProperty({ maxLength: ROLE_PROFILE_LIMITS.nameLength, example: 'Service Desk Analyst' })
  @Transform(trim)
  @IsString()
  @Length(1, ROLE_PROFILE_LIMITS.nameLength)
  name!: string;

  @ApiPropertyOptional({ maxLength: ROLE_PROFILE_LIMITS.descriptionLength })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(ROLE_PROFILE_LIMITS.descriptionLength)
  description?: string;

  @ApiPropertyOptional({ type: [RoleProfileRequirementDto], maxItems: ROLE_PROFILE_LIMITS.requirements })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ROLE_PROFILE_LIMITS.requirements)
  @ValidateNested({ each: true })
  @Type(() => RoleProfileRequirementDto)
  requirements?: RoleProfileRequirementDto[];
}

export class UpdateRoleProfileDto implements UpdateRoleProfileRequest {
  @ApiPropertyOptional({ maxLength: ROLE_PROFILE_LIMITS.nameLength })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, ROLE_PROFILE_LIMITS.nameLength)
  name?: string;

  @ApiPropertyOptional({ description: 'true archives the profile (no new assignments); false restores it.' })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

export class SaveRoleProfileDraftDto implements SaveRoleProfileDraftRequest {
  @ApiPropertyOptional({ nullable: true, maxLength: ROLE_PROFILE_LIMITS.descriptionLength })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Transform(trim)
  @IsString()
  @MaxLength(ROLE_PROFILE_LIMITS.descriptionLength)
  description?: string | null;

  @ApiProperty({ type: [RoleProfileRequirementDto], maxItems: ROLE_PROFILE_LIMITS.requirements })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(ROLE_PROFILE_LIMITS.requirements)
  @ValidateNested({ each: true })
  @Type(() => RoleProfileRequirementDto)
  requirements!: RoleProfileRequirementDto[];
}

export class CopyRoleProfileDto implements CopyRoleProfileRequest {
  @ApiProperty({ maxLength: ROLE_PROFILE_LIMITS.nameLength })
  @Transform(trim)
  @IsString()
  @Length(1, ROLE_PROFILE_LIMITS.nameLength)
  name!: string;

  @ApiPropertyOptional({ description: 'Version number to copy; defaults to the published version (the draft when there is none).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  version?: number;
}
