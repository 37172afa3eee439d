import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateUserRequest, UpdateUserRequest, UserAccountStatus, UserListQuery } from '@proficio/shared/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/paging';
import { OptionalUuid, OptionalText, trim, queryBoolean } from '../../common/validation/fields';

/** `?admin=true|false` arrives as text. */

/** The default page size of the account list. */
export const USERS_PAGE_SIZE = 25;

export class ListUsersQuery extends PageQuery(USERS_PAGE_SIZE) implements UserListQuery {
  @OptionalText(200, { description: 'Search in account emails and employee names.' })
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

  @OptionalUuid({ description: 'The account of this employee.' })
  employeeId?: string;
}

export class CreateUserDto implements CreateUserRequest {
  @OptionalUuid({ description: 'The employee the account is for; the account takes the employee’s email.' })
  employeeId?: string;

  @OptionalText(320, { description: 'Instead of employeeId: an administrator without an employee record (isAdmin must be true).' })
  @Transform(trim)
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
