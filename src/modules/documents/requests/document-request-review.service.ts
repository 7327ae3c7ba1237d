import { Injectable } from '@nestjs/common';
import { currentScope, Scope } from '@libs/auth';
import { currentActorId } from '@libs/context';
import { staleResource } from '@libs/http';
import { DocumentsErrors } from '../documents.errors';
import { DOCUMENTS_EVENTS } from '../documents.events';
import type { DocumentRequestLinkDto, DocumentRequestResponseDto } from './document-request.dto';
import { canAccept, canReject, linkExpiry, linkState, newPortalToken, portalTokenHash, requestStatus, statusEvent } from './document-request.rules';
import { DocumentRequestItemsRepository } from './document-request-items.repository';
import { DocumentRequestLetter } from './document-request-letter';
import type { DocumentRequest, DocumentRequestItem } from './document-requests.schema';
import { DocumentRequestsService, respond } from './document-requests.service';

export const PORTAL_PATH_PREFIX = '/api/v1/public/document-requests/';

/**
 * What staff do with a request after creating it: issue (or re-issue) and revoke the customer's
 * link, accept or reject uploaded items. Every change bumps the request's version (its ETag
 * covers the checklist) and emits its event; status changes follow from the items (rules).
 */
@Injectable()
export class DocumentRequestReviewService {
  constructor(
    private readonly requests: DocumentRequestsService,
    private readonly items: DocumentRequestItemsRepository,
    private readonly letter: DocumentRequestLetter,
  ) {}

  /** A new token (the previous link stops working); the token is answered this once. */
  async issueLink(id: string, version: number | undefined, options: { validDays?: number; letterPortalUrl?: string }): Promise<DocumentRequestLinkDto> {
    const token = newPortalToken();
    const now = new Date();
    const expiresAt = linkExpiry(now, options.validDays);
    let letterDocumentId: string | null = null;
    await this.change(id, version, async (current, scope, steps) => {
      const row = await steps.apply(current, { tokenHash: portalTokenHash(token), tokenIssuedAt: now, tokenExpiresAt: expiresAt, tokenRevokedAt: null }, scope);
      await steps.publish(DOCUMENTS_EVENTS.request.linkIssued(id, { expiresAt: expiresAt.toISOString() }));
      if (options.letterPortalUrl) letterDocumentId = await this.letter.render(row, `${options.letterPortalUrl.replace(/\/+$/, '')}/${token}`);
    });
    return { requestId: id, portalToken: token, portalPath: `${PORTAL_PATH_PREFIX}${token}`, expiresAt, letterDocumentId };
  }

  /** The link stops working (410 from then on); revoking a request without a working link changes nothing. */
  async revokeLink(id: string): Promise<void> {
    await this.change(id, undefined, async (current, scope, steps) => {
      const state = linkState(current, new Date());
      if (state === 'none' || state === 'revoked') return;
      await steps.apply(current, { tokenRevokedAt: new Date() }, scope);
      await steps.publish(DOCUMENTS_EVENTS.request.linkRevoked(id, { expiresAt: current.tokenExpiresAt?.toISOString() ?? null }));
    });
  }

  async acceptItem(id: string, itemId: string, version: number | undefined): Promise<DocumentRequestResponseDto> {
    return this.review(id, itemId, version, 'accepted', null);
  }

  /** Rejecting reopens the item (the customer uploads again) and, with it, a fulfilled request. */
  async rejectItem(id: string, itemId: string, version: number | undefined, reason: string): Promise<DocumentRequestResponseDto> {
    return this.review(id, itemId, version, 'rejected', reason);
  }

  private async review(id: string, itemId: string, version: number | undefined, to: 'accepted' | 'rejected', reason: string | null): Promise<DocumentRequestResponseDto> {
    let response: DocumentRequestResponseDto | undefined;
    await this.change(id, version, async (current, scope, steps) => {
      const checklist = await this.items.itemsOf([id]);
      const item = checklist.find((candidate) => candidate.id === itemId);
      if (!item) throw DocumentsErrors.requestItemNotFound(itemId);
      const allowed = to === 'accepted' ? canAccept(item.status) : canReject(item.status);
      if (!allowed) throw DocumentsErrors.requestItemState(itemId, item.status, to);
      const updated = await this.items.update(itemId, { status: to, rejectionReason: reason, reviewedAt: new Date(), reviewedBy: currentActorId() });
      const event = to === 'accepted' ? DOCUMENTS_EVENTS.request.itemAccepted : DOCUMENTS_EVENTS.request.itemRejected;
      await steps.publish(event(id, { itemId, typeId: item.typeId, documentId: item.documentId, reason }));
      const items = checklist.map((candidate) => (candidate.id === itemId ? updated : candidate));
      const row = await settleStatus(this.requests, current, items, scope);
      response = respond(row, items);
    });
    return response as DocumentRequestResponseDto;
  }

  /** Loads the visible request for update (locked), checks an If-Match version, runs `fn` in one transaction. */
  private async change(
    id: string,
    version: number | undefined,
    fn: (current: DocumentRequest, scope: Scope, steps: DocumentRequestsService['steps']) => Promise<void>,
  ): Promise<void> {
    const steps = this.requests.steps;
    const scope = currentScope('documents.requests:update');
    await this.requests.visible(id);
    await steps.transaction(async () => {
      const current = await steps.find(id, scope, { forUpdate: true });
      if (version !== undefined && current.version !== version) throw staleResource();
      await fn(current, scope, steps);
    });
  }
}

/**
 * Writes the status the items give (bumping the version even when it stays, so the ETag follows
 * the checklist) and emits `fulfilled` or `reopened` when it crosses the line.
 */
export async function settleStatus(requests: DocumentRequestsService, current: DocumentRequest, items: readonly DocumentRequestItem[], scope: Scope): Promise<DocumentRequest> {
  const to = requestStatus(items);
  const event = statusEvent(current.status, to);
  const fulfilledAt = to === 'open' ? null : (current.fulfilledAt ?? new Date());
  const row = await requests.steps.apply(current, { status: to, fulfilledAt }, scope);
  const payload = { contactId: current.contactId, projectId: current.projectId, from: current.status, to };
  if (event === 'fulfilled') await requests.steps.publish(DOCUMENTS_EVENTS.request.fulfilled(current.id, payload));
  if (event === 'reopened') await requests.steps.publish(DOCUMENTS_EVENTS.request.reopened(current.id, payload));
  return row;
}
