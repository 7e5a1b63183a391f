package no.engagement.registry.audit;

import java.time.OffsetDateTime;

/** One audited action: who, what, on what, when (UTC) and from where. */
public record AuditEvent(
    long id,
    OffsetDateTime at,
    String actor,
    String action,
    String subject,
    String detail,
    String remote) {}
