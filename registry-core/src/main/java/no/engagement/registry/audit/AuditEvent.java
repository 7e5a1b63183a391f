package no.engagement.registry.audit;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One audited action: who, what, on what, when (UTC) and from where. */
public record AuditEvent(
    long id,
    OffsetDateTime at,
    String actor,
    String action,
    @Nullable String subject,
    @Nullable String detail,
    @Nullable String remote) {}
