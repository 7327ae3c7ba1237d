import { Body, Controller, Get, Headers, Param, Post } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Operation } from '@libs/resource';
import { PublicFormDto, SubmissionReceiptDto, SubmitFormDto } from './form.dto';
import { SlugParamPipe } from './slug-param.pipe';
import { clientOf, PublicFormsService } from './public-forms.service';

/** Named `formSlug` in the document (the form's `slug`): the seeded lead form is its example. */
const SLUG_PARAM = { name: 'formSlug', schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 80, example: 'energieberatung-anfragen' } } as const;

/** What a web site calls, without a login (CORS for FORMS_CORS_ORIGINS). */
@ApiTags('automation')
@Controller('public/forms')
export class PublicFormsController {
  constructor(private readonly forms: PublicFormsService) {}

  @Get(':formSlug')
  @ApiParam(SLUG_PARAM)
  @Operation({ permission: 'public', summary: 'A public form’s current version, with the token its submission must bring back', ok: PublicFormDto, problems: [404] })
  getPublicForm(@Param('formSlug', SlugParamPipe) slug: string): Promise<PublicFormDto> {
    return this.forms.get(slug);
  }

  @Post(':formSlug/submissions')
  @ApiParam(SLUG_PARAM)
  @Operation({
    permission: 'public',
    summary: 'Submit a public form',
    description:
      'Answers 201 with the bilingual confirmation — also for submissions recognised as spam (honeypot, filled in too fast), which are stored as rejected. ' +
      'Invalid answers: 422 with each field’s problem (stored as rejected). Rate limited per client address and per form (429, not stored).',
    created: SubmissionReceiptDto,
    problems: [404, 422, 429],
    idempotent: true,
  })
  submitForm(@Param('formSlug', SlugParamPipe) slug: string, @Body() dto: SubmitFormDto, @Headers('user-agent') userAgent: string | undefined): Promise<SubmissionReceiptDto> {
    return this.forms.submit(slug, dto, clientOf(userAgent));
  }
}
