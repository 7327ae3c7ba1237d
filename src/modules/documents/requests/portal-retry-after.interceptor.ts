import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, Observable, throwError } from 'rxjs';
import { AppError } from '@libs/http';

/** Adds `Retry-After` to the portal's 429 problems; the problem filter keeps headers already set on the reply. */
@Injectable()
export class PortalRetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const seconds = error instanceof AppError && error.getStatus() === 429 ? error.extensions?.retryAfterSeconds : undefined;
        if (typeof seconds === 'number') context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(seconds));
        return throwError(() => error);
      }),
    );
  }
}
