import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { UuidParam } from '../common/http/params';
import { ApiConflictResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiUnknownId } from '../common/http/responses';
import type { IssuedTemporaryPassword, Page, UserAccount } from '@proficio/shared/contracts';
import { RequireRole } from '../common/auth/roles';
import { Actor, CurrentActor } from '../access';
import { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/user.dto';
import { UserQueryService } from './user-query.service';
import { UserWriteService } from './user-write.service';

/** Sign-in accounts of people (HR administrators only). There is no email: temporary passwords are shown once to the admin. */
@ApiTags('users')
@Controller('users')
@RequireRole('admin')
export class UsersController {
  constructor(
    private readonly users: UserQueryService,
    private readonly writes: UserWriteService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Sign-in accounts with their employee, searched by email or name (admin).' })
  list(@Query() query: ListUsersQuery): Promise<Page<UserAccount>> {
    return this.users.list({ ...query, ...query.paging() });
  }

  @Post()
  @ApiOperation({
    summary:
      'Create the account of an employee (their email), or of an administrator without an employee record (email, isAdmin: true). ' +
      'Answers the one-time temporary password; the person must change it at first sign-in (admin).',
  })
  @ApiConflictResponse({ description: 'The employee already has an account, or its email is taken.' })
  @ApiUnprocessableEntityResponse({
    description: 'Unknown, left or anonymised employee; an account without an employee that is not an administrator.',
  })
  create(@Body() body: CreateUserDto, @CurrentActor() actor: Actor): Promise<IssuedTemporaryPassword> {
    return this.writes.create(actor, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Grant or revoke administration, disable (ends every session) or enable an account (admin).' })
  @ApiUnknownId('account')
  @ApiConflictResponse({ description: 'Removing your own administration, disabling yourself, or leaving no enabled administrator.' })
  update(@UuidParam() id: string, @Body() body: UpdateUserDto, @CurrentActor() actor: Actor): Promise<UserAccount> {
    return this.writes.update(actor, id, body);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new one-time temporary password: the old password stops working and every session ends (admin).' })
  @ApiUnknownId('account')
  resetPassword(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<IssuedTemporaryPassword> {
    return this.writes.resetPassword(actor, id);
  }
}
