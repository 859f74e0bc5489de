/** DI token of the WorkflowRuntime (process managers + timers); global. */
export const WORKFLOW_RUNTIME = Symbol('WORKFLOW_RUNTIME');
/** DI token of the NotificationDispatcher, or null when no channel is configured. */
export const NOTIFICATION_DISPATCHER = Symbol('NOTIFICATION_DISPATCHER');
