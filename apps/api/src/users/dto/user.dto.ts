import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateUserRequest, UpdateUserRequest, UserAccountStatus, UserListQuery } from '@proficio/shared/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/paging';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** `?admin=true|false` arrives as text. */
const queryBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The default page size of the account list. */
export const USERS_PAGE_SIZE = 25;

export class ListUsersQuery extends PageQuery(USERS_PAGE_SIZE) implements UserListQuery {
  @ApiPropertyOptional({ description: 'Search in account emails and employee names.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ['active', 'disabled'] })
  @IsOptional()
  @IsIn(['active', 'disabled'])
  status?: UserAccountStatus;

  @ApiPropertyOptional({ type: Boolean, description: 'Only administrators (true) or only other accounts (false).' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'must be true or false' })
  admin?: boolean;

  @ApiPropertyOptional({ description: 'The account of this employee.' })
  @IsOptional()
  @IsUUID('all')
  employeeId?: string;
}

export class CreateUserDto implements CreateUserRequest {
  @ApiPropertyOptional({ description: 'The employee the account is for; the account takes the employee’s email.' })
  @IsOptional()
  @IsUUID('all')
  employeeId?: string;

  @ApiPropertyOptional({ description: 'Instead of employeeId: an administrator without an employee record (isAdmin must be true).' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(320)
  @IsEmail({}, { message: 'must be an email address' })
  email?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  isAdmin?: boolean;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ description: 'Grant or revoke administration.' })
  @IsOptional()
  @IsBoolean()
  isAdmin?: boolean;

  @ApiPropertyOptional({ description: 'Disable (ends every session) or enable the account.' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}
