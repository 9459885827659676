import type { CommandContext } from '@ruamjai/event-store';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ruamjai/kernel';
import {
  ChangeAgencyDistrictRequest,
  ChangeAgencyTypeRequest,
  DeactivateAgencyRequest,
  RegisterAgencyRequest,
  RenameAgencyRequest,
  AgencyNotFound,
  authoriseRead,
  findAgency,
  listAgencies,
  type AgencyView,
} from '@ruamjai/planning';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import type { FastifyRequest } from 'fastify';
import {
  CommandHttp,
  type CommandResponse,
  CreateCommand,
  CurrentActor,
  etagOf,
  UpdateCommand,
} from '../http/command-http';
import { ReadYourWrites } from '../http/read-your-writes';
import { RequestValidationError } from '../http/validation';
import { CommandResponseDto } from '../plans/draft-plan/draft-plan.dto';
import {
  ChangeAgencyDistrictDto,
  ChangeAgencyTypeDto,
  DeactivateAgencyDto,
  RegisterAgencyDto,
  RenameAgencyDto,
} from './agency.dto';
import { VIEWS } from '../http/views';
import { withReplyHeaders } from '../http/reply-headers';

const CODE = /^[A-Z0-9][A-Z0-9-]{1,63}$/;
function agencyCode(code: string): string {
  if (!CODE.test(code))
    throw new RequestValidationError([
      {
        field: 'code',
        problems: [
          {
            th: 'รหัสหน่วยงานต้องเป็นอักษรภาษาอังกฤษตัวใหญ่ ตัวเลข และขีด',
            en: 'code must be upper-case letters, digits and dashes',
          },
        ],
      },
    ]);
  return code;
}

/** The agency directory: agencies named by plans, referrals and commitments must be registered and active. */
@ApiTags('agencies')
@ApiBearerAuth()
@Controller('api/v1/agencies')
export class AgencyDirectoryController {
  constructor(
    private readonly commands: CommandHttp,
    private readonly consistency: ReadYourWrites,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ลงทะเบียนหน่วยงานแล้ว / Registered' })
  register(@Body() body: RegisterAgencyDto, @CreateCommand() context: CommandContext): Promise<CommandResponse> {
    return this.commands.execute(new RegisterAgencyRequest(body, context), `/api/v1/agencies/${body.code}`);
  }

  @Post(':code/name-changes')
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: CommandResponseDto })
  rename(
    @Param('code') code: string,
    @Body() body: RenameAgencyDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new RenameAgencyRequest({ code: agencyCode(code), ...body }, context));
  }

  @Post(':code/type-changes')
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: CommandResponseDto })
  changeType(
    @Param('code') code: string,
    @Body() body: ChangeAgencyTypeDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ChangeAgencyTypeRequest({ code: agencyCode(code), ...body }, context));
  }

  @Post(':code/district-changes')
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: CommandResponseDto })
  changeDistrict(
    @Param('code') code: string,
    @Body() body: ChangeAgencyDistrictDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ChangeAgencyDistrictRequest({ code: agencyCode(code), ...body }, context));
  }

  @Post(':code/deactivation')
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: CommandResponseDto })
  deactivate(
    @Param('code') code: string,
    @Body() body: DeactivateAgencyDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new DeactivateAgencyRequest({ code: agencyCode(code), ...body }, context));
  }

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
    return { agencies: await listAgencies(this.db, { includeInactive: includeInactive === 'true' }) };
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
    return withReplyHeaders(agency, { ETag: etagOf(agency.revision) });
  }
}
