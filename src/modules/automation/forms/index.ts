// The forms part of the automation module (one import for automation.module.ts).
import { FormSubmissionsRepository } from './form-submissions.repository';
import { FormsCors } from './forms-cors';
import { FormsRepository } from './forms.repository';
import { FormsService } from './forms.service';
import { PublicFormsService } from './public-forms.service';

export { FormsController } from './forms.controller';
export { PublicFormsController } from './public-forms.controller';

export const FORM_PROVIDERS = [FormsRepository, FormSubmissionsRepository, FormsService, PublicFormsService, FormsCors];
