import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { pickDefined, referenceNotFound, ResourceDefinition, ResourceService, resourcePermissions } from '@libs/resource';
import { AUTH_EVENTS } from '../auth.events';
import { AuthErrors } from '../auth.errors';
import { CreateDepartmentDto, DepartmentResponseDto, UpdateDepartmentDto } from './departments.dto';
import { DEPARTMENT_AUDITED_FIELDS, toDepartmentResponse } from './departments.mapper';
import { DepartmentFilters, DepartmentsRepository } from './departments.repository';
import type { Department, departments } from './departments.schema';

const DEPARTMENT: ResourceDefinition<Department> = {
  name: 'department',
  code: 'AUTH_DEPARTMENT',
  permissions: resourcePermissions('auth.departments'),
  events: AUTH_EVENTS.department,
  auditedFields: DEPARTMENT_AUDITED_FIELDS,
};

@Injectable()
export class DepartmentsService extends ResourceService<typeof departments, DepartmentFilters, DepartmentResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    private readonly repository: DepartmentsRepository,
    outbox: EventOutbox,
  ) {
    super({ txHost, outbox, repository }, DEPARTMENT, toDepartmentResponse);
  }

  async create(dto: CreateDepartmentDto): Promise<DepartmentResponseDto> {
    const created = await this.steps.transaction(async () => {
      if (dto.parentId && !(await this.exists(dto.parentId))) throw referenceNotFound('parentId', 'department');
      return this.steps.insert({ name: dto.name, parentId: dto.parentId ?? null });
    });
    return toDepartmentResponse(created);
  }

  /** Rename or move; a department cannot move below itself. */
  async update(id: string, version: number, dto: UpdateDepartmentDto): Promise<DepartmentResponseDto> {
    const updated = await this.steps.update(id, version, async () => {
      if (dto.parentId) {
        if (!(await this.exists(dto.parentId))) throw referenceNotFound('parentId', 'department');
        if ((await this.repository.ancestorsOf(dto.parentId)).includes(id)) throw AuthErrors.departmentCycle();
      }
      return pickDefined({ name: dto.name, parentId: dto.parentId });
    });
    return toDepartmentResponse(updated);
  }

  /** Soft delete; refused while users or sub-departments still belong to it. */
  override async remove(id: string, version: number): Promise<void> {
    await this.steps.remove(id, version, async () => {
      if (await this.repository.isReferenced(id)) throw AuthErrors.departmentInUse();
    });
  }

  /** Restoring needs its parent to be live (a department never hangs below a deleted one). */
  override async restore(id: string, version: number | undefined): Promise<DepartmentResponseDto> {
    const restored = await this.steps.restore(id, version, async (current) => {
      if (current.parentId && !(await this.exists(current.parentId))) throw AuthErrors.departmentParentDeleted();
    });
    return toDepartmentResponse(restored);
  }

  /** Whether a live department with this id exists (unscoped: departments are not scoped). */
  async exists(id: string): Promise<boolean> {
    return (await this.repository.findById(id, 'all')) !== undefined;
  }
}
