import { Injectable } from '@nestjs/common';
import { UsersRepository } from './users.repository';

/** How another context reaches a staff member (e.g. automation mailing a lead's assignee). */
export interface StaffMailbox {
  id: string;
  email: string;
  name: string;
  locale: 'de' | 'en';
}

/**
 * Staff contact details for other contexts (exported from auth/index.ts; never the users table):
 * active users only. Callers decide who may learn them (background work, not a read route).
 */
@Injectable()
export class UserDirectory {
  constructor(private readonly users: UsersRepository) {}

  async mailbox(userId: string): Promise<StaffMailbox | undefined> {
    const user = await this.users.findById(userId);
    if (!user || !user.isActive) return undefined;
    return { id: user.id, email: user.email, name: user.name, locale: user.locale };
  }
}
