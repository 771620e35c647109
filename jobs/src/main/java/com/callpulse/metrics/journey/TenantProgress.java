package com.callpulse.metrics.journey;

/**
 * How far a tenant's contact records have come: the newest occurred_at seen among them. Broadcast to the journey
 * operator, which closes a window only once its tenant's records have passed the window's end (so a bounded input
 * whose other streams run on for days does not close windows its contact records never covered).
 */
public class TenantProgress {
    public String tenantId;
    public long through;

    public TenantProgress() {}

    public TenantProgress(String tenantId, long through) {
        this.tenantId = tenantId;
        this.through = through;
    }
}
