import { Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { AppointmentCustomerLink, appointmentCustomerLinks } from '../appointments/appointments.schema';

@Injectable()
export class CustomerLinksRepository extends Repository {
  async insert(link: typeof appointmentCustomerLinks.$inferInsert): Promise<AppointmentCustomerLink> {
    const [row] = await this.db.insert(appointmentCustomerLinks).values(link).returning();
    return row;
  }

  async byTokenHash(tokenHash: string): Promise<AppointmentCustomerLink | undefined> {
    const [row] = await this.db.select().from(appointmentCustomerLinks).where(eq(appointmentCustomerLinks.tokenHash, tokenHash));
    return row;
  }

  async markUsed(id: string): Promise<void> {
    await this.db.update(appointmentCustomerLinks).set({ usedAt: new Date() }).where(eq(appointmentCustomerLinks.id, id));
  }
}
