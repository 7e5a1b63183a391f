package no.engagement.registry.imports;

import static no.engagement.registry.imports.StagingQueries.name;
import static no.engagement.registry.jooq.Tables.IMPORT_BATCH;
import static no.engagement.registry.jooq.Tables.IMPORT_CHANGE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Puts back what an import batch did, from its history ({@code import_change}): the rows it added
 * are deleted, the rows it changed or removed restored as they were, ids included (ADR 0010).
 */
@Repository
class RevertQueries {

  private final DSLContext dsl;

  RevertQueries(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A later import that changed or removed {@code rows} of an earlier one's rows. */
  record LaterChange(long batchId, int rows) {}

  /**
   * The later, standing import that changed or removed rows of {@code batchId}, and how many: while
   * it stands, reverting {@code batchId} would undo what it did.
   */
  Optional<LaterChange> changedLater(long batchId) {
    return dsl.select(IMPORT_CHANGE.BATCH_ID, DSL.count())
        .from(IMPORT_CHANGE)
        .join(IMPORT_BATCH)
        .on(IMPORT_BATCH.ID.eq(IMPORT_CHANGE.BATCH_ID))
        .where(IMPORT_CHANGE.OLD_BATCH_ID.eq(batchId))
        .and(IMPORT_BATCH.STATUS.eq("committed"))
        .groupBy(IMPORT_CHANGE.BATCH_ID)
        .orderBy(IMPORT_CHANGE.BATCH_ID)
        .limit(1)
        .fetchOptional(Records.mapping(LaterChange::new));
  }

  /** What a revert did: rows the batch added, deleted; rows it changed or removed, restored. */
  record Reverted(int deleted, int restored) {}

  /**
   * Puts back the rows batch {@code batchId} changed or removed, as its {@code import_change} rows
   * recorded them, and deletes the rows it added.
   */
  Reverted revert(Table<?> table, long batchId) {
    String t = name(table);
    List<Field<?>> pk = List.copyOf(table.getPrimaryKey().getFields());
    String samePk =
        pk.stream()
            .map(f -> "r." + name(f) + " = t." + name(f))
            .collect(Collectors.joining(" and "));
    String populated =
        " from import_change c cross join lateral jsonb_populate_record(null::"
            + t
            + ", c.old_row) r where c.batch_id = ? and c.op = ";
    int deleted =
        dsl.query(
                "delete from "
                    + t
                    + " t where t.batch_id = ? and not exists (select 1"
                    + populated
                    + "'changed' and "
                    + samePk
                    + ")",
                batchId,
                batchId)
            .execute();
    List<String> set = new ArrayList<>();
    for (var f : table.fields()) {
      if (!pk.contains(f)) {
        set.add(name(f) + " = r." + name(f));
      }
    }
    int restored =
        dsl.query(
                "update "
                    + t
                    + " t set "
                    + String.join(", ", set)
                    + populated
                    + "'changed' and "
                    + samePk,
                batchId)
            .execute();
    String all =
        java.util.Arrays.stream(table.fields())
            .map(StagingQueries::name)
            .collect(Collectors.joining(", "));
    String allOfR =
        java.util.Arrays.stream(table.fields())
            .map(f -> "r." + name(f))
            .collect(Collectors.joining(", "));
    restored +=
        dsl.query(
                "insert into "
                    + t
                    + " ("
                    + all
                    + ")"
                    + (table.getIdentity() != null ? " overriding system value" : "")
                    + " select "
                    + allOfR
                    + populated
                    + "'removed'",
                batchId)
            .execute();
    return new Reverted(deleted, restored);
  }
}
