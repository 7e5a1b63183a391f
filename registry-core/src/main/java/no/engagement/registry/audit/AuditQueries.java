package no.engagement.registry.audit;

import static no.engagement.registry.jooq.Tables.AUDIT_EVENT;
import static org.jooq.Records.mapping;

import java.util.List;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** The audit feature's only door to the database. */
@Repository
class AuditQueries {

  private final DSLContext dsl;

  AuditQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  void insert(
      String actor,
      String action,
      @Nullable String subject,
      @Nullable String detail,
      @Nullable String remote) {
    dsl.insertInto(AUDIT_EVENT)
        .set(AUDIT_EVENT.ACTOR, actor)
        .set(AUDIT_EVENT.ACTION, action)
        .set(AUDIT_EVENT.SUBJECT, subject)
        .set(AUDIT_EVENT.DETAIL, detail)
        .set(AUDIT_EVENT.REMOTE, remote)
        .execute();
  }

  /** Newest first, keyset-paged on the id: the events older than {@code before}. */
  List<AuditEvent> page(long before, int size) {
    var A = AUDIT_EVENT;
    return dsl.select(A.ID, A.AT, A.ACTOR, A.ACTION, A.SUBJECT, A.DETAIL, A.REMOTE)
        .from(A)
        .where(A.ID.lt(before))
        .orderBy(A.ID.desc())
        .limit(size)
        .fetch(mapping(AuditEvent::new));
  }
}
