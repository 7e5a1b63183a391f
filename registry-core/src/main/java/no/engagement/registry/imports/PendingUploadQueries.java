package no.engagement.registry.imports;

import static no.engagement.registry.jooq.Tables.PENDING_UPLOAD;
import static no.engagement.registry.jooq.Tables.PENDING_UPLOAD_CHUNK;
import static no.engagement.registry.jooq.Tables.SPRING_SESSION;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Uploaded files waiting for their commit, in the tables every instance shares. */
@Repository
class PendingUploadQueries {

  private final DSLContext dsl;

  PendingUploadQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Adds an upload to the session with this id; false when there is no such session (yet). */
  boolean insert(String sessionId, PendingUploads.Pending p) {
    return dsl.insertInto(
                PENDING_UPLOAD,
                PENDING_UPLOAD.TOKEN,
                PENDING_UPLOAD.SESSION_PRIMARY_ID,
                PENDING_UPLOAD.KIND,
                PENDING_UPLOAD.FILE_NAME,
                PENDING_UPLOAD.SOURCE,
                PENDING_UPLOAD.COMPLETE,
                PENDING_UPLOAD.BYTES)
            .select(
                dsl.select(
                        DSL.val(p.token()),
                        SPRING_SESSION.PRIMARY_ID,
                        DSL.val(p.kind()),
                        DSL.val(p.fileName()),
                        DSL.val(p.source()),
                        DSL.val(p.complete()),
                        DSL.val(0L))
                    .from(SPRING_SESSION)
                    .where(SPRING_SESSION.SESSION_ID.eq(sessionId)))
            .execute()
        == 1;
  }

  void insertChunk(String token, int seq, byte[] bytes) {
    dsl.insertInto(PENDING_UPLOAD_CHUNK)
        .set(PENDING_UPLOAD_CHUNK.TOKEN, token)
        .set(PENDING_UPLOAD_CHUNK.SEQ, seq)
        .set(PENDING_UPLOAD_CHUNK.BYTES, bytes)
        .execute();
  }

  void setSize(String token, long bytes) {
    dsl.update(PENDING_UPLOAD)
        .set(PENDING_UPLOAD.BYTES, bytes)
        .where(PENDING_UPLOAD.TOKEN.eq(token))
        .execute();
  }

  /** What all pending uploads hold together, in bytes. */
  long total() {
    return dsl.select(
            DSL.coalesce(DSL.sum(PENDING_UPLOAD.BYTES), DSL.inline(java.math.BigDecimal.ZERO)))
        .from(PENDING_UPLOAD)
        .fetchOne(0, Long.class);
  }

  Optional<PendingUploads.Pending> find(String sessionId, String token) {
    var u = PENDING_UPLOAD;
    return dsl.select(u.TOKEN, u.KIND, u.FILE_NAME, u.SOURCE, u.COMPLETE, u.BYTES)
        .from(u)
        .join(SPRING_SESSION)
        .on(SPRING_SESSION.PRIMARY_ID.eq(u.SESSION_PRIMARY_ID))
        .where(SPRING_SESSION.SESSION_ID.eq(sessionId), u.TOKEN.eq(token))
        .fetchOptional(r -> r.into(PendingUploads.Pending.class));
  }

  int chunks(String token) {
    return dsl.fetchCount(PENDING_UPLOAD_CHUNK, PENDING_UPLOAD_CHUNK.TOKEN.eq(token));
  }

  byte[] chunk(String token, int seq) {
    return dsl.select(PENDING_UPLOAD_CHUNK.BYTES)
        .from(PENDING_UPLOAD_CHUNK)
        .where(PENDING_UPLOAD_CHUNK.TOKEN.eq(token), PENDING_UPLOAD_CHUNK.SEQ.eq(seq))
        .fetchOne(PENDING_UPLOAD_CHUNK.BYTES);
  }

  void delete(String sessionId, String token) {
    var session =
        dsl.select(SPRING_SESSION.PRIMARY_ID)
            .from(SPRING_SESSION)
            .where(SPRING_SESSION.SESSION_ID.eq(sessionId));
    dsl.deleteFrom(PENDING_UPLOAD)
        .where(PENDING_UPLOAD.TOKEN.eq(token), PENDING_UPLOAD.SESSION_PRIMARY_ID.in(session))
        .execute();
  }
}
