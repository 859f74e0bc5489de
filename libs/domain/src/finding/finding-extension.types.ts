import type { Command, DomainEvent } from '../shared';

/** Deadline extensions and delegation: commands, events and the request record (decisions in finding-extension.ts). */
export interface ExtensionRequest {
  requestId: string;
  workingDays: number;
  reason: string;
  requestedBy: string;
  status: 'pending' | 'granted' | 'denied';
  decidedBy: string | null;
  decisionReason: string | null;
}

export type RequestDeadlineExtension = Command<
  'RequestDeadlineExtension',
  { findingId: string; requestId: string; workingDays: number; reason: string; maxExtensions: number; maxWorkingDays: number }
>;
export type DecideDeadlineExtension = Command<'DecideDeadlineExtension', { findingId: string; requestId: string; granted: boolean; reason: string }>;
/** `fromTeamId`: the team the finding is with now (the inspection's team until delegated), from the handler. */
export type DelegateFinding = Command<'DelegateFinding', { findingId: string; fromTeamId: string | null; toTeamId: string; reason: string }>;

export type FindingExtensionRequested = DomainEvent<
  'FindingExtensionRequested',
  { findingId: string; requestId: string; workingDays: number; reason: string; requestedBy: string }
>;
export type FindingExtensionDecided = DomainEvent<
  'FindingExtensionDecided',
  { findingId: string; requestId: string; granted: boolean; workingDays: number; reason: string; decidedBy: string }
>;
export type FindingDelegated = DomainEvent<'FindingDelegated', { findingId: string; fromTeamId: string | null; toTeamId: string; reason: string }>;

export type ExtensionCommand = RequestDeadlineExtension | DecideDeadlineExtension | DelegateFinding;
export type ExtensionEvent = FindingExtensionRequested | FindingExtensionDecided | FindingDelegated;
