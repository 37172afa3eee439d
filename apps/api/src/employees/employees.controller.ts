import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { UuidParam } from '../common/http/params';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiUnknownId } from '../common/http/responses';
import type { EmployeeDetail, EmployeeSummary, NamedRef, Page } from '@proficio/shared/contracts';
import { Actor, CurrentActor } from '../access';
import { RequireRole } from '../common/auth/roles';
import { CreateEmployeeDto, ListEmployeesQuery, UpdateEmployeeDto } from './dto/employee.dto';
import { EmployeeQueryService } from './employee-query.service';
import { EmployeeWriteService } from './employee-write.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller('employees')
export class EmployeesController {
  constructor(
    private readonly employees: EmployeeQueryService,
    private readonly writes: EmployeeWriteService,
  ) {}

  @Post()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Add an employee (admin). 409 when the email is taken (any casing), 422 for an unknown manager or team.' })
  create(@Body() body: CreateEmployeeDto, @CurrentActor() actor: Actor): Promise<EmployeeDetail> {
    return this.writes.create(actor, body);
  }

  @Patch(':id')
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Change an employee (admin): only the fields given; null clears. 422 when the new manager would close a cycle.',
  })
  update(@UuidParam() id: string, @Body() body: UpdateEmployeeDto, @CurrentActor() actor: Actor): Promise<EmployeeDetail> {
    return this.writes.update(actor, id, body);
  }

  @Get()
  @ApiOperation({
    summary: 'People the caller may see (admin: everyone; manager: their reporting line and themselves; employee: themselves).',
  })
  list(@Query() query: ListEmployeesQuery, @CurrentActor() actor: Actor): Promise<Page<EmployeeSummary>> {
    return this.employees.list(actor, { ...query, ...query.paging() });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One employee, with manager, team and direct reports.' })
  @ApiForbiddenResponse({ description: 'The employee is outside the caller’s reach.' })
  @ApiUnknownId('employee')
  detail(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<EmployeeDetail> {
    return this.employees.detail(actor, id);
  }

  @Get(':id/reports')
  @ApiOperation({ summary: 'Direct reports of an employee.' })
  @ApiForbiddenResponse({ description: 'The employee is outside the caller’s reach.' })
  reports(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<NamedRef[]> {
    return this.employees.reports(actor, id);
  }
}
