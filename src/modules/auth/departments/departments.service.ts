import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { EventOutbox, fieldChanges } from '@libs/events';
import { staleResource } from '@libs/http';
import { decodeCursor, Page, toPage } from '@libs/pagination';
import { AUTH_EVENTS, authEvent } from '../auth.events';
import { AuthErrors } from '../auth.errors';
import { CreateDepartmentDto, ListDepartmentsQueryDto, UpdateDepartmentDto } from './departments.dto';
import { DepartmentChanges, DepartmentsRepository } from './departments.repository';
import type { Department } from './departments.schema';

@Injectable()
export class DepartmentsService {
  constructor(
    private readonly departments: DepartmentsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async list(query: ListDepartmentsQueryDto): Promise<Page<Department>> {
    const after = query.cursor ? decodeCursor(query.cursor, ['string', 'string'] as const) : undefined;
    const rows = await this.departments.list({ ...query, after });
    return toPage(rows, query.limit, (d) => [d.name.de, d.id]);
  }

  async get(id: string): Promise<Department> {
    const department = await this.departments.findById(id);
    if (!department) throw AuthErrors.departmentNotFound(id);
    return department;
  }

  @Transactional()
  async create(dto: CreateDepartmentDto): Promise<Department> {
    const parentId = dto.parentId ?? null;
    if (parentId) await this.get(parentId);
    const department = await this.departments.insert({ name: dto.name, parentId });
    await this.outbox.append(
      authEvent(AUTH_EVENTS.departmentCreated, 'department', department.id, { snapshot: { name: department.name, parentId } }),
    );
    return department;
  }

  @Transactional()
  async update(id: string, dto: UpdateDepartmentDto, version: number): Promise<Department> {
    const before = await this.get(id);
    if (before.version !== version) throw staleResource();
    const changes: DepartmentChanges = {};
    if (dto.name) changes.name = dto.name;
    if (dto.parentId !== undefined) {
      if (dto.parentId) {
        await this.get(dto.parentId);
        if ((await this.departments.ancestorsOf(dto.parentId)).includes(id)) throw AuthErrors.departmentCycle();
      }
      changes.parentId = dto.parentId;
    }
    const after = await this.departments.update(id, changes, version);
    if (!after) throw staleResource();
    const diff = fieldChanges(before, after, ['name', 'parentId']);
    if (Object.keys(diff).length > 0) await this.outbox.append(authEvent(AUTH_EVENTS.departmentUpdated, 'department', id, { changes: diff }));
    return after;
  }

  /** Soft delete; refused while users or sub-departments still belong to it. */
  @Transactional()
  async delete(id: string, version: number): Promise<void> {
    const department = await this.get(id);
    if (department.version !== version) throw staleResource();
    if (await this.departments.isReferenced(id)) throw AuthErrors.departmentInUse();
    if (!(await this.departments.softDelete(id, version))) throw staleResource();
    await this.outbox.append(
      authEvent(AUTH_EVENTS.departmentDeleted, 'department', id, {
        snapshot: { name: department.name, parentId: department.parentId },
      }),
    );
  }
}
