/** DI token of the WorkflowRuntime (process managers + timers); global. */
export const WORKFLOW_RUNTIME = Symbol('WORKFLOW_RUNTIME');
/** DI token of the NotificationDispatcher, or null when no channel is configured. */
export const NOTIFICATION_DISPATCHER = Symbol('NOTIFICATION_DISPATCHER');
/**
 * Optional DI token: process managers run beside the built-in list of WorkflowModule (a
 * global module providing it adds them; tests use it to run a deliberately failing one).
 */
export const EXTRA_PROCESS_MANAGERS = Symbol('EXTRA_PROCESS_MANAGERS');
