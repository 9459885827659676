import { Get, Inject, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import type { Actor } from '@ruamjai/kernel';
import { AgencyNotFound, authoriseRead, findAgency, listAgencies, type AgencyView } from '@ruamjai/planning';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, etagOf } from '../http/command-http';
import { agencyCode } from './agency-code';
import { ReadYourWrites } from '../http/read-your-writes';
import { VIEWS } from '../http/views';
import { withReplyHeaders } from '../http/reply-headers';
import { ApiController } from '../http/controllers';

/**
 * The agency directory as it is read: agencies named by plans, referrals and commitments must be
 * registered and active. Each change to it has its own folder (register-agency/, rename-agency/…).
 */
@ApiController('agencies', 'api/v1/agencies')
export class AgencyDirectoryController {
  constructor(
    private readonly consistency: ReadYourWrites,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Agencies registered before provinces name none: they are the deployment's. */
  private located = (agency: AgencyView): AgencyView & { province: string } => ({
    ...agency,
    province: agency.province ?? this.config.deploymentProvince,
  });

  @Get()
  @ApiQuery({ name: 'includeInactive', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ description: 'ทะเบียนหน่วยงาน / The directory' })
  async list(
    @Query('includeInactive') includeInactive: string | undefined,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<{ agencies: AgencyView[] }> {
    authoriseRead(actor, 'ReadAgencyDirectory');
    await this.consistency.await(request, VIEWS.agencies);
    return {
      agencies: (await listAgencies(this.db, { includeInactive: includeInactive === 'true' })).map(this.located),
    };
  }

  @Get(':code')
  @ApiQuery({ name: 'minPosition', required: false })
  async get(
    @Param('code') code: string,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<AgencyView> {
    authoriseRead(actor, 'ReadAgencyDirectory');
    await this.consistency.await(request, VIEWS.agencies);
    const agency = await findAgency(this.db, agencyCode(code));
    if (!agency) throw new AgencyNotFound(code);
    return withReplyHeaders(this.located(agency), { ETag: etagOf(agency.revision) });
  }
}
