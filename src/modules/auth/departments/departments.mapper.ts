import { auditedPick } from '@libs/resource';
import type { DepartmentResponseDto } from './departments.dto';
import type { Department } from './departments.schema';

export const DEPARTMENT_AUDITED_FIELDS = ['name', 'parentId'] as const satisfies readonly (keyof Department)[];

export function toDepartmentResponse(department: Department): DepartmentResponseDto {
  return auditedPick(department, DEPARTMENT_AUDITED_FIELDS);
}
