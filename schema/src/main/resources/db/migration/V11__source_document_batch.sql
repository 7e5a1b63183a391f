-- An import of source documents records its batch on the rows it writes, as every other import
-- does, so that it can be reverted like them (the revert deletes the rows the batch added and
-- puts back the ones it changed). Rows written before this column existed have none.
alter table source_document add column batch_id bigint references import_batch;
create index on source_document (batch_id);
