import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateEmployeeRequest, EmployeeListQuery, EmployeeStatus, UpdateEmployeeRequest } from '@proficio/shared/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';

import { PageQuery } from '../../common/paging';
import { OptionalUuid, OptionalText, trim, queryBoolean } from '../../common/validation/fields';

export class CreateEmployeeDto implements CreateEmployeeRequest {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MaxLength(320)
  @IsEmail({}, { message: 'must be an email address' })
  email!: string;

  @OptionalText(200)
  @Transform(trim)
  jobTitle?: string;

  @OptionalUuid()
  teamId?: string;

  @OptionalUuid({ description: 'The employee’s manager (another employee).' })
  managerId?: string;

  @ApiPropertyOptional({ example: '2024-03-01' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date such as 2024-03-01' })
  startDate?: string;
  @OptionalUuid({ description: 'The role profile the employee holds now (not archived).' })
  roleProfileId?: string;

  @OptionalUuid({ description: 'The role profile the employee is growing towards (not archived).' })
  targetRoleProfileId?: string;
}

export class UpdateEmployeeDto implements UpdateEmployeeRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name?: string;

  @OptionalText(320)
  @Transform(trim)
  @IsEmail({}, { message: 'must be an email address' })
  email?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  jobTitle?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all')
  teamId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all')
  managerId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsISO8601({ strict: true }, { message: 'must be a date such as 2024-03-01' })
  startDate?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'The role profile the employee holds now (not archived); null clears.' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all')
  roleProfileId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'The role profile the employee is growing towards (not archived); null clears.' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all')
  targetRoleProfileId?: string | null;

  @ApiPropertyOptional({ enum: ['active', 'left'] })
  @IsOptional()
  @IsIn(['active', 'left'])
  status?: EmployeeStatus;
}

/** The default page size of the employee list. */
export const EMPLOYEES_PAGE_SIZE = 25;

export class ListEmployeesQuery extends PageQuery(EMPLOYEES_PAGE_SIZE) implements EmployeeListQuery {
  @OptionalText(200, { description: 'Search in names, emails and job titles.' })
  q?: string;

  @OptionalUuid()
  teamId?: string;

  @ApiPropertyOptional({ default: true, description: 'With `teamId`: also the members of its sub-teams, however deep.' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  includeSubTeams?: boolean;

  @OptionalUuid({ description: 'Direct reports of this manager.' })
  managerId?: string;

  @OptionalUuid({ description: 'People who hold this role profile now.' })
  roleProfileId?: string;

  @ApiPropertyOptional({ enum: ['active', 'left'] })
  @IsOptional()
  @IsIn(['active', 'left'])
  status?: EmployeeStatus;
}
