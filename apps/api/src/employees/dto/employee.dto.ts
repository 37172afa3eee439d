import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateEmployeeRequest, EmployeeListQuery, EmployeeStatus, UpdateEmployeeRequest } from '@proficio/shared/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';

import { PageQuery } from '../../common/paging';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

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

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  jobTitle?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all')
  teamId?: string;

  @ApiPropertyOptional({ description: 'The employee’s manager (another employee).' })
  @IsOptional()
  @IsUUID('all')
  managerId?: string;

  @ApiPropertyOptional({ example: '2024-03-01' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date such as 2024-03-01' })
  startDate?: string;
  @ApiPropertyOptional({ description: 'The role profile the employee holds now (not archived).' })
  @IsOptional()
  @IsUUID('all')
  roleProfileId?: string;

  @ApiPropertyOptional({ description: 'The role profile the employee is growing towards (not archived).' })
  @IsOptional()
  @IsUUID('all')
  targetRoleProfileId?: string;
}

export class UpdateEmployeeDto implements UpdateEmployeeRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(320)
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
  @ApiPropertyOptional({ description: 'Search in names, emails and job titles.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all')
  teamId?: string;

  @ApiPropertyOptional({ default: true, description: 'With `teamId`: also the members of its sub-teams, however deep.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  includeSubTeams?: boolean;

  @ApiPropertyOptional({ description: 'Direct reports of this manager.' })
  @IsOptional()
  @IsUUID('all')
  managerId?: string;

  @ApiPropertyOptional({ description: 'People who hold this role profile now.' })
  @IsOptional()
  @IsUUID('all')
  roleProfileId?: string;

  @ApiPropertyOptional({ enum: ['active', 'left'] })
  @IsOptional()
  @IsIn(['active', 'left'])
  status?: EmployeeStatus;
}
