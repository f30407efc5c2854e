/**
 * Records the on-demand requests the sync service never saw (runs as the Automated Process user).
 */
trigger SyncAuditEventTrigger on Sync_Audit__e(after insert) {
  new SyncAuditEventHandler().handle(Trigger.new);
}
