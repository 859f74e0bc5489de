/** DI token of the engine's AuditSigningKey (checkpoint signatures). */
export const AUDIT_SIGNING_KEY = Symbol('AUDIT_SIGNING_KEY');
/** DI token of the AuditChainWitness (witness ledger + signed checkpoints). */
export const AUDIT_CHAIN_WITNESS = Symbol('AUDIT_CHAIN_WITNESS');
/** DI token of the ProjectionRunner of the audit read models (history index, report figures). */
export const AUDIT_PROJECTIONS = Symbol('AUDIT_PROJECTIONS');
