import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateTeamRequest, UpdateTeamRequest } from '@proficio/shared/contracts';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { OptionalUuid, trim } from '../../common/validation/fields';

export class CreateTeamDto implements CreateTeamRequest {
  @ApiProperty({ example: 'Service Desk', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;

  @OptionalUuid({ description: 'The parent team; left out for a top-level team.' })
  parentId?: string;
}

export class UpdateTeamDto implements UpdateTeamRequest {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ nullable: true, description: 'The new parent team; null makes it a top-level team.' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all')
  parentId?: string | null;
}
