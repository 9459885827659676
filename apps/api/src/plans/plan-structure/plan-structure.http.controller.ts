import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import type { Command } from '@nestjs/cqrs';
import type { CommandOutcome } from '@ruamjai/event-store';
import {
  AddActivityRequest,
  AddBudgetLineRequest,
  AddKpiRequest,
  ChangeActivityRequest,
  ChangeKpiRequest,
  ChangeProjectRequest,
  ReassignActivityRequest,
  ReassignBudgetLineRequest,
  ReassignProjectRequest,
  ReviseBudgetLineRequest,
  WithdrawActivityRequest,
  WithdrawBudgetLineRequest,
  WithdrawKpiRequest,
  WithdrawProjectRequest,
  type PlanEvent,
} from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, newIdFor, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import {
  AddActivityDto,
  AddBudgetLineDto,
  AddKpiDto,
  ChangeActivityDto,
  ChangeKpiDto,
  ChangeProjectDto,
  ReassignActivityDto,
  ReassignBudgetLineDto,
  ReassignProjectDto,
  RequiredReasonDto,
  ReviseBudgetLineDto,
} from './plan-structure.dto';

/**
 * A plan's structure, as sub-resources of the plan: projects are changed, reassigned and
 * withdrawn; activities, KPIs and budget lines are added to a project, then changed, reassigned
 * and withdrawn by their own ids. Every change is an update of the plan (If-Match: its ETag).
 */
@ApiTags('plan structure')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The plan ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/plans/:planId')
export class PlanStructureController {
  constructor(private readonly commands: CommandHttp) {}

  private run(request: Command<CommandOutcome<PlanEvent>> & { data: { planId: string } }): Promise<CommandResponse> {
    return this.commands.execute(request, `/api/v1/plans/${request.data.planId}`);
  }

  @Post('projects/:projectId/changes')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'เปลี่ยนข้อมูลโครงการแล้ว / Project changed' })
  changeProject(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @Body() body: ChangeProjectDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.run(new ChangeProjectRequest({ planId, projectId, ...body }, context));
  }

  @Post('projects/:projectId/reassignment')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'เปลี่ยนหน่วยงานรับผิดชอบโครงการแล้ว / Project reassigned' })
  reassignProject(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @Body() body: ReassignProjectDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.run(new ReassignProjectRequest({ planId, projectId, ...body }, context));
  }

  @Post('projects/:projectId/withdrawal')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ถอนโครงการแล้ว / Project withdrawn' })
  withdrawProject(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @Body() body: RequiredReasonDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.run(new WithdrawProjectRequest({ planId, projectId, ...body }, context));
  }

  @Post('projects/:projectId/activities')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'เพิ่มกิจกรรมแล้ว / Activity added; the body names it' })
  async addActivity(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @Body() body: AddActivityDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse & { activityId: string }> {
    const activityId = newIdFor(context, 'activity');
    return {
      activityId,
      ...(await this.run(
        new AddActivityRequest({ planId, projectId, activityId, ...body, targets: { ...body.targets } }, context),
      )),
    };
  }

  @Post('activities/:activityId/changes')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  changeActivity(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Body() body: ChangeActivityDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.run(
      new ChangeActivityRequest(
        { planId, activityId, ...body, ...(body.targets ? { targets: { ...body.targets } } : {}) },
        context,
      ),
    );
  }

  @Post('activities/:activityId/reassignment')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  reassignActivity(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Body() body: ReassignActivityDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.run(new ReassignActivityRequest({ planId, activityId, ...body }, context));
  }

  @Post('activities/:activityId/withdrawal')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  withdrawActivity(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Body() body: RequiredReasonDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.run(new WithdrawActivityRequest({ planId, activityId, ...body }, context));
  }

  @Post('projects/:projectId/kpis')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'เพิ่มตัวชี้วัดแล้ว / KPI added; the body names it' })
  async addKpi(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @Body() body: AddKpiDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse & { kpiId: string }> {
    const kpiId = newIdFor(context, 'kpi');
    return { kpiId, ...(await this.run(new AddKpiRequest({ planId, projectId, kpiId, ...body }, context))) };
  }

  @Post('kpis/:kpiId/changes')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  changeKpi(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('kpiId', uuidParam('kpiId')) kpiId: string,
    @Body() body: ChangeKpiDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.run(new ChangeKpiRequest({ planId, kpiId, ...body }, context));
  }

  @Post('kpis/:kpiId/withdrawal')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  withdrawKpi(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('kpiId', uuidParam('kpiId')) kpiId: string,
    @Body() body: RequiredReasonDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.run(new WithdrawKpiRequest({ planId, kpiId, ...body }, context));
  }

  @Post('projects/:projectId/budget-lines')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'เพิ่มรายการงบประมาณแล้ว / Budget line added; the body names it' })
  async addBudgetLine(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @Body() body: AddBudgetLineDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse & { lineId: string }> {
    const lineId = newIdFor(context, 'budget-line');
    return { lineId, ...(await this.run(new AddBudgetLineRequest({ planId, projectId, lineId, ...body }, context))) };
  }

  @Post('budget-lines/:lineId/revisions')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: "A project's first budget line has the project's id" })
  reviseBudgetLine(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('lineId', uuidParam('lineId')) lineId: string,
    @Body() body: ReviseBudgetLineDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.run(new ReviseBudgetLineRequest({ planId, lineId, ...body }, context));
  }

  @Post('budget-lines/:lineId/reassignment')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'Moves the line to another funding source' })
  reassignBudgetLine(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('lineId', uuidParam('lineId')) lineId: string,
    @Body() body: ReassignBudgetLineDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.run(new ReassignBudgetLineRequest({ planId, lineId, ...body }, context));
  }

  @Post('budget-lines/:lineId/withdrawal')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  withdrawBudgetLine(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('lineId', uuidParam('lineId')) lineId: string,
    @Body() body: RequiredReasonDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.run(new WithdrawBudgetLineRequest({ planId, lineId, ...body }, context));
  }
}
