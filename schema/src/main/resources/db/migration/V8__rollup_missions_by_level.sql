-- A filter on missions reads one level of the roll-up (ADR 0007), but the index of mission sets
-- held every level: for one mission of the 1M-figure bench it found 2,562 rows, of which the level
-- read had 360, and PostgreSQL then intersected them with the level's 7,200 (1.6 ms). One index per
-- level that keeps the missions (bit 1 unset: 0, 2, 4, 6) finds only that level's (0.6 ms). The
-- screen's SQL writes the level as a constant, so PostgreSQL can use them (ADR 0017).
drop index deployment_rollup_missions;
create index deployment_rollup_missions_0 on deployment_rollup using gin (mission_ids) where level = 0;
create index deployment_rollup_missions_2 on deployment_rollup using gin (mission_ids) where level = 2;
create index deployment_rollup_missions_4 on deployment_rollup using gin (mission_ids) where level = 4;
create index deployment_rollup_missions_6 on deployment_rollup using gin (mission_ids) where level = 6;
