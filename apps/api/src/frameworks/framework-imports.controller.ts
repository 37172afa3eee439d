import { BadRequestException, Body, Controller, Get, HttpCode, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { UuidParam } from '../common/http/params';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FrameworkImportCommitResult, FrameworkImportPreview } from '@proficio/shared/contracts';
import { Actor, CurrentActor } from '../access';
import { RequireRole } from '../common/auth/roles';
import { RequestValidationException } from '../common/validation/validation-exception';
import { CommitFrameworkImportDto, ImportFrameworkDto } from './dto/import-framework.dto';
import { FrameworkImportService, UploadedImportFile } from './framework-import.service';
import { ImportTooLargeInterceptor, MAX_IMPORT_BYTES } from './import-too-large.interceptor';

@ApiTags('frameworks')
@Controller('frameworks/imports')
@RequireRole('admin')
export class FrameworkImportsController {
  constructor(private readonly imports: FrameworkImportService) {}

  @Post()
  @ApiOperation({
    summary: 'Upload a framework file and get a preview: counts, warnings, errors with their places. Writes no framework yet.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportFrameworkDto })
  @ApiUnprocessableEntityResponse({ description: 'The file is not valid in that format; `errors[]` names each place.' })
  @ApiPayloadTooLargeResponse({ description: 'The file (or the levels file) is larger than 25 MB; the detail names the limit.' })
  @UseInterceptors(
    ImportTooLargeInterceptor,
    FileFieldsInterceptor(
      [
        { name: 'file', maxCount: 1 },
        { name: 'levelsFile', maxCount: 1 },
      ],
      // File names as browsers send them (UTF-8); multer's default reads them as latin1 and garbles "attività.csv".
      { limits: { fileSize: MAX_IMPORT_BYTES, files: 2, fields: 5 }, defParamCharset: 'utf8' },
    ),
  )
  preview(
    @Body() body: ImportFrameworkDto,
    @UploadedFiles() files: { file?: UploadedImportFile[]; levelsFile?: UploadedImportFile[] } = {},
  ): Promise<FrameworkImportPreview> {
    const [file] = files.file ?? [];
    if (!file) throw new RequestValidationException([{ field: 'file', message: 'is required: attach the framework file' }]);
    if (files.levelsFile?.length && body.format !== 'sfia-csv') {
      throw new BadRequestException('A levels file is only read with the sfia-csv format.');
    }
    return this.imports.preview(body.format, file, files.levelsFile?.[0]);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The preview of an uploaded file again.' })
  get(@UuidParam() id: string): Promise<FrameworkImportPreview> {
    return this.imports.get(id);
  }

  @Post(':id/commit')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Write a previewed import as a new framework version (or a new framework), in one transaction, with the choices the preview listed in `commitRequires`: `target` when the file shares only its identifier with the framework it matches, `acceptContentLoss: true` for a version that would lose content of the latest one, `acceptEmpty: true` for a framework without competencies.',
  })
  @ApiConflictResponse({
    description: 'The import was committed already, or the request lacks a confirmation the import needs (`errors[]` names the field).',
  })
  commit(
    @UuidParam() id: string,
    @Body() body: CommitFrameworkImportDto,
    @CurrentActor() actor: Actor,
  ): Promise<FrameworkImportCommitResult> {
    return this.imports.commit(actor, id, body);
  }
}
