import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { HealthResponse } from '@proficio/shared/contracts';
import { Public } from '../common/auth/jwt-auth.guard';
import type { Response } from 'express';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  /** Liveness plus a real round trip to the database. Public: no sign-in needed. */
  @Public()
  @Get()
  @HealthCheck()
  @ApiOkResponse({ description: 'The API and its database are up.' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer; the body says which check failed.' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    try {
      return (await this.health.check([() => this.database.pingCheck('database', { timeout: 2000 })])) as HealthResponse;
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        response.status(503);
        return error.getResponse() as HealthResponse;
      }
      throw error;
    }
  }
}
