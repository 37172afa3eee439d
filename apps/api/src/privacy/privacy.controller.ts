import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { UuidParam } from '../common/http/params';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ApiUnknownId } from '../common/http/responses';
import type { AnonymisationResult, PersonalDataExport } from '@proficio/shared/contracts';
import type { Response } from 'express';
import { RequireRole } from '../common/auth/roles';
import { Actor, CurrentActor } from '../access';
import { AnonymisationService } from './anonymisation.service';
import { PersonalDataFile, PersonalDataService } from './personal-data.service';

/** Privacy: a person's data as a download, and anonymising people who have left. */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller()
export class PrivacyController {
  constructor(
    private readonly personalData: PersonalDataService,
    private readonly anonymisation: AnonymisationService,
  ) {}

  @Get('me/export')
  @ApiOperation({
    summary: 'Download everything Proficio holds about you (JSON): account, employee record, audit events about and by you.',
  })
  @ApiProduces('application/json')
  @ApiOkResponse({ description: 'A JSON file (Content-Disposition: attachment).' })
  async exportOwn(@CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<PersonalDataExport> {
    return this.download(response, await this.personalData.exportOwn(actor));
  }

  @Get('employees/:id/export')
  @ApiOperation({ summary: 'Download everything Proficio holds about an employee (JSON): for an administrator, or the person themselves.' })
  @ApiProduces('application/json')
  @ApiOkResponse({ description: 'A JSON file (Content-Disposition: attachment).' })
  @ApiForbiddenResponse({ description: 'Neither an administrator nor the person (managers may not export their reports’ data).' })
  @ApiUnknownId('employee')
  async exportEmployee(
    @UuidParam() id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PersonalDataExport> {
    return this.download(response, await this.personalData.exportEmployee(actor, id));
  }

  @Post('employees/:id/anonymisation')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'Anonymise a person who has left (admin): name, email, job title, start date and sign-in account go; team, role profiles and reporting position stay for statistics. Cannot be undone.',
  })
  @ApiConflictResponse({ description: 'The person has not left, is already anonymised, or still has active direct reports.' })
  @ApiUnknownId('employee')
  anonymise(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<AnonymisationResult> {
    return this.anonymisation.anonymise(actor, id);
  }

  private download(response: Response, file: PersonalDataFile): PersonalDataExport {
    response.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    response.setHeader('Cache-Control', 'no-store');
    return file.data;
  }
}
