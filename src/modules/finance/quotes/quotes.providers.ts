import { QuoteAnswersService } from './quote-answers.service';
import { QuoteExpiryCheck } from './quote-expiry.check';
import { QuoteWritingService } from './quote-writing.service';
import { QuotesController } from './quotes.controller';
import { QuoteNumbersRepository, QuotesRepository, QuoteVersionsRepository } from './quotes.repository';
import { QuotesService } from './quotes.service';

/** What the finance module registers for quotes (it imports CrmModule, ProjectsModule and DocumentsModule for them). */
export const QUOTES_CONTROLLERS = [QuotesController];
export const QUOTES_PROVIDERS = [QuotesRepository, QuoteVersionsRepository, QuoteNumbersRepository, QuotesService, QuoteWritingService, QuoteAnswersService, QuoteExpiryCheck];
